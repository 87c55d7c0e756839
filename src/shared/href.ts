/** Safe links from a broker's `detail-href` template. */

/**
 * `/polis?id={id}` with the id URL-encoded in place of `{id}`; undefined when
 * the result is not an http(s) or relative URL (no `javascript:` links, ever).
 */
export function detailHref(template: string | null | undefined, id: string): string | undefined {
  if (!template) return undefined;
  const href = template.replaceAll('{id}', encodeURIComponent(id));
  try {
    const { protocol } = new URL(href, document.baseURI);
    return protocol === 'https:' || protocol === 'http:' ? href : undefined;
  } catch {
    return undefined;
  }
}

/** Only absolute http(s) URLs may become an image source. */
export function isHttpUrl(value: unknown): value is string {
  return typeof value === 'string' && /^https?:\/\/\S+$/i.test(value.trim());
}
