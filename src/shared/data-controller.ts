/**
 * A data widget's state machine, in the shape of Lit's task controller: the
 * session decides signed-out / loading, the task runs through the shared Hub
 * client whenever its arguments change (its abort signal reaches `fetch`, the
 * newest run always wins, a slow answer is told while it is awaited) and every
 * error it shows is reported once (error-report.ts). Reflects the state on the
 * host's `state`.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { AnvaError } from '../core/errors.js';
import type { HubClient, RequestOptions } from '../core/types.js';
import type { Messages } from '../i18n/messages.js';
import { ErrorReport } from './error-report.js';
import type { SessionController } from './session-controller.js';
import { skeletonView } from './views.js';
import { waitingView } from './waiting.js';

export type WidgetState = 'signed-out' | 'loading' | 'ready' | 'empty' | 'error';

export type DataHost = ReactiveControllerHost & HTMLElement & { state: WidgetState };

/** What a widget shows in each state; `render()` picks one, so no widget repeats the ladder. */
export interface StateViews<T> {
  /** Signed out; also, invisibly, while the session is still being read, so that state takes the same room. */
  signedOut: () => unknown;
  /** Fetching: a skeleton of the ready layout's size; a slow answer is told over it. */
  pending: () => unknown;
  /** `false`: no sentence for a slow answer, for a view with no room for one (a bar). */
  slowNotice?: boolean;
  complete: (value: T) => unknown;
  empty?: () => unknown;
  error: (error: AnvaError) => unknown;
}

/** What a task gets besides its arguments: the client, and the options for every call. */
export interface TaskContext {
  client: HubClient;
  /** The run's abort signal and its slow-answer notice: pass it to every client call. */
  request: RequestOptions;
}

export interface DataTaskOptions<T, Args extends readonly unknown[]> {
  /** Fetches the widget's data. */
  task: (args: Args, context: TaskContext) => Promise<T>;
  /** What the data depends on besides the session (`[]` for nothing); a change (by `Object.is`) runs the task again. */
  args: () => Args;
  /** Whether a result is the `empty` state rather than `ready`. */
  isEmpty?: (value: T) => boolean;
}

/** A running task; `slow` once it has waited longer than usual (the runtime's `slowAfterMs`). */
type Pending = { status: 'pending'; slow: boolean };

/** Where the task stands: not run (signed out), running, or with its named outcome. */
type Run<T> =
  | { status: 'idle' }
  | Pending
  | { status: 'done'; value: T }
  | { status: 'failed'; failure: unknown };

const IDLE = { status: 'idle' } as const;
const sameArgs = (a: readonly unknown[], b: readonly unknown[]) =>
  a.length === b.length && a.every((arg, i) => Object.is(arg, b[i]));

export class DataController<T, Args extends readonly unknown[] = []> implements ReactiveController {
  private run: Run<T> = IDLE;
  private lastArgs?: readonly unknown[];
  private abort?: AbortController;
  private revision = 0;
  private aborted = false;
  private readonly report: ErrorReport;

  constructor(
    private readonly host: DataHost,
    private readonly session: SessionController,
    private readonly options: DataTaskOptions<T, Args>,
  ) {
    this.report = new ErrorReport(host);
    host.addController(this);
  }

  /** Starts the task when signed in and the arguments changed; a newer run supersedes older ones. */
  private async start(): Promise<void> {
    const { session, options } = this;
    const args = options.args();
    const all = [session.signedIn, session.revision, this.revision, ...args];
    if (this.lastArgs && sameArgs(all, this.lastArgs)) return;
    this.lastArgs = all;
    if (this.run.status === 'pending') this.abort!.abort();
    // Signed out, another customer or a refresh: the old data goes now, not on the next answer.
    this.run = IDLE;
    if (!session.signedIn) return;
    // This run is current as long as it is the controller's run: a newer one replaces it.
    const run: Pending = { status: 'pending', slow: false };
    this.run = run;
    const { signal } = (this.abort = new AbortController());
    const onSlow = () => {
      if (run !== this.run) return;
      run.slow = true;
      this.host.requestUpdate();
    };
    let outcome: Run<T>;
    try {
      const value = await options.task(args, {
        client: session.client,
        request: { signal, onSlow },
      });
      outcome = { status: 'done', value };
    } catch (failure) {
      outcome = { status: 'failed', failure };
    }
    if (run !== this.run) return;
    this.run = outcome;
    this.host.requestUpdate();
  }

  get state(): WidgetState {
    if (this.session.configError) return 'error';
    const status = this.session.state.status;
    if (status === 'signed-out' || status === 'signing-in') return 'signed-out';
    // Aborted on removal: still loading as far as anyone can see, never an error.
    if (status !== 'signed-in' || this.aborted) return 'loading';
    const { run } = this;
    if (run.status === 'done') return this.options.isEmpty?.(run.value) ? 'empty' : 'ready';
    return run.status === 'failed' ? 'error' : 'loading';
  }

  /** What the error view shows: the configuration's error, else the failed run's. */
  private get failure(): unknown {
    if (this.state !== 'error') return undefined;
    return (
      this.session.configError ?? (this.run.status === 'failed' ? this.run.failure : undefined)
    );
  }

  /** The error on show, as an `AnvaError`. */
  get error(): AnvaError | undefined {
    const failure = this.failure;
    if (failure === undefined || failure instanceof AnvaError) return failure;
    return new AnvaError('invalid-response', String(failure), { cause: failure });
  }

  /** True while the session is still being read: nobody knows yet whether the customer is signed in. */
  get sessionPending(): boolean {
    const status = this.session.state.status;
    return status === 'initializing' || status === 'unconfigured';
  }

  /**
   * The view for the current state. While the session is read, the signed-out
   * view holds the place invisibly: most first visits end there, so the page
   * does not move when they do.
   */
  render(m: Messages, views: StateViews<T>): unknown {
    const { error, run } = this;
    if (error) return views.error(error);
    switch (this.state) {
      case 'signed-out':
        return views.signedOut();
      case 'loading':
        if (this.sessionPending) return skeletonView(m, views.signedOut(), { holdsPlace: true });
        if (views.slowNotice === false) return views.pending();
        return waitingView(m, run.status === 'pending' && run.slow, views.pending());
      case 'empty':
        return (views.empty ?? views.pending)();
      default:
        // Ready comes only from a completed run.
        return run.status === 'done' ? views.complete(run.value) : views.pending();
    }
  }

  /** Runs the task again after an error. */
  retry(): void {
    this.revision++;
    this.host.requestUpdate();
  }

  hostConnected(): void {
    // A run aborted on removal starts again when the widget comes back.
    if (this.aborted) {
      this.aborted = false;
      this.retry();
    }
  }

  hostDisconnected(): void {
    if (this.run.status === 'pending') {
      this.aborted = true;
      this.abort!.abort();
    }
  }

  hostUpdate(): void {
    void this.start();
    this.host.state = this.state;
  }

  hostUpdated(): void {
    if (this.state === 'error') {
      // Configuration errors are already in the console, from the core.
      const error = this.error;
      this.report.update(this.failure, error, { toConsole: error?.code !== 'config' });
      return;
    }
    // A failed sign-in shows on the signed-out view: told here too, and already in the console.
    const signInError = this.state === 'signed-out' ? this.session.state.error : undefined;
    this.report.update(signInError, signInError, { toConsole: false });
  }
}
