/**
 * The retry policy of idempotent GETs: network and server errors are tried
 * again (at most twice, doubling delays), but only within the request's one
 * time limit, so retries never multiply the wait; a timeout is not retried.
 */
import { AnvaError } from '../errors.js';

export interface RetryPolicy {
  /** First retry delay; doubles per retry. */
  retryDelayMs: number;
  /** When the whole request must have ended (`Date.now()` scale). */
  deadline: number;
  signal: AbortSignal;
}

const MAX_RETRIES = 2;

/** Waits `ms`, or rejects as soon as `signal` aborts; either way nothing is left listening. */
function wait(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const abort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', abort);
      resolve();
    }, ms);
    signal.addEventListener('abort', abort, { once: true });
  });
}

const worthRetrying = (caught: unknown) =>
  caught instanceof AnvaError && caught.retryable && ['network', 'server'].includes(caught.code);

/** Runs `attempt`, again after a retryable failure while time remains before `deadline`. */
export async function withRetries<T>(
  attempt: () => Promise<T>,
  { retryDelayMs, deadline, signal }: RetryPolicy,
): Promise<T> {
  for (let retries = 0; ; retries++) {
    try {
      return await attempt();
    } catch (caught) {
      const pause = retryDelayMs * 2 ** retries;
      const again =
        worthRetrying(caught) &&
        retries < MAX_RETRIES &&
        !signal.aborted &&
        Date.now() + pause < deadline;
      if (!again) throw caught;
      await wait(pause, signal);
    }
  }
}
