/**
 * When to renew: `renewBeforeSeconds` before the access token expires, but
 * never in the first three quarters of its life and never sooner than two
 * seconds after the last renewal. Timers sleep in background tabs, so a tab
 * that becomes visible past that point renews at once.
 */

/** After a failed renewal (an unreachable Hub), try again this much later. */
const RETRY_MS = 30_000;
/** However short the token's life, a renewal never follows the previous one sooner than this. */
const MIN_RENEW_MS = 2000;

export class RenewalTimer {
  readonly #renewBeforeMs: number;
  readonly #onDue: () => void;
  #timer: ReturnType<typeof setTimeout> | undefined;
  /** When the current token is due for renewal (ms). */
  #dueAt = Infinity;

  constructor(renewBeforeSeconds: number, onDue: () => void) {
    this.#renewBeforeMs = renewBeforeSeconds * 1000;
    this.#onDue = onDue;
    document.addEventListener('visibilitychange', this.#onVisible);
  }

  /** Past the renewal point (a sleeping timer's catch-up). */
  get due(): boolean {
    return Date.now() >= this.#dueAt;
  }

  /** Plans the renewal of a token that expires at `expiresAt` (seconds); none without expiry. */
  schedule(expiresAt: number | undefined): void {
    this.stop();
    if (!expiresAt) return;
    const left = expiresAt * 1000 - Date.now();
    const wait = Math.max(left - this.#renewBeforeMs, left * 0.75, MIN_RENEW_MS);
    this.#dueAt = Date.now() + wait;
    this.#start(wait);
  }

  /** The renewal failed for now: try again later, still due. */
  retry(): void {
    clearTimeout(this.#timer);
    this.#start(RETRY_MS);
  }

  stop(): void {
    clearTimeout(this.#timer);
    this.#dueAt = Infinity;
  }

  dispose(): void {
    this.stop();
    document.removeEventListener('visibilitychange', this.#onVisible);
  }

  #start(wait: number): void {
    this.#timer = setTimeout(this.#onDue, Math.min(wait, 2 ** 31 - 1));
  }

  readonly #onVisible = () => {
    if (document.visibilityState === 'visible' && this.due) this.#onDue();
  };
}
