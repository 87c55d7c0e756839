/** Finding a table's entry for a name as a Hub writes it: any case, accents or separators. */

/** Lower case, accents and separators removed: `PP_INGDAT` → `ppingdat`, `Beëindigd` → `beeindigd`. */
export const normalize = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/[^a-z0-9]/gi, '')
    .toLowerCase();

/**
 * The value a table holds under its own `key` only: an API value such as
 * `constructor` or `__proto__` never reaches `Object.prototype`.
 */
export function own<V>(table: Readonly<Record<string, V>>, key: string): V | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

/**
 * A lookup from any of an id's names to the id, matched after `normalize`.
 * An id's names are the id, its aliases and its word in each of `catalogues`
 * as shipped (a broker's rewording is no name); a name two ids share is the
 * first one's. The table is built on the first lookup.
 */
export function nameLookup<K extends string>(
  names: Readonly<Record<K, readonly string[]>>,
  catalogues: readonly Readonly<Partial<Record<K, string>>>[] = [],
): (text: string) => K | undefined {
  let ids: Map<string, K> | undefined;
  return (text) => {
    if (!ids) {
      ids = new Map();
      for (const [id, aliases] of Object.entries(names) as [K, readonly string[]][])
        for (const name of [id, ...aliases, ...catalogues.map((words) => words[id])]) {
          const key = name && normalize(name);
          if (key && !ids.has(key)) ids.set(key, id);
        }
    }
    return ids.get(normalize(text));
  };
}
