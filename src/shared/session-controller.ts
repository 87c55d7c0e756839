/**
 * Gives a widget the page's runtime and re-renders it when the configuration,
 * the session (sign-in, sign-out, profile), the Hub client's data or the
 * contract chosen on the page changes.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { AnvaError } from '../core/errors.js';
import { anva } from '../core/registry.js';
import type { AnvaConfig, AnvaRuntime, HubClient, SessionState } from '../core/types.js';

export class SessionController implements ReactiveController {
  /** The page-global runtime shared by every widget. */
  readonly runtime: AnvaRuntime = anva();
  /**
   * Bumped on every client invalidation (explicit refresh, sign-out, other
   * customer): put it in a task's args to re-run the task.
   */
  revision = 0;
  private unsubscribers: (() => void)[] = [];

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  get state(): SessionState {
    return this.runtime.session.state;
  }

  get config(): AnvaConfig | undefined {
    return this.runtime.config;
  }

  get configError(): AnvaError | undefined {
    return this.runtime.configError;
  }

  get client(): HubClient {
    return this.runtime.client;
  }

  get signedIn(): boolean {
    return this.state.status === 'signed-in';
  }

  signIn(): Promise<void> {
    return this.runtime.session.signIn();
  }

  signOut(): Promise<void> {
    return this.runtime.session.signOut('user');
  }

  hostConnected(): void {
    const update = () => this.host.requestUpdate();
    this.unsubscribers = [
      this.runtime.subscribe(update),
      this.runtime.session.subscribe(update),
      this.runtime.selection.subscribe(update),
      this.runtime.client.subscribe(() => {
        this.revision += 1;
        update();
      }),
    ];
    update();
  }

  hostDisconnected(): void {
    for (const unsubscribe of this.unsubscribers) unsubscribe();
    this.unsubscribers = [];
  }
}
