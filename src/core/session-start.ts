/**
 * Starting the configured session, as a page load does: it reads what this
 * tab kept and the address bar (the return from the Hub). The runtime starts
 * one per new configuration; a failure reaches the console and `anva-error`.
 */
import { createSession } from './auth/session.js';
import type { AuthOptions } from './auth/session.js';
import type { SharedSession } from './auth/shared-session.js';
import { AnvaError } from './errors.js';
import { report } from './events.js';
import type { Client } from './hub-client.js';
import type { AnvaConfig } from './types.js';

export function startSession(
  config: AnvaConfig,
  options: AuthOptions,
  client: Client,
  shared: SharedSession,
): void {
  client.reset();
  const started = createSession(config, options, {
    reset: client.reset,
    changed: shared.notify,
  });
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
