/**
 * The one Hub API client of a page: bearer only to `api-base`, typed and
 * validated endpoints, the contract's error codes, retries for idempotent
 * GETs, one fetch for concurrent identical requests, a session cache.
 */
import type { SharedSession } from './auth.js';
import { saysRevoked } from './auth.js';
import { AnvaError } from './errors.js';
import { parseEnvelope } from './schemas.js';
import type { EndpointItems, EndpointName } from './schemas.js';
import type {
  Account,
  AnvaConfig,
  Contract,
  HubClient,
  Organization,
  Permission,
  RequestOptions,
} from './types.js';

export interface ClientOptions {
  /** Per-attempt timeout (the contract's default: 15 s). */
  timeoutMs: number;
  /** First retry delay; doubles per retry (at most 2 retries). */
  retryDelayMs: number;
}

const MAX_RETRIES = 2;

interface Flight {
  key: string;
  promise: Promise<unknown>;
  controller: AbortController;
  callers: number;
}

function isJson(contentType: string | null): boolean {
  return !!contentType && /^application\/([\w.+-]*\+)?json\b/i.test(contentType.trim());
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
  const challenge = response.headers.get('WWW-Authenticate');
  let code: string | undefined;
  try {
    const body: unknown = await response.clone().json();
    const error = (body as { error?: unknown } | null)?.error;
    code =
      typeof error === 'string'
        ? error
        : typeof (error as { code?: unknown } | undefined)?.code === 'string'
          ? (error as { code: string }).code
          : undefined;
  } catch {
    code = undefined;
  }
  return saysRevoked(challenge, code);
}

export class Client implements HubClient {
  private readonly cache = new Map<string, unknown>();
  private readonly flights = new Map<string, Flight>();
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly getConfig: () => AnvaConfig | undefined,
    private readonly session: SharedSession,
    private readonly options: ClientOptions,
  ) {}

  async account(options?: RequestOptions): Promise<Account> {
    const items = await this.get('account', '/account/mine', options);
    const account = items[0];
    if (!account) throw new AnvaError('not-found', 'The Hub returned no account.');
    return account;
  }

  organizations(options?: RequestOptions): Promise<Organization[]> {
    return this.get('organizations', '/organization/organizations/mine', options);
  }

  permissions(options?: RequestOptions): Promise<Permission[]> {
    return this.get('permissions', '/permission/permissions/mine', options);
  }

  async contracts(options?: RequestOptions): Promise<Contract[]> {
    const all = await this.get('contracts', '/contract/contracts/mycontracts', options);
    return this.ofOrganization(all, options);
  }

  async contract(id: string, options?: RequestOptions): Promise<Contract> {
    const path = `/contract/contracts/${encodeURIComponent(String(id))}/mine`;
    const items = await this.get('contract', path, options);
    const contract = items[0];
    if (!contract)
      throw new AnvaError('not-found', `The Hub has no contract ${id} for this customer.`);
    return contract;
  }

  invalidate(): void {
    this.cache.clear();
    this.notify();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Sign-out or another customer: abort every request, forget every result. */
  reset(): void {
    const reason = new AnvaError(
      'unauthorized',
      'The session ended while the request was running.',
    );
    for (const flight of this.flights.values()) flight.controller.abort(reason);
    this.flights.clear();
    this.cache.clear();
    this.notify();
  }

  private notify(): void {
    for (const listener of [...this.listeners]) listener();
  }

  /** Only this broker's dossier when `organization` is set and the customer has several. */
  private async ofOrganization(all: Contract[], options?: RequestOptions): Promise<Contract[]> {
    const wanted = this.getConfig()?.organization;
    if (!wanted) return all;
    const dossiers = (await this.account(options)).dossiers ?? {};
    const known = Object.entries(dossiers).filter(
      ([, dossier]) => dossier !== null && dossier !== '',
    );
    if (known.length <= 1) return all;
    let organizationId = known.some(([id]) => id === wanted) ? wanted : undefined;
    if (organizationId === undefined) {
      const organizations = await this.organizations(options);
      const lower = wanted.toLowerCase();
      organizationId = organizations.find(
        (organization) => organization.id === wanted || organization.code?.toLowerCase() === lower,
      )?.id;
    }
    const dossier = organizationId === undefined ? undefined : dossiers[organizationId];
    if (dossier === undefined || dossier === null) {
      console.warn(
        `[anva-widgets] organization "${wanted}" is not one of this customer's organisations; no contracts are shown.`,
      );
      return [];
    }
    return all.filter(
      (contract) =>
        contract.dossierNumber !== undefined &&
        contract.dossierNumber !== null &&
        String(contract.dossierNumber) === String(dossier),
    );
  }

  private get<K extends EndpointName>(
    name: K,
    path: string,
    options: RequestOptions = {},
  ): Promise<EndpointItems[K][]> {
    const config = this.getConfig();
    if (!config) {
      return Promise.reject(
        new AnvaError('config', 'anva-widgets is not configured (no <anva-hub>).'),
      );
    }
    const key = `${config.apiBase}${path}`;
    if (this.cache.has(key)) return Promise.resolve(this.cache.get(key) as EndpointItems[K][]);
    let flight = this.flights.get(key);
    if (!flight) {
      const controller = new AbortController();
      const created: Flight = {
        key,
        controller,
        callers: 0,
        promise: this.withRetries(name, key, path, controller.signal).then((items) => {
          if (this.flights.get(key) === created) this.cache.set(key, items);
          return items;
        }),
      };
      created.promise
        .finally(() => {
          if (this.flights.get(key) === created) this.flights.delete(key);
        })
        .catch(() => undefined);
      this.flights.set(key, created);
      flight = created;
    }
    return this.join(flight, options.signal) as Promise<EndpointItems[K][]>;
  }

  /** A caller joins a shared request; it is aborted only when every caller with a signal has left. */
  private join(flight: Flight, signal: AbortSignal | undefined): Promise<unknown> {
    flight.callers += 1;
    if (!signal) return flight.promise;
    const leave = () => {
      flight.callers -= 1;
      if (flight.callers > 0) return;
      flight.controller.abort(signal.reason);
      // Later callers start afresh instead of joining an aborted request.
      if (this.flights.get(flight.key) === flight) this.flights.delete(flight.key);
    };
    if (signal.aborted) {
      leave();
      return Promise.reject(signal.reason);
    }
    return new Promise((resolve, reject) => {
      const onAbort = () => {
        leave();
        reject(signal.reason);
      };
      signal.addEventListener('abort', onAbort, { once: true });
      flight.promise.then(
        (value) => {
          signal.removeEventListener('abort', onAbort);
          resolve(value);
        },
        (error: unknown) => {
          signal.removeEventListener('abort', onAbort);
          reject(error);
        },
      );
    });
  }

  private async withRetries<K extends EndpointName>(
    name: K,
    url: string,
    path: string,
    signal: AbortSignal,
  ): Promise<EndpointItems[K][]> {
    for (let attempt = 0; ; attempt += 1) {
      try {
        return await this.fetchOnce(name, url, path, signal, false);
      } catch (error) {
        const again =
          error instanceof AnvaError &&
          (error.code === 'network' || error.code === 'server' || error.code === 'timeout') &&
          error.retryable &&
          attempt < MAX_RETRIES &&
          !signal.aborted;
        if (!again) throw error;
        await wait(this.options.retryDelayMs * 2 ** attempt, signal);
      }
    }
  }

  private async fetchOnce<K extends EndpointName>(
    name: K,
    url: string,
    path: string,
    signal: AbortSignal,
    renewed: boolean,
  ): Promise<EndpointItems[K][]> {
    const config = this.getConfig();
    const session = this.session.active;
    // The bearer goes to `api-base` and nowhere else.
    if (!config || !url.startsWith(`${config.apiBase}/`)) {
      throw new AnvaError(
        'config',
        `Refusing to send the session to ${url}: it is outside api-base.`,
      );
    }
    const token = await session?.accessToken();
    if (!session || !token) throw new AnvaError('unauthorized', 'The customer is not signed in.');
    if (signal.aborted) throw signal.reason;
    const attempt = new AbortController();
    const stop = () => attempt.abort(signal.reason);
    signal.addEventListener('abort', stop, { once: true });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      attempt.abort();
    }, this.options.timeoutMs);
    const where = `${name} (GET ${path})`;
    try {
      let response: Response;
      try {
        response = await fetch(url, {
          headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' },
          credentials: 'omit',
          signal: attempt.signal,
        });
      } catch (error) {
        if (signal.aborted) throw signal.reason;
        if (timedOut) {
          throw new AnvaError('timeout', `The Hub did not answer ${where} in time.`, {
            retryable: true,
          });
        }
        throw new AnvaError('network', `The Hub could not be reached for ${where}.`, {
          retryable: true,
          cause: error,
        });
      }
      if (response.status === 401) {
        if (await revokedBy(response)) {
          await session.signOut('revoked');
          throw new AnvaError('unauthorized', `The Hub revoked this customer's access (${where}).`);
        }
        if (!renewed && (await session.recover(token))) {
          return await this.fetchOnce(name, url, path, signal, true);
        }
        if (this.session.state.status === 'signed-in') await session.signOut('expired');
        throw new AnvaError('unauthorized', `The session was not accepted for ${where}.`);
      }
      if (response.status === 403) {
        throw new AnvaError('forbidden', `The customer may not read ${where}.`);
      }
      if (response.status === 404 || response.status === 410) {
        throw new AnvaError('not-found', `The Hub does not know ${where}.`);
      }
      if (response.status === 408 || response.status === 504) {
        throw new AnvaError('timeout', `The Hub timed out on ${where}.`, { retryable: true });
      }
      if (response.status >= 500) {
        throw new AnvaError('server', `The Hub failed on ${where} (HTTP ${response.status}).`, {
          retryable: true,
        });
      }
      if (!response.ok) {
        throw new AnvaError('server', `The Hub refused ${where} (HTTP ${response.status}).`);
      }
      const contentType = response.headers.get('Content-Type');
      if (!isJson(contentType)) {
        throw this.invalid(where, `content type is "${contentType ?? 'none'}", not JSON`);
      }
      let body: unknown;
      try {
        body = await response.json();
      } catch {
        if (signal.aborted) throw signal.reason;
        if (timedOut) {
          throw new AnvaError('timeout', `The Hub did not finish ${where} in time.`, {
            retryable: true,
          });
        }
        throw this.invalid(where, 'the body is not valid JSON');
      }
      const parsed = parseEnvelope(name, body);
      if (!parsed.ok) throw this.invalid(where, `${parsed.path}: ${parsed.message}`);
      return parsed.items;
    } finally {
      clearTimeout(timer);
      signal.removeEventListener('abort', stop);
    }
  }

  private invalid(where: string, problem: string): AnvaError {
    const message = `The Hub's answer to ${where} is not what anva-widgets expects: ${problem}.`;
    console.error(`[anva-widgets] invalid-response: ${message}`);
    return new AnvaError('invalid-response', message);
  }
}
