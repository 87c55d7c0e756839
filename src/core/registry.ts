/**
 * Where every copy of the script finds the page's one runtime (kept on
 * `globalThis`), and the two ways in for configuration: `configure()` from
 * the web team's script and `<anva-hub>`.
 */
import type { AnvaSettings } from './config.js';
import { createRuntime } from './runtime.js';
import type { Runtime } from './runtime.js';
import type { AnvaRuntime } from './types.js';

export const RUNTIME_KEY = Symbol.for('anva-widgets.runtime');
/** Who configured through `configure()`: the same for every copy of the script. */
const SCRIPT_SOURCE = Symbol.for('anva-widgets.configure');

export type RuntimeScope = { [RUNTIME_KEY]?: Runtime };

function runtime(): Runtime {
  const scope = globalThis as RuntimeScope;
  return (scope[RUNTIME_KEY] ??= createRuntime({}));
}

/** The page's runtime: configuration, session, Hub client and selection shared by every widget. */
export function anva(): AnvaRuntime {
  return runtime();
}

/**
 * Configures the page in JavaScript, as `<anva-hub>` does with attributes.
 * The web team's script outranks every `<anva-hub>`: an editor who can write
 * one into the content never decides where customers sign in.
 */
export function configure(settings: AnvaSettings): AnvaRuntime {
  const current = runtime();
  current.apply(settings, SCRIPT_SOURCE);
  return current;
}

/** `<anva-hub>`'s way in: the same validation and rules as `configure()`, a lower rank. */
export function configureFrom(element: Element, settings: AnvaSettings): void {
  runtime().apply(settings, element);
}
