/**
 * The page-global runtime: one configuration, one auth session, one Hub
 * client and one contract selection per page, however many widgets (and
 * however many copies of the script) there are.
 */
import { OidcSession, SharedSession, forgetDiscovery } from './auth.js';
import type { AuthOptions } from './auth.js';
import { parseSettings, sameConfig, sameSession } from './config.js';
import type { AnvaSettings } from './config.js';
import { AnvaError } from './errors.js';
import { report, sessionEventTarget } from './events.js';
import { Client } from './hub-client.js';
import type { ClientOptions } from './hub-client.js';
import type { AnvaConfig, AnvaRuntime, Contract, ContractSelection } from './types.js';

const RUNTIME_KEY = Symbol.for('anva-widgets.runtime');
/** Who configured through `configure()`: the same for every copy of the script. */
const SCRIPT_SOURCE = Symbol.for('anva-widgets.configure');

type Source = object | symbol;

/** Timing and navigation knobs; the defaults are the contract's. */
export interface RuntimeOptions extends AuthOptions, ClientOptions {}

const DEFAULT_OPTIONS: RuntimeOptions = {
  navigate: (url) => location.assign(url),
  renewBeforeSeconds: 60,
  peerWaitMs: 150,
  timeoutMs: 15_000,
  retryDelayMs: 400,
};

class Selection implements ContractSelection {
  current: { id: string; contract?: Contract } | undefined;
  private readonly listeners = new Set<() => void>();

  select(id: string, contract?: Contract): void {
    this.current = contract ? { id: String(id), contract } : { id: String(id) };
    for (const listener of [...this.listeners]) listener();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

class Runtime implements AnvaRuntime {
  config: AnvaConfig | undefined;
  configError: AnvaError | undefined;
  readonly session = new SharedSession();
  readonly client: Client;
  readonly selection = new Selection();
  readonly options: RuntimeOptions;
  private owner: Source | undefined;
  private readonly listeners = new Set<() => void>();

  constructor(options: Partial<RuntimeOptions>) {
    this.options = { ...DEFAULT_OPTIONS, ...options };
    this.client = new Client(() => this.config, this.session, this.options);
    const check = () => setTimeout(() => this.noticeMissingConfiguration(), 0);
    if (document.readyState === 'complete') check();
    else window.addEventListener('load', check, { once: true });
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The one path for `<anva-hub>` attributes and `configure()`. */
  apply(settings: AnvaSettings, source: Source): void {
    let next: AnvaConfig | undefined;
    let error: AnvaError | undefined;
    try {
      next = parseSettings(settings);
    } catch (caught) {
      error = caught instanceof AnvaError ? caught : new AnvaError('config', String(caught));
    }
    const target =
      typeof source === 'object' && source instanceof EventTarget ? source : sessionEventTarget();
    // An <anva-hub> may change its own attributes; configure() may only fix its own error.
    const ownUpdate =
      this.owner === source && (typeof source === 'object' || this.configError !== undefined);
    if (this.owner !== undefined && !ownUpdate) {
      if (next && this.config && sameConfig(next, this.config)) return;
      report(
        new AnvaError(
          'config',
          'A second anva-widgets configuration with different settings was ignored; the first one stays in force. Use one <anva-hub> per page.',
        ),
        target,
      );
      return;
    }
    this.owner = source;
    if (error || !next) {
      this.config = undefined;
      this.configError = error;
      this.client.reset();
      this.session.attach(undefined, { status: 'config-error', ...(error ? { error } : {}) });
      if (error) report(error, target);
      this.notify();
      return;
    }
    const previous = this.config;
    this.configError = undefined;
    this.config = next;
    if (previous && sameConfig(previous, next)) return;
    if (previous && this.session.active && sameSession(previous, next)) {
      // Only `organization` or `lang` changed: same session, fresh data.
      if (previous.organization !== next.organization) this.client.invalidate();
      this.notify();
      return;
    }
    this.startSession(next);
    this.notify();
  }

  /** Starts the configured session again, reading storage and the address bar as a page load does. */
  restartSession(): void {
    if (this.config) this.startSession(this.config);
  }

  /** Ends everything this runtime started (tests, or a page tearing the widgets down). */
  dispose(): void {
    this.client.reset();
    this.session.attach(undefined);
  }

  private startSession(config: AnvaConfig): void {
    this.client.reset();
    const session = new OidcSession(config, this.options, {
      reset: () => this.client.reset(),
      changed: () => this.session.notify(),
    });
    this.session.attach(session);
    session.start().catch((caught: unknown) => {
      report(
        caught instanceof AnvaError
          ? caught
          : new AnvaError('auth', `The session could not start: ${String(caught)}`, {
              retryable: true,
            }),
      );
    });
  }

  /** Never a blank box: with no `<anva-hub>` after the page loaded, say so. */
  private noticeMissingConfiguration(): void {
    if (this.owner !== undefined || this.configError) return;
    this.configError = new AnvaError(
      'config',
      'No <anva-hub> element or configure() call was found on this page; add one with authority, client-id and api-base.',
    );
    console.error(`[anva-widgets] config: ${this.configError.message}`);
    this.session.attach(undefined, { status: 'config-error', error: this.configError });
    this.notify();
  }

  private notify(): void {
    for (const listener of [...this.listeners]) listener();
  }
}

function runtime(): Runtime {
  const scope = globalThis as { [RUNTIME_KEY]?: Runtime };
  scope[RUNTIME_KEY] ??= new Runtime({});
  return scope[RUNTIME_KEY];
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
  scope[RUNTIME_KEY] = new Runtime(options);
  return scope[RUNTIME_KEY];
}

/** Reads storage and the address bar again as a fresh page load would (tests: the return from the Hub). */
export function restartSession(): void {
  runtime().restartSession();
}
