/** Safe links from a broker's URL templates (`detail-href`, `change-href`, `claim-href`). */
import { httpUrl } from '../core/urls.js';

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
  return httpUrl(href, document.baseURI) ? href : undefined;
}

/** `/polis?id={id}` with the contract's id in place of `{id}`. */
export const detailHref = (template: string | null | undefined, id: string): string | undefined =>
  templateHref(template, { id });
