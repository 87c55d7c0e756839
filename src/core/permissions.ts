/**
 * Whether the customer may see a thing. Tolerant by design: the Hub's
 * permission shape is not documented, so an absent or unrecognised list
 * never hides data.
 */
import type { Permission } from './types.js';

/**
 * `may(permissions, 'contracts')`: false only when an entry that names `thing`
 * (exactly, or as the last segment of `a.b`, `a:b`, `a/b`) explicitly denies it
 * (e.g. `{ name, granted: false }`). A list that does not mention `thing` says
 * nothing about it, so it stays visible.
 */
export function may(permissions: readonly Permission[] | null | undefined, thing: string): boolean {
  const wanted = thing.toLowerCase();
  const names = (value: unknown) => {
    const name = String(value).toLowerCase();
    return (
      (typeof value === 'string' || typeof value === 'number') &&
      (name === wanted || ['.', ':', '/'].some((separator) => name.endsWith(separator + wanted)))
    );
  };
  return !(Array.isArray(permissions) ? permissions : []).some(
    (entry) =>
      typeof entry !== 'string' &&
      ['name', 'code', 'key', 'permission', 'id'].some((key) => names(entry[key])) &&
      ['granted', 'allowed', 'enabled', 'value'].some((key) => entry[key] === false),
  );
}
