/**
 * A data widget's state machine: the session decides signed-out / loading, a
 * `@lit/task` fetches through the shared Hub client (its abort signal reaches
 * `fetch`, a newer run always wins) and reports every error it shows once as
 * `anva-error` from the host. Reflects the state on the host's `state`.
 */
import { Task, TaskStatus, initialState } from '@lit/task';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { AnvaError } from '../core/errors.js';
import { emit } from '../core/events.js';
import type { HubClient } from '../core/types.js';
import type { SessionController } from './session-controller.js';

export type WidgetState = 'signed-out' | 'loading' | 'ready' | 'empty' | 'error';

export type DataHost = ReactiveControllerHost & HTMLElement & { state: WidgetState };

export class DataController<T> implements ReactiveController {
  readonly task: Task<unknown[], T>;
  private revision = 0;
  private aborted = false;
  private reported?: unknown;

  constructor(
    private readonly host: DataHost,
    private readonly session: SessionController,
    load: (client: HubClient, signal: AbortSignal, args: unknown[]) => Promise<T>,
    private readonly isEmpty: (value: T) => boolean = () => false,
    args: () => unknown[] = () => [],
  ) {
    this.task = new Task<unknown[], T>(host, {
      args: () => [session.signedIn, session.revision, this.revision, ...args()],
      task: ([signedIn, , , ...rest], { signal }) =>
        signedIn ? load(session.client, signal, rest) : Promise.resolve(initialState),
    });
    // After the task, so `hostUpdate` sees the run it just started.
    host.addController(this);
  }

  get state(): WidgetState {
    if (this.session.configError) return 'error';
    const status = this.session.state.status;
    if (status === 'signed-out' || status === 'signing-in') return 'signed-out';
    // Aborted on removal: still loading as far as anyone can see, never an error.
    if (status !== 'signed-in' || this.aborted) return 'loading';
    switch (this.task.status) {
      case TaskStatus.COMPLETE:
        return this.isEmpty(this.task.value as T) ? 'empty' : 'ready';
      case TaskStatus.ERROR:
        return 'error';
      default:
        return 'loading';
    }
  }

  /** The error on show: the configuration's, else the last fetch's. */
  get error(): AnvaError | undefined {
    if (this.state !== 'error') return undefined;
    const error = this.session.configError ?? this.task.error;
    return error instanceof AnvaError
      ? error
      : new AnvaError('invalid-response', String(error), { cause: error });
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
    if (this.task.status === TaskStatus.PENDING) {
      this.aborted = true;
      this.task.abort();
    }
  }

  hostUpdate(): void {
    this.host.state = this.state;
  }

  hostUpdated(): void {
    const { state } = this;
    // A failed sign-in shows on the signed-out view, so it is reported here too.
    const shown =
      state === 'error'
        ? (this.session.configError ?? this.task.error)
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
