/**
 * Starting the configured session, as a page load does: it reads what this
 * tab kept and the address bar (the return from the Hub). The runtime starts
 * one per new configuration; a failure reaches the console and `anva-error`.
 */
import { AnvaError } from '../errors.js';
import { report } from '../events.js';
import type { AnvaConfig } from '../types.js';
import { createSession } from './session.js';
import type { AuthOptions } from './session.js';
import type { SharedSession } from './shared-session.js';

/** `forgetData`: drops what the Hub client holds, before the session starts and when it ends. */
export function startSession(
  config: AnvaConfig,
  options: AuthOptions,
  shared: SharedSession,
  forgetData: () => void,
): void {
  forgetData();
  const started = createSession(config, options, { reset: forgetData, changed: shared.notify });
  shared.attach(started);
  started
    .start()
    .catch((caught: unknown) =>
      report(
        caught instanceof AnvaError
          ? caught
          : new AnvaError('auth', `The session could not start: ${caught}`, { retryable: true }),
      ),
    );
}
