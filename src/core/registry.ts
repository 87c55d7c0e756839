/**
 * The page-global runtime: one configuration, one auth session, one Hub
 * client and one contract selection per page, however many widgets (and
 * however many copies of the script) there are.
 */
import { forgetDiscovery } from './auth/discovery.js';
import { createSession } from './auth/session.js';
import type { AuthOptions } from './auth/session.js';
import { sharedSession } from './auth/shared-session.js';
import { differences, parseSettings } from './config.js';
import type { AnvaSettings } from './config.js';
import { AnvaError } from './errors.js';
import { report, sessionEventTarget } from './events.js';
import { createClient } from './hub-client.js';
import type { ClientOptions } from './hub-client.js';
import { listeners } from './listeners.js';
import type { AnvaConfig, AnvaRuntime, ContractSelection } from './types.js';

const RUNTIME_KEY = Symbol.for('anva-widgets.runtime');
/** Who configured through `configure()`: the same for every copy of the script. */
const SCRIPT_SOURCE = Symbol.for('anva-widgets.configure');

/** `<anva-hub>` elements, or `configure()`. */
type Source = object | symbol;

/** Timing and navigation knobs; the defaults are the contract's. */
export interface RuntimeOptions extends AuthOptions, ClientOptions {}

interface Runtime extends AnvaRuntime {
  /** The one path for `<anva-hub>` attributes and `configure()`. */
  apply(settings: AnvaSettings, source: Source): void;
  /** Starts the configured session again, reading storage and the address bar as a page load does. */
  restartSession(): void;
  /** Ends everything this runtime started (tests, or a page tearing the widgets down). */
  dispose(): void;
}

function createRuntime(overrides: Partial<RuntimeOptions>): Runtime {
  const options: RuntimeOptions = {
    navigate: (url) => location.assign(url),
    renewBeforeSeconds: 60,
    peerWaitMs: 150,
    timeoutMs: 15_000,
    retryDelayMs: 400,
    ...overrides,
  };
  const { subscribe, notify } = listeners();
  const selected = listeners();
  const session = sharedSession();
  const client = createClient(() => config, session, options);
  let config: AnvaConfig | undefined;
  let configError: AnvaError | undefined;
  let owner: Source | undefined;
  let selection: ContractSelection['current'];

  const fail = (error: AnvaError) => {
    config = undefined;
    configError = error;
    client.reset();
    session.attach(undefined, { status: 'config-error', error });
    notify();
  };

  const startSession = (next: AnvaConfig) => {
    client.reset();
    const started = createSession(next, options, {
      reset: client.reset,
      changed: session.notify,
    });
    session.attach(started);
    started
      .start()
      .catch((caught: unknown) =>
        report(
          caught instanceof AnvaError
            ? caught
            : new AnvaError('auth', `The session could not start: ${caught}`, { retryable: true }),
        ),
      );
  };

  // Never a blank box: with no `<anva-hub>` after the page loaded, say so.
  const check = () =>
    setTimeout(() => {
      if (owner !== undefined || configError) return;
      const error = new AnvaError(
        'config',
        'No <anva-hub> or configure() found on this page; add one with authority, client-id and api-base.',
      );
      console.error(`[anva-widgets] config: ${error.message}`);
      fail(error);
    });
  if (document.readyState === 'complete') check();
  else addEventListener('load', check, { once: true });

  return {
    get config() {
      return config;
    },
    get configError() {
      return configError;
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
      let next: AnvaConfig | AnvaError;
      try {
        next = parseSettings(settings);
      } catch (caught) {
        next = caught instanceof AnvaError ? caught : new AnvaError('config', String(caught));
      }
      const target = source instanceof EventTarget ? source : sessionEventTarget();
      // An <anva-hub> may change its own attributes; configure() may only fix its own error.
      const ownUpdate =
        owner === source && (typeof source === 'object' || configError !== undefined);
      if (owner !== undefined && !ownUpdate) {
        if (next instanceof AnvaError || !config || differences(next, config).length)
          report(
            new AnvaError(
              'config',
              'A second, different anva-widgets configuration was ignored; the first stays in force. Use one <anva-hub> per page.',
            ),
            target,
          );
        return;
      }
      owner = source;
      if (next instanceof AnvaError) {
        fail(next);
        report(next, target);
        return;
      }
      const previous = config;
      configError = undefined;
      config = next;
      if (previous) {
        const changed = differences(previous, next);
        if (!changed.length) return;
        // Wording and language are presentation: same session, re-rendered.
        const presentational = ['organization', 'lang', 'tone', 'currency'];
        if (session.active && changed.every((key) => presentational.includes(key))) {
          // Same session, fresh data.
          if (changed.includes('organization')) client.invalidate();
          notify();
          return;
        }
      }
      startSession(next);
      notify();
    },
    restartSession() {
      if (config) startSession(config);
    },
    dispose() {
      client.reset();
      session.attach(undefined);
    },
  };
}

function runtime(): Runtime {
  const scope = globalThis as { [RUNTIME_KEY]?: Runtime };
  return (scope[RUNTIME_KEY] ??= createRuntime({}));
}

/** The page's runtime: configuration, session, Hub client and selection shared by every widget. */
export function anva(): AnvaRuntime {
  return runtime();
}

/** Configures the page in JavaScript, as `<anva-hub>` does with attributes. */
export function configure(settings: AnvaSettings): AnvaRuntime {
  const current = runtime();
  current.apply(settings, SCRIPT_SOURCE);
  return current;
}

/** `<anva-hub>`'s way in: the same validation and conflict rules as `configure()`. */
export function configureFrom(element: Element, settings: AnvaSettings): void {
  runtime().apply(settings, element);
}

/**
 * Replaces the page's runtime with a fresh one (tests: a new "page load";
 * `options` make timing short and the redirect step drivable).
 */
export function replaceRuntime(options: Partial<RuntimeOptions> = {}): AnvaRuntime {
  const scope = globalThis as { [RUNTIME_KEY]?: Runtime };
  scope[RUNTIME_KEY]?.dispose();
  forgetDiscovery();
  return (scope[RUNTIME_KEY] = createRuntime(options));
}

/** Reads storage and the address bar again as a fresh page load would (tests: the return from the Hub). */
export function restartSession(): void {
  runtime().restartSession();
}
