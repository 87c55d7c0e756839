/**
 * The page-global runtime: one configuration, one auth session, one Hub
 * client and one contract selection per page, however many widgets (and
 * however many copies of the script) there are. What a configuration means
 * is decided in `config-decision.ts`; this module only applies it.
 */
import { openPage } from './auth/navigate.js';
import type { AuthOptions } from './auth/session.js';
import { sharedSession } from './auth/shared-session.js';
import type { SharedSession } from './auth/shared-session.js';
import { startSession } from './auth/start.js';
import { decide } from './config-decision.js';
import type { Configured, SourceKind } from './config-decision.js';
import { parseSettings } from './config.js';
import type { AnvaSettings } from './config.js';
import { AnvaError } from './errors.js';
import { report, setSessionEventTarget } from './events.js';
import { createClient } from './hub-client.js';
import type { Client, ClientOptions } from './hub-client.js';
import { listeners } from './listeners.js';
import { pinnedOrigins } from './pinned-origins.js';
import type { AnvaRuntime, ContractSelection } from './types.js';

/** Timing and navigation knobs; the defaults are the contract's. */
export interface RuntimeOptions extends AuthOptions, ClientOptions {}

/** `<anva-hub>` elements, or `configure()`. */
export type Source = Element | symbol;

export interface Runtime extends AnvaRuntime {
  readonly session: SharedSession;
  readonly client: Client;
  /** The one path for `<anva-hub>` attributes and `configure()`. */
  apply(settings: AnvaSettings, source: Source): void;
  /** Ends everything this runtime started (a page tearing the widgets down). */
  dispose(): void;
}

const targetOf = (source: Source | undefined) => (source instanceof Element ? source : document);

export function runtimeOptions(overrides: Partial<RuntimeOptions>): RuntimeOptions {
  return {
    navigate: openPage,
    renewBeforeSeconds: 60,
    peerWaitMs: 150,
    retryDelayMs: 400,
    slowAfterMs: 4000,
    ...overrides,
  };
}

export function createRuntime(overrides: Partial<RuntimeOptions>): Runtime {
  const options = runtimeOptions(overrides);
  const { subscribe, notify } = listeners();
  const selected = listeners();
  const session = sharedSession();
  const client = createClient(() => configured?.config, session, options);
  let configured: (Configured & { source: Source }) | undefined;
  let selection: ContractSelection['current'];

  // Leaving the page ends its requests; coming back from the back-forward cache reads afresh.
  const leave = () => client.abort();
  const back = (event: PageTransitionEvent) => event.persisted && client.invalidate();
  addEventListener('pagehide', leave);
  addEventListener('pageshow', back);

  // An element's settings wait until the page is parsed and its DOMContentLoaded handlers ran,
  // so the web team's configure() in any script comes first: an editor's <anva-hub> never
  // starts a session it would lose.
  let parsed = document.readyState === 'complete';
  const waiting = new Map<Element, AnvaSettings>();
  const flush = () => {
    if (parsed) return;
    parsed = true;
    for (const [element, settings] of waiting) runtime.apply(settings, element);
    waiting.clear();
  };

  const own = (next: Configured & { source: Source }) => {
    configured = next;
    setSessionEventTarget(next.source instanceof Element ? next.source : undefined);
  };

  const fail = (error: AnvaError) => {
    client.reset();
    session.attach(undefined, { status: 'config-error', error });
    notify();
  };

  // Never a blank box: with no `<anva-hub>` after the page loaded, say so.
  const check = () => {
    if (configured) return;
    const error = new AnvaError(
      'config',
      'No <anva-hub> or configure() found on this page; add one with authority, client-id and api-base.',
    );
    console.error(`[anva-widgets] config: ${error.message}`);
    own({ source: Symbol('none'), kind: 'element', error });
    fail(error);
  };
  if (parsed) setTimeout(check);
  else {
    addEventListener('DOMContentLoaded', () => setTimeout(flush), { once: true });
    addEventListener(
      'load',
      () => {
        flush();
        setTimeout(check);
      },
      { once: true },
    );
  }

  const runtime: Runtime = {
    get config() {
      return configured?.config;
    },
    get configError() {
      return configured?.error;
    },
    session,
    client,
    selection: {
      get current() {
        return selection;
      },
      select(id, contract) {
        selection = { id: String(id), ...(contract && { contract }) };
        selected.notify();
      },
      subscribe: selected.subscribe,
    },
    subscribe,
    apply(settings, source) {
      if (!parsed && source instanceof Element) {
        waiting.set(source, settings);
        return;
      }
      const kind: SourceKind = source instanceof Element ? 'element' : 'script';
      let incoming: Configured & { source: Source };
      try {
        incoming = { source, kind, config: parseSettings(settings) };
      } catch (caught) {
        const error =
          caught instanceof AnvaError ? caught : new AnvaError('config', String(caught));
        incoming = { source, kind, error };
      }
      const previous = configured;
      const decision = decide(previous, incoming, pinnedOrigins());
      if (decision.kind === 'ignore') return;
      if (decision.kind === 'refuse') {
        report(decision.error, targetOf(source));
        return;
      }
      own(incoming);
      if (decision.displaced) report(decision.displaced, targetOf(previous?.source));
      if (decision.kind === 'fail') {
        fail(decision.error);
        report(decision.error, targetOf(source));
        return;
      }
      if (decision.kind === 'update' && session.active) {
        // Same session, fresh data.
        if (decision.invalidate) client.invalidate();
        notify();
        return;
      }
      startSession(decision.config, options, session, client.reset);
      notify();
    },
    dispose() {
      removeEventListener('pagehide', leave);
      removeEventListener('pageshow', back);
      client.reset();
      session.attach(undefined);
    },
  };
  return runtime;
}
