/**
 * Whether the customer may see a thing. Tolerant by design: the Hub's
 * permission shape is not documented, so an absent or unrecognised list
 * never hides data.
 */
import type { Permission } from './types.js';

/** The names a permission entry can carry: a string, or an object's name-like fields. */
function namesOf(permission: Permission): string[] {
  if (typeof permission === 'string') return [permission];
  const names: string[] = [];
  for (const key of ['name', 'code', 'key', 'permission', 'id']) {
    const value = permission[key];
    if (typeof value === 'string' || typeof value === 'number') names.push(String(value));
  }
  return names;
}

/** True when a permission entry explicitly says "no" (e.g. `{ name, granted: false }`). */
function denies(permission: Permission): boolean {
  if (typeof permission === 'string') return false;
  return ['granted', 'allowed', 'enabled', 'value'].some((key) => permission[key] === false);
}

function matches(name: string, thing: string): boolean {
  const a = name.toLowerCase();
  const b = thing.toLowerCase();
  return a === b || a.endsWith(`.${b}`) || a.endsWith(`:${b}`) || a.endsWith(`/${b}`);
}

/**
 * `may(permissions, 'contracts')`: false only when an entry that names `thing`
 * (exactly, or as the last segment of `a.b`, `a:b`, `a/b`) explicitly denies it.
 * A list that does not mention `thing` says nothing about it, so it stays visible.
 */
export function may(permissions: readonly Permission[] | null | undefined, thing: string): boolean {
  if (!Array.isArray(permissions) || permissions.length === 0) return true;
  const hits = permissions.filter((permission) =>
    namesOf(permission).some((name) => matches(name, thing)),
  );
  return !hits.some(denies);
}
