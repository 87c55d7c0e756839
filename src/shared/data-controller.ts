/**
 * A data widget's state machine: the session decides signed-out / loading, a
 * fetch through the shared Hub client runs whenever its arguments change (its
 * abort signal reaches `fetch`, a newer run always wins, a slow answer is
 * told while it is awaited) and every error it shows is reported once as
 * `anva-error` from the host. Reflects the state on the host's `state`.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { AnvaError } from '../core/errors.js';
import { emit } from '../core/events.js';
import type { HubClient, RequestOptions } from '../core/types.js';
import type { Messages } from '../i18n/messages.js';
import type { SessionController } from './session-controller.js';
import { pendingSession } from './views.js';
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

export class DataController<T> implements ReactiveController {
  /** What the last completed fetch returned. */
  value?: T;
  /** Nothing fetched (signed out), fetching, done, failed. */
  private status: 'idle' | 'pending' | 'done' | 'failed' = 'idle';
  private failure?: unknown;
  private lastArgs?: unknown[];
  private runs = 0;
  private abort?: AbortController;
  private revision = 0;
  private aborted = false;
  private reported?: unknown;
  private waitingLong = false;

  constructor(
    private readonly host: DataHost,
    private readonly session: SessionController,
    /** `request` carries the run's abort signal and its `onSlow`: pass it to every client call. */
    private readonly load: (
      client: HubClient,
      request: RequestOptions,
      args: unknown[],
    ) => Promise<T>,
    private readonly isEmpty: (value: T) => boolean = () => false,
    private readonly args: () => unknown[] = () => [],
  ) {
    host.addController(this);
  }

  /** Starts a fetch when signed in and the arguments changed; a newer run supersedes older ones. */
  private async run(): Promise<void> {
    const { session } = this;
    const args = [session.signedIn, session.revision, this.revision, ...this.args()];
    const last = this.lastArgs;
    if (last && args.length === last.length && args.every((arg, i) => Object.is(arg, last[i])))
      return;
    this.lastArgs = args;
    if (this.status === 'pending') this.abort!.abort();
    // Signed out, another customer or a refresh: the old data goes now, not on the next answer.
    this.value = this.failure = undefined;
    this.waitingLong = false;
    const run = ++this.runs;
    if (!session.signedIn) {
      this.status = 'idle';
      return;
    }
    this.status = 'pending';
    const { signal } = (this.abort = new AbortController());
    const onSlow = () => {
      if (run !== this.runs) return;
      this.waitingLong = true;
      this.host.requestUpdate();
    };
    let value: T | undefined;
    let failure: unknown;
    let failed = false;
    try {
      value = await this.load(session.client, { signal, onSlow }, args.slice(3));
    } catch (error) {
      failed = true;
      failure = error;
    }
    if (run !== this.runs) return;
    this.status = failed ? 'failed' : 'done';
    this.value = value;
    this.failure = failure;
    this.host.requestUpdate();
  }

  get state(): WidgetState {
    if (this.session.configError) return 'error';
    const status = this.session.state.status;
    if (status === 'signed-out' || status === 'signing-in') return 'signed-out';
    // Aborted on removal: still loading as far as anyone can see, never an error.
    if (status !== 'signed-in' || this.aborted) return 'loading';
    if (this.status === 'done') return this.isEmpty(this.value as T) ? 'empty' : 'ready';
    return this.status === 'failed' ? 'error' : 'loading';
  }

  /** The error on show: the configuration's, else the last fetch's. */
  get error(): AnvaError | undefined {
    if (this.state !== 'error') return undefined;
    const error = this.session.configError ?? this.failure;
    return error instanceof AnvaError
      ? error
      : new AnvaError('invalid-response', String(error), { cause: error });
  }

  /** True while the fetch has waited longer than usual (the runtime's `slowAfterMs`) and still waits. */
  get slow(): boolean {
    return this.waitingLong && this.state === 'loading';
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
    const error = this.error;
    if (error) return views.error(error);
    switch (this.state) {
      case 'signed-out':
        return views.signedOut();
      case 'loading':
        if (this.sessionPending) return pendingSession(m, views.signedOut());
        return views.slowNotice === false
          ? views.pending()
          : waitingView(m, this.slow, views.pending());
      case 'empty':
        return (views.empty ?? views.pending)();
      default:
        return views.complete(this.value as T);
    }
  }

  /** Runs the fetch again after an error. */
  retry(): void {
    this.revision++;
    this.host.requestUpdate();
  }

  hostConnected(): void {
    // A fetch aborted on removal starts again when the widget comes back.
    if (this.aborted) {
      this.aborted = false;
      this.retry();
    }
  }

  hostDisconnected(): void {
    if (this.status === 'pending') {
      this.aborted = true;
      this.abort!.abort();
    }
  }

  hostUpdate(): void {
    void this.run();
    this.host.state = this.state;
  }

  hostUpdated(): void {
    const { state } = this;
    // A failed sign-in shows on the signed-out view, so it is reported here too.
    const shown =
      state === 'error'
        ? (this.session.configError ?? this.failure)
        : state === 'signed-out'
          ? this.session.state.error
          : undefined;
    if (shown === this.reported) return;
    this.reported = shown;
    const error = state === 'error' ? this.error : this.session.state.error;
    if (!error) return;
    // The core already reports configuration and sign-in errors in the console.
    if (state === 'error' && error.code !== 'config')
      console.warn(`anva-widgets: ${error.code}: ${error.message}`);
    emit(this.host, 'anva-error', error.toDetail());
  }
}
