/**
 * The one Hub API client of a page: bearer only to `api-base`, typed and
 * validated endpoints, one renewal after a 401, and the one-broker rule.
 * The transport (`http/transport.ts`), the retry policy (`http/retry.ts`)
 * and the shared cache and dedupe (`http/flights.ts`) are their own pieces.
 */
import type { SharedSession } from './auth/shared-session.js';
import { brokerOf, isBrokers, namedOrganization, withOrganizations } from './brokers.js';
import { AnvaError } from './errors.js';
import { flights } from './http/flights.js';
import { withRetries } from './http/retry.js';
import { send } from './http/transport.js';
import { withSafeIcons } from './icons.js';
import { listeners } from './listeners.js';
import { parseEnvelope } from './schemas.js';
import type { EndpointItem, EndpointName } from './schemas.js';
import type { AnvaConfig, Contract, HubClient, Organization, RequestOptions } from './types.js';

export interface ClientOptions {
  /** First retry delay; doubles per retry (at most 2, within the time limit). */
  retryDelayMs: number;
  /** After this long a caller's `onSlow` is called. */
  slowAfterMs: number;
}

export interface Client extends HubClient {
  /** Leaving the page: abort every request, keep what is known. */
  abort(): void;
  /** Sign-out or another customer: abort every request, forget every result. */
  reset(): void;
}

/** `.` and `..` are resolved by every URL parser, even percent-encoded: they can never be a path segment. */
const DOTS_ONLY = /^\.+$/;

export function createClient(
  getConfig: () => AnvaConfig | undefined,
  session: SharedSession,
  { retryDelayMs, slowAfterMs }: ClientOptions,
): Client {
  const shared = flights(slowAfterMs);
  const { subscribe, notify } = listeners();

  function configured(): AnvaConfig {
    const config = getConfig();
    if (!config) throw new AnvaError('config', 'No <anva-hub> configuration.');
    return config;
  }

  async function get<K extends EndpointName>(
    name: K,
    path: string,
    options?: RequestOptions,
  ): Promise<EndpointItem<K>[]> {
    const url = configured().apiBase + path;
    return shared.get(url, (signal) => load(name, url, path, signal), options);
  }

  /** One GET with the page's one time limit (`timeout`), retries inside it, a renewal after a 401. */
  async function load<K extends EndpointName>(
    name: K,
    url: string,
    path: string,
    signal: AbortSignal,
  ): Promise<EndpointItem<K>[]> {
    const where = `${name} (GET ${path})`;
    const deadline = Date.now() + configured().timeout * 1000;
    let renewed = false;
    const attempt = async (): Promise<EndpointItem<K>[]> => {
      const timeoutMs = Math.max(deadline - Date.now(), 1);
      const config = getConfig();
      const active = session.active;
      if (!config || !url.startsWith(`${config.apiBase}/`))
        throw new AnvaError('config', `Refusing to send the session outside api-base: ${url}.`);
      const token = await active?.accessToken();
      if (!active || !token) throw new AnvaError('unauthorized', 'The customer is not signed in.');
      const answer = await send(url, { where, token, signal, timeoutMs }, (body) =>
        parseEnvelope(name, body),
      );
      if (answer.kind === 'unauthorized') {
        if (answer.revoked) {
          await active.signOut('revoked');
          throw new AnvaError('unauthorized', `${where}: access revoked.`);
        }
        if (!renewed && (await active.recover(token))) {
          renewed = true;
          return attempt();
        }
        if (session.state.status === 'signed-in') await active.signOut('expired');
        throw new AnvaError('unauthorized', `${where}: session not accepted.`);
      }
      return answer.value;
    };
    return withRetries(attempt, { retryDelayMs, deadline, signal });
  }

  const warn = (problem: string) => console.warn(`[anva-widgets] ${problem}`);

  async function allOrganizations(options?: RequestOptions): Promise<Organization[]> {
    const config = configured();
    return withSafeIcons(
      await get('organizations', '/organization/organizations/mine', options),
      config,
    );
  }

  /**
   * Each contract with its organisation. Without `organization` that only
   * decorates, so a failing account or organisation list leaves them plain;
   * with it, only the configured broker's contracts, and none when it is unknown.
   */
  async function decorated(contracts: Contract[], options?: RequestOptions): Promise<Contract[]> {
    const wanted = getConfig()?.organization;
    const context = Promise.all([client.account(options), allOrganizations(options)]);
    if (!wanted) {
      const known = await context.catch(() => undefined);
      return known ? withOrganizations(contracts, ...known) : contracts;
    }
    const [account, organizations] = await context;
    const { id, problem } = brokerOf(wanted, account, organizations);
    if (id === undefined) {
      warn(problem);
      return [];
    }
    const mine = contracts.filter((contract) => isBrokers(contract, account, id));
    return withOrganizations(mine, account, organizations);
  }

  /** A public call may wait on several requests; its caller hears "slow" once. */
  const slowOnce = (options?: RequestOptions): RequestOptions | undefined => {
    const onSlow = options?.onSlow;
    if (!onSlow) return options;
    let told = false;
    return {
      ...options,
      onSlow() {
        if (told) return;
        told = true;
        onSlow();
      },
    };
  };

  /** The first item, or `not-found`. */
  const one = async <T>(items: Promise<T[]>, what: string) => {
    const [item] = await items;
    if (!item) throw new AnvaError('not-found', `The Hub has no ${what} for this customer.`);
    return item;
  };

  const client: Client = {
    account: (options) => one(get('account', '/account/mine', options), 'account'),
    async organizations(options) {
      const wanted = getConfig()?.organization;
      const all = await allOrganizations(options);
      if (!wanted) return all;
      const named = namedOrganization(all, wanted);
      if (!named) warn(`organization "${wanted}" is not among this customer's organisations.`);
      return named ? [named] : [];
    },
    permissions: (options) => get('permissions', '/permission/permissions/mine', options),
    async contracts(caller) {
      const options = slowOnce(caller);
      return decorated(await get('contracts', '/contract/contracts/mycontracts', options), options);
    },
    async contract(id, caller) {
      const options = slowOnce(caller);
      if (DOTS_ONLY.test(id))
        throw new AnvaError('not-found', `Contract id "${id}" cannot be part of an API path.`);
      const path = `/contract/contracts/${encodeURIComponent(id)}/mine`;
      const [contract] = await decorated(
        [await one(get('contract', path, options), `contract ${id}`)],
        options,
      );
      if (!contract) throw new AnvaError('not-found', `Contract ${id} is not this broker's.`);
      return contract;
    },
    invalidate() {
      shared.clear();
      notify();
    },
    subscribe,
    abort() {
      shared.abort(new DOMException('The page was left.', 'AbortError'));
    },
    reset() {
      shared.abort(new AnvaError('unauthorized', 'The session ended.'));
      client.invalidate();
    },
  };
  return client;
}
