/**
 * Hooks for tests, kept out of the runtime's own modules (nothing the bundle
 * exports imports this): a fresh "page load" with short timings, and the
 * return from the Hub.
 */
import { forgetDiscovery } from './auth/discovery.js';
import { startSession } from './auth/start.js';
import { RUNTIME_KEY } from './registry.js';
import type { RuntimeScope } from './registry.js';
import { createRuntime, runtimeOptions } from './runtime.js';
import type { RuntimeOptions } from './runtime.js';
import type { AnvaRuntime } from './types.js';

export type { RuntimeOptions };

/** The timings the page's runtime was made with, for the session a "page load" starts again. */
let options = runtimeOptions({});

/**
 * Replaces the page's runtime with a fresh one (a new "page load";
 * `overrides` make timing short and the redirect step drivable).
 */
export function replaceRuntime(overrides: Partial<RuntimeOptions> = {}): AnvaRuntime {
  const scope = globalThis as RuntimeScope;
  scope[RUNTIME_KEY]?.dispose();
  forgetDiscovery();
  options = runtimeOptions(overrides);
  return (scope[RUNTIME_KEY] = createRuntime(options));
}

/**
 * Reads storage and the address bar again as a fresh page load would (the
 * return from the Hub), keeping the runtime the widgets on the page hold.
 */
export function restartSession(): void {
  const runtime = (globalThis as RuntimeScope)[RUNTIME_KEY];
  if (runtime?.config) startSession(runtime.config, options, runtime.session, runtime.client.reset);
}
