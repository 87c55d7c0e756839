/** Type guards: tests that tell TypeScript what passed them, shared by the settings and the API schemas. */

/** A test that tells TypeScript what passed it. */
export type Guard<T> = (value: unknown) => value is T;
export type Entries = Record<string, unknown>;

export const isString: Guard<string> = (value) => typeof value === 'string';

export const isObject = (value: unknown): value is Entries =>
  !!value && typeof value === 'object' && !Array.isArray(value);

export const isNullOr =
  <T>(test: Guard<T>): Guard<T | null> =>
  (value): value is T | null =>
    value === null || test(value);

export const isRecordOf =
  <T>(test: Guard<T>): Guard<Record<string, T>> =>
  (value): value is Record<string, T> =>
    isObject(value) && Object.values(value).every(test);

export const isArrayOf =
  <T>(test: Guard<T>): Guard<T[]> =>
  (value): value is T[] =>
    Array.isArray(value) && value.every(test);
