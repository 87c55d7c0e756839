/**
 * Hooks for tests, kept out of the runtime's own modules (nothing the bundle
 * exports imports this): a fresh "page load" with short timings, and the
 * return from the Hub.
 */
import { forgetDiscovery } from './auth/discovery.js';
import { RUNTIME_KEY } from './registry.js';
import type { RuntimeScope } from './registry.js';
import { createRuntime } from './runtime.js';
import type { RuntimeOptions } from './runtime.js';
import type { AnvaRuntime } from './types.js';

export type { RuntimeOptions };

/**
 * Replaces the page's runtime with a fresh one (a new "page load";
 * `options` make timing short and the redirect step drivable).
 */
export function replaceRuntime(options: Partial<RuntimeOptions> = {}): AnvaRuntime {
  const scope = globalThis as RuntimeScope;
  scope[RUNTIME_KEY]?.dispose();
  forgetDiscovery();
  return (scope[RUNTIME_KEY] = createRuntime(options));
}

/** Reads storage and the address bar again as a fresh page load would (the return from the Hub). */
export function restartSession(): void {
  (globalThis as RuntimeScope)[RUNTIME_KEY]?.restartSession();
}
