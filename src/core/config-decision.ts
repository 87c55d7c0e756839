/**
 * What a new configuration means, decided apart from applying it: a pure
 * function over the current owner and the newcomer. Who may configure, and
 * who wins, follows the embed contract's "Editors never configure": the web
 * team's `configure()` outranks any `<anva-hub>` (an editor with
 * `unfiltered_html` can write one), the first `<anva-hub>` outranks later
 * ones, and a page that pins its Hub and API origins refuses every other.
 */
import { differences } from './config.js';
import { AnvaError } from './errors.js';
import type { AnvaConfig } from './types.js';

/** `configure()` outranks `<anva-hub>`. */
export type SourceKind = 'element' | 'script';

/** Who configured the page, and with what result. */
export interface Configured {
  source: object | symbol;
  kind: SourceKind;
  config?: AnvaConfig;
  error?: AnvaError;
}

export type Decision =
  /** Not taken; the owner stays. `error` goes to the newcomer (console and `anva-error`). */
  | { kind: 'refuse'; error: AnvaError }
  /** An identical configuration from another source: nothing to do. */
  | { kind: 'ignore' }
  /** The newcomer owns the page, in error: every widget shows it. */
  | { kind: 'fail'; error: AnvaError; displaced?: AnvaError }
  /** The newcomer owns the page; the session stays. `invalidate`: the data must be read again. */
  | { kind: 'update'; config: AnvaConfig; invalidate: boolean; displaced?: AnvaError }
  /** The newcomer owns the page with a new session. */
  | { kind: 'start'; config: AnvaConfig; displaced?: AnvaError };

/** Settings that change what the widgets show, not who signs in or where tokens go. */
const IN_PLACE: readonly string[] = ['organization', 'lang', 'currency', 'tone', 'timeout'];

const RANK: Record<SourceKind, number> = { element: 1, script: 2 };

const NAMES: Record<SourceKind, string> = {
  element: '<anva-hub>',
  script: 'configure()',
};

/** The first origin of authority / api-base that the page did not pin, if any. */
function unpinned(config: AnvaConfig, pinned: readonly string[]): string | undefined {
  return [config.authority, config.apiBase]
    .map((url) => new URL(url).origin)
    .find((origin) => !pinned.includes(origin));
}

/**
 * Decides what `next` (the parsed settings of `source`, or their error) does
 * to a page configured by `current`. `pinned`: the origins the web team
 * allows (`data-anva-origins`), or undefined when it pins none.
 */
export function decide(
  current: Configured | undefined,
  incoming: Configured,
  pinned?: readonly string[],
): Decision {
  const next = incoming.config;
  const outside = next && pinned && unpinned(next, pinned);
  if (outside)
    return {
      kind: 'refuse',
      error: new AnvaError(
        'config',
        `${NAMES[incoming.kind]} names ${outside}, which is not among the origins the page pins (data-anva-origins="${pinned.join(' ')}"); the configuration was refused.`,
      ),
    };

  const own = current?.source === incoming.source;
  const outranks = !!current && RANK[incoming.kind] > RANK[current.kind];
  // A broken configuration blocks nobody of its own rank; an element may always fix itself.
  const mayReplace =
    !current ||
    outranks ||
    (own && (incoming.kind === 'element' || !!current.error)) ||
    (!own && !!current.error && RANK[incoming.kind] >= RANK[current.kind]);
  const changed = current?.config && next ? differences(current.config, next) : undefined;

  if (!mayReplace) {
    if (changed && !changed.length) return { kind: 'ignore' };
    return {
      kind: 'refuse',
      error: new AnvaError(
        'config',
        `A second, different anva-widgets configuration (${NAMES[incoming.kind]}) was ignored; the first (${NAMES[current.kind]}) stays in force. Use one <anva-hub> per page.`,
      ),
    };
  }

  const displaced =
    current && !own && outranks && !current.error && !(changed && !changed.length)
      ? new AnvaError(
          'config',
          `${NAMES[incoming.kind]} replaces the different settings of ${NAMES[current.kind]}: the web team's script configuration wins.`,
        )
      : undefined;
  const extra = displaced ? { displaced } : {};
  if (!next)
    return {
      kind: 'fail',
      error: incoming.error ?? new AnvaError('config', 'Invalid configuration.'),
      ...extra,
    };
  if (!changed || current?.error) return { kind: 'start', config: next, ...extra };
  if (!changed.every((key) => IN_PLACE.includes(key)))
    return { kind: 'start', config: next, ...extra };
  return { kind: 'update', config: next, invalidate: changed.includes('organization'), ...extra };
}
