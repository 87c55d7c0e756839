/** The one test of "an http(s) URL", for settings, icons and the broker's link templates. */

/** `value` parsed (against `base` when it is relative), when it is an http(s) URL. */
export function httpUrl(value: string, base?: string): URL | undefined {
  try {
    const url = new URL(value, base);
    return /^https?:$/.test(url.protocol) ? url : undefined;
  } catch {
    return undefined;
  }
}

/** An absolute http(s) URL: only such an address may be a Hub, an API or an image source. */
export const isHttpUrl = (value: unknown): value is string =>
  typeof value === 'string' && !!httpUrl(value);
