/**
 * The one Hub API client of a page: bearer only to `api-base`, typed and
 * validated endpoints, the contract's error codes, retries for idempotent
 * GETs, one fetch for concurrent identical requests, a session cache.
 */
import { saysRevoked } from './auth/renewal.js';
import type { SharedSession } from './auth/shared-session.js';
import { AnvaError } from './errors.js';
import type { AnvaErrorCode } from './errors.js';
import { listeners } from './listeners.js';
import { parseEnvelope } from './schemas.js';
import type { EndpointItems, EndpointName } from './schemas.js';
import type { AnvaConfig, Contract, HubClient, Organization, RequestOptions } from './types.js';

export interface ClientOptions {
  /** Per-attempt timeout (the contract's default: 15 s). */
  timeoutMs: number;
  /** First retry delay; doubles per retry (at most 2 retries). */
  retryDelayMs: number;
}

export interface Client extends HubClient {
  /** Sign-out or another customer: abort every request, forget every result. */
  reset(): void;
}

/** One fetch shared by every concurrent caller of the same URL. */
interface Flight {
  promise: Promise<unknown>;
  controller: AbortController;
  callers: number;
}

function wait(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });
}

/** Whether a 401 says the grant or the account itself is gone (then renewal cannot help). */
async function revokedBy(response: Response): Promise<boolean> {
  const body = (await response
    .clone()
    .json()
    .catch(() => null)) as { error?: string | { code?: string } } | null;
  const error = body?.error;
  return saysRevoked(
    response.headers.get('WWW-Authenticate'),
    typeof error === 'string' ? error : error?.code,
  );
}

export function createClient(
  getConfig: () => AnvaConfig | undefined,
  session: SharedSession,
  { timeoutMs, retryDelayMs }: ClientOptions,
): Client {
  const cache = new Map<string, unknown>();
  const flights = new Map<string, Flight>();
  const { subscribe, notify } = listeners();

  async function get<K extends EndpointName>(
    name: K,
    path: string,
    options?: RequestOptions,
  ): Promise<EndpointItems[K][]> {
    const config = getConfig();
    if (!config) throw new AnvaError('config', 'No <anva-hub> configuration.');
    const url = config.apiBase + path;
    if (cache.has(url)) return cache.get(url) as EndpointItems[K][];
    let flight = flights.get(url);
    if (!flight) {
      const controller = new AbortController();
      const created: Flight = {
        controller,
        callers: 0,
        promise: load(name, url, path, controller.signal).then((items) => {
          if (flights.get(url) === created) cache.set(url, items);
          return items;
        }),
      };
      created.promise
        .finally(() => flights.get(url) === created && flights.delete(url))
        .catch(() => undefined);
      flights.set(url, (flight = created));
    }
    return join(url, flight, options?.signal) as Promise<EndpointItems[K][]>;
  }

  /** A caller joins a shared request; it is aborted only when every caller with a signal has left. */
  function join(url: string, flight: Flight, signal?: AbortSignal): Promise<unknown> {
    flight.callers += 1;
    if (!signal) return flight.promise;
    const leave = () => {
      if (--flight.callers > 0) return;
      flight.controller.abort(signal.reason);
      // Later callers start afresh instead of joining an aborted request.
      if (flights.get(url) === flight) flights.delete(url);
    };
    return new Promise((resolve, reject) => {
      const onAbort = () => {
        leave();
        reject(signal.reason);
      };
      if (signal.aborted) return onAbort();
      signal.addEventListener('abort', onAbort, { once: true });
      flight.promise
        .then(resolve, reject)
        .finally(() => signal.removeEventListener('abort', onAbort));
    });
  }

  /**
   * One GET: the bearer only to `api-base`, one renewal after a 401, and (it is
   * idempotent) at most 2 retries with doubling delays on network, server and
   * timeout errors.
   */
  async function load<K extends EndpointName>(
    name: K,
    url: string,
    path: string,
    signal: AbortSignal,
  ): Promise<EndpointItems[K][]> {
    const where = `${name} (GET ${path})`;
    const error = (code: AnvaErrorCode, problem: string, retryable = false) =>
      new AnvaError(code, `${where}: ${problem}.`, { retryable });
    const invalid = (problem: string) => {
      const invalid = error('invalid-response', `unexpected answer: ${problem}`);
      console.error(`[anva-widgets] invalid-response: ${invalid.message}`);
      return invalid;
    };
    let renewed = false;
    for (let retries = 0; ;) {
      const attempt = new AbortController();
      const stop = () => attempt.abort(signal.reason);
      let timedOut = false;
      let timer: ReturnType<typeof setTimeout> | undefined;
      /** A fetch or body read that broke because the caller left or the time ran out. */
      const broken = (): unknown =>
        signal.aborted ? signal.reason : timedOut && error('timeout', 'no answer in time', true);
      try {
        const config = getConfig();
        const active = session.active;
        if (!config || !url.startsWith(`${config.apiBase}/`))
          throw new AnvaError('config', `Refusing to send the session outside api-base: ${url}.`);
        const token = await active?.accessToken();
        if (!active || !token)
          throw new AnvaError('unauthorized', 'The customer is not signed in.');
        if (signal.aborted) throw signal.reason;
        signal.addEventListener('abort', stop, { once: true });
        timer = setTimeout(() => {
          timedOut = true;
          attempt.abort();
        }, timeoutMs);
        let response: Response;
        try {
          response = await fetch(url, {
            headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' },
            credentials: 'omit',
            signal: attempt.signal,
          });
        } catch (cause) {
          throw broken() || error('network', `Hub unreachable (${cause})`, true);
        }
        const status = response.status;
        if (status === 401) {
          if (await revokedBy(response)) {
            await active.signOut('revoked');
            throw error('unauthorized', 'access revoked');
          }
          if (!renewed && (await active.recover(token))) {
            renewed = true;
            continue;
          }
          if (session.state.status === 'signed-in') await active.signOut('expired');
          throw error('unauthorized', 'session not accepted');
        }
        if (status === 403) throw error('forbidden', 'not allowed');
        if (status === 404 || status === 410) throw error('not-found', 'not found');
        if (status === 408 || status === 504) throw error('timeout', 'the Hub timed out', true);
        if (!response.ok) throw error('server', `HTTP ${status}`, status >= 500);
        const type = response.headers.get('Content-Type') ?? 'none';
        if (!/^application\/([\w.+-]*\+)?json\b/i.test(type.trim()))
          throw invalid(`content type "${type}" is not JSON`);
        let body: unknown;
        try {
          body = await response.json();
        } catch {
          throw broken() || invalid('the body is not JSON');
        }
        const items = parseEnvelope(name, body);
        if (typeof items === 'string') throw invalid(items);
        return items;
      } catch (caught) {
        const again =
          caught instanceof AnvaError &&
          caught.retryable &&
          ['network', 'server', 'timeout'].includes(caught.code) &&
          retries < 2 &&
          !signal.aborted;
        if (!again) throw caught;
      } finally {
        clearTimeout(timer);
        signal.removeEventListener('abort', stop);
      }
      await wait(retryDelayMs * 2 ** retries++, signal);
    }
  }

  /** The customer's organisations that the `organization` setting names (by id, or code in any case). */
  async function configured(options?: RequestOptions): Promise<Organization[]> {
    const all = await get('organizations', '/organization/organizations/mine', options);
    const wanted = getConfig()?.organization?.trim().toLowerCase();
    return all.filter(
      ({ id, code }) => id.toLowerCase() === wanted || code?.toLowerCase() === wanted,
    );
  }

  /** The configured broker when it is among the customer's organisations, else all of them. */
  async function organizations(options?: RequestOptions): Promise<Organization[]> {
    const mine = await configured(options);
    return mine.length ? mine : get('organizations', '/organization/organizations/mine', options);
  }

  /** Only this broker's dossier when `organization` is set and the customer has several. */
  async function ofOrganization(all: Contract[], options?: RequestOptions): Promise<Contract[]> {
    const wanted = getConfig()?.organization;
    if (!wanted) return all;
    const dossiers = (await client.account(options)).dossiers ?? {};
    const known = Object.keys(dossiers).filter(
      (id) => dossiers[id] !== null && dossiers[id] !== '',
    );
    if (known.length <= 1) return all;
    const id = known.includes(wanted) ? wanted : (await configured(options))[0]?.id;
    const dossier = id === undefined ? undefined : dossiers[id];
    if (dossier === undefined || dossier === null) {
      console.warn(
        `[anva-widgets] organization "${wanted}" is not among the customer's organisations: no contracts shown.`,
      );
      return [];
    }
    return all.filter(
      ({ dossierNumber }) =>
        dossierNumber !== undefined &&
        dossierNumber !== null &&
        String(dossierNumber) === String(dossier),
    );
  }

  /** The first item, or `not-found`. */
  const one = async <T>(items: Promise<T[]>, what: string) => {
    const [item] = await items;
    if (!item) throw new AnvaError('not-found', `The Hub has no ${what} for this customer.`);
    return item;
  };

  const client: Client = {
    account: (options) => one(get('account', '/account/mine', options), 'account'),
    organizations,
    permissions: (options) => get('permissions', '/permission/permissions/mine', options),
    contracts: async (options) =>
      ofOrganization(await get('contracts', '/contract/contracts/mycontracts', options), options),
    contract: (id, options) =>
      one(
        get('contract', `/contract/contracts/${encodeURIComponent(id)}/mine`, options),
        `contract ${id}`,
      ),
    invalidate() {
      cache.clear();
      notify();
    },
    subscribe,
    reset() {
      const reason = new AnvaError('unauthorized', 'The session ended.');
      for (const flight of flights.values()) flight.controller.abort(reason);
      flights.clear();
      client.invalidate();
    },
  };
  return client;
}
