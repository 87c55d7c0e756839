/**
 * Whether the customer may see a thing. Tolerant by design: the Hub's
 * permission shape is not documented, so an absent or unrecognised list
 * never hides data.
 */
import type { Permission } from './types.js';

/** The names a permission goes by: the text itself, or an entry's name, code, key, permission or id. */
export function permissionNames(permission: Permission): string[] {
  if (typeof permission === 'string') return [permission];
  return ['name', 'code', 'key', 'permission', 'id']
    .map((key) => permission[key])
    .filter((name) => typeof name === 'string' || typeof name === 'number')
    .map(String);
}

/**
 * `may(permissions, 'contracts')`: false only when an entry that names `thing`
 * (exactly, or as the last segment of `a.b`, `a:b`, `a/b`) explicitly denies it
 * (e.g. `{ name, granted: false }`). A list that does not mention `thing` says
 * nothing about it, so it stays visible.
 */
export function may(permissions: readonly Permission[] | null | undefined, thing: string): boolean {
  const wanted = thing.toLowerCase();
  const namesThing = (name: string) => {
    const lower = name.toLowerCase();
    return (
      lower === wanted || ['.', ':', '/'].some((separator) => lower.endsWith(separator + wanted))
    );
  };
  return !(Array.isArray(permissions) ? permissions : []).some(
    (entry) =>
      typeof entry !== 'string' &&
      permissionNames(entry).some(namesThing) &&
      ['granted', 'allowed', 'enabled', 'value'].some((key) => entry[key] === false),
  );
}
