/** The HTML pieces every page of the local Hub shares: escaping, the document shell, notes. */

const ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Escapes text for HTML content and attribute values. */
export const esc = (value) => String(value ?? '').replace(/[&<>"']/g, (c) => ESCAPES[c]);

/**
 * A whole document. `head` and `body` are trusted HTML built with `esc` for every value;
 * `referrer` is the page's referrer policy, `bodyClass` an optional class on `<body>`.
 */
export function documentShell({ lang, title, referrer, head, bodyClass, body }) {
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="${referrer}">
<title>${esc(title)}</title>
${head}</head>
<body${bodyClass ? ` class="${bodyClass}"` : ''}>
${body}
</body>
</html>`;
}

/** An error the person must read now: announced at once. */
export const alertNote = (text) => (text ? `<p class="alert" role="alert">${esc(text)}</p>` : '');
