/**
 * One renewal at a time across the tabs of a site: an origin-wide Web Lock
 * where the browser has one. The wait for it is bounded, so a page that holds
 * the lock forever cannot freeze every other tab's session.
 */

export const hasWebLocks = (): boolean => typeof navigator.locks?.request === 'function';

/**
 * Runs `task(true)` holding the lock `name`, or `task(false)` when there is
 * no lock to be had: no Web Locks, or none granted within `waitMs`. Without
 * the lock, `task` coordinates over the tab channel instead.
 */
export async function withTabLock<T>(
  name: string,
  waitMs: number,
  task: (locked: boolean) => Promise<T>,
): Promise<T> {
  if (!hasWebLocks()) return task(false);
  try {
    return await navigator.locks.request(name, { signal: AbortSignal.timeout(waitMs) }, () =>
      task(true),
    );
  } catch (caught) {
    // Only the wait timed out; a failing task rejects with its own error.
    if (!(caught instanceof DOMException && caught.name === 'TimeoutError')) throw caught;
    console.warn(
      `[anva-widgets] auth: the renewal lock "${name}" was not released within ${waitMs} ms; renewing without it.`,
    );
    return task(false);
  }
}
