/** Safe links from a broker's URL templates (`detail-href`, `change-href`, `claim-href`). */

/**
 * The template with each `{name}` replaced by its URL-encoded value; undefined
 * when the result is not an http(s) or relative URL (no `javascript:` links,
 * ever) or a value is only dots (`..` would climb out of the broker's path,
 * encoded or not).
 */
export function templateHref(
  template: string | null | undefined,
  values: Record<string, string>,
): string | undefined {
  if (!template) return undefined;
  let href = template;
  for (const [name, value] of Object.entries(values)) {
    if (!href.includes(`{${name}}`)) continue;
    if (/^\.*$/.test(value)) return undefined;
    href = href.replaceAll(`{${name}}`, encodeURIComponent(value));
  }
  try {
    const { protocol } = new URL(href, document.baseURI);
    return protocol === 'https:' || protocol === 'http:' ? href : undefined;
  } catch {
    return undefined;
  }
}

/** `/polis?id={id}` with the contract's id in place of `{id}`. */
export const detailHref = (template: string | null | undefined, id: string): string | undefined =>
  templateHref(template, { id });

/** Only absolute http(s) URLs may become an image source. */
export function isHttpUrl(value: unknown): value is string {
  return typeof value === 'string' && /^https?:\/\/\S+$/i.test(value.trim());
}
