/**
 * The demo broker website: a small static server (node:http only) for `demo/site/`,
 * the BUILT widgets bundle at `/anva-widgets.js` and the built React page at `/react/`.
 *
 * HTML pages carry `{{AUTHORITY}}`, `{{API_BASE}}` and `{{NONCE}}` placeholders, filled in
 * per request, so the same pages work against a Hub on any port. The chrome every page shares
 * (top bar, site header, footer) lives in `demo/site/partials/` and is pulled in with
 * `{{> topbar}}`, `{{> header current=/index.html}}` and `{{> footer}}` before the placeholders
 * are filled; `current=` names the nav link that gets `aria-current="page"`. The partials are
 * not served on their own. The hostile pages get the strict Content-Security-Policy the README
 * asks brokers to send.
 */
import { createServer } from 'node:http';
import { randomBytes } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compress, varyFor } from './compression.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const projectRoot = resolve(here, '..');

/** The Trusted Types policies the bundle creates: only lit-html's own. */
export const TRUSTED_TYPES_POLICIES = ['lit-html'];

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

/** Pages served with the strict policy; the value says how scripts are allowed. */
const STRICT_PAGES = new Map([
  ['/hostile/csp.html', 'self'],
  ['/hostile/csp-nonce.html', 'nonce'],
  // The snippet builder fetches the bundle itself to compute its integrity hash.
  ['/snippet.html', 'self+connect'],
  ['/react/index.html', 'self'],
]);

function originOf(url) {
  return new URL(url).origin;
}

/** The directives a broker adds for the widgets, as the README lists them. */
export function strictCsp({ hubOrigins, nonce, connectSelf = false }) {
  const hubs = [...new Set(hubOrigins)].join(' ');
  const scripts = nonce ? `'nonce-${nonce}' 'strict-dynamic'` : "'self'";
  return [
    "default-src 'self'",
    `script-src ${scripts}`,
    "style-src 'self'",
    `connect-src ${connectSelf ? "'self' " : ''}${hubs}`,
    `img-src 'self' ${hubs}`,
    "object-src 'none'",
    "base-uri 'self'",
    "frame-ancestors 'self'",
    "require-trusted-types-for 'script'",
    `trusted-types ${TRUSTED_TYPES_POLICIES.join(' ')}`,
  ].join('; ');
}

/** What an ordinary site without a CSP of its own still sends. */
const BASELINE_CSP = "frame-ancestors 'self'; base-uri 'self'; object-src 'none'";

function escapeAttribute(value) {
  return String(value)
    .replaceAll('&', '&amp;')
    .replaceAll('"', '&quot;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;');
}

/** `{{> name}}` or `{{> name current=/page.html}}`. */
const INCLUDE = /\{\{> ([a-z-]+)(?: current=([^\s}]+))?\}\}/g;
/** A line of one or more includes (Prettier puts neighbouring ones on one line). */
const INCLUDE_LINE = new RegExp(`^([ \\t]*)((?:${INCLUDE.source}[ \\t]*)+)$`, 'gm');

/**
 * Replaces each include with its partial from `partialsDir`, on lines of its own, indented
 * like the include. `current` marks the nav link with exactly that href as the current page.
 */
async function expandIncludes(html, partialsDir) {
  const names = new Set(Array.from(html.matchAll(INCLUDE), (match) => match[1]));
  const partials = new Map();
  for (const name of names) {
    partials.set(name, (await readFile(join(partialsDir, `${name}.html`), 'utf8')).trimEnd());
  }
  const expand = (_, name, current) => {
    let partial = partials.get(name);
    if (current) {
      const link = `<a href="${escapeAttribute(current)}">`;
      if (!partial.includes(link)) throw new Error(`${name} has no link to ${current}`);
      partial = partial.replace(link, `<a href="${escapeAttribute(current)}" aria-current="page">`);
    }
    return partial;
  };
  return html.replaceAll(INCLUDE_LINE, (_, indent, includes) =>
    Array.from(includes.matchAll(INCLUDE), (match) => expand(...match))
      .join('\n')
      .replaceAll(/^(?=.)/gm, indent),
  );
}

/** Maps a URL path to a file under `root`, or undefined when it tries to leave it. */
function fileUnder(root, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  // No NUL bytes, and no dotfiles (tool configuration next to the pages is not for the web).
  if (decoded.includes('\0') || /(^|\/)\./.test(decoded)) return undefined;
  const path = normalize(join(root, decoded));
  return path === root || path.startsWith(root + sep) ? path : undefined;
}

/**
 * Starts the demo site. `hubIssuer` and `apiBase` end up in every page's `<anva-hub>` and
 * their two origins in the strict pages' CSP; `publicHost` is the host name in `url`, which
 * must match the redirect URIs registered on the Hub. `server` is an HTTP server that already
 * listens (on port 0, so a test never loses its port to another process); it is closed with
 * the site. Returns `{ url, port, close() }`.
 */
export async function startSite({
  server: listening,
  port = 8080,
  host = '127.0.0.1',
  publicHost = 'localhost',
  hubIssuer,
  apiBase,
  siteDir = join(here, 'site'),
  distDir = join(projectRoot, 'dist'),
  reactDir = join(here, 'react', 'dist'),
} = {}) {
  if (!hubIssuer || !apiBase) throw new Error('startSite needs hubIssuer and apiBase');
  const hubOrigins = [originOf(hubIssuer), originOf(apiBase)];
  const roots = { site: resolve(siteDir), dist: resolve(distDir), react: resolve(reactDir) };
  const partialsDir = join(roots.site, 'partials');

  function resolveFile(pathname) {
    if (pathname === '/anva-widgets.js' || pathname === '/anva-widgets.js.map') {
      return fileUnder(roots.dist, pathname);
    }
    // The Hub registers /react/index.html as redirect URI: the page has one address.
    if (pathname === '/react' || pathname === '/react/') return { redirect: '/react/index.html' };
    if (pathname.startsWith('/react/')) {
      const rest = pathname.slice('/react'.length);
      return fileUnder(roots.react, rest.endsWith('/') ? `${rest}index.html` : rest);
    }
    const path = fileUnder(roots.site, pathname.endsWith('/') ? `${pathname}index.html` : pathname);
    // Partials are pieces of pages, not pages.
    return path === partialsDir || path?.startsWith(partialsDir + sep) ? undefined : path;
  }

  function headersFor(pathname, type, nonce) {
    const headers = {
      'Content-Type': type,
      'Cache-Control': 'no-cache',
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'X-Frame-Options': 'SAMEORIGIN',
      'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
    };
    if (type.startsWith('text/html')) {
      const mode = STRICT_PAGES.get(pathname);
      headers['Content-Security-Policy'] = mode
        ? strictCsp({
            hubOrigins,
            nonce: mode === 'nonce' ? nonce : undefined,
            connectSelf: mode === 'self+connect',
          })
        : BASELINE_CSP;
    }
    return headers;
  }

  async function handle(req, res) {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Method not allowed\n');
      return;
    }
    const { pathname } = new URL(req.url, 'http://site.invalid');
    const target = resolveFile(pathname);
    if (target?.redirect) {
      res.writeHead(301, { Location: target.redirect });
      res.end();
      return;
    }
    const info = target && (await stat(target).catch(() => undefined));
    if (!info?.isFile()) {
      const hint = pathname.startsWith('/react/')
        ? 'Not found. The React page is built by `npm run build:react`.\n'
        : 'Not found\n';
      res.writeHead(404, {
        'Content-Type': 'text/plain; charset=utf-8',
        'X-Content-Type-Options': 'nosniff',
      });
      res.end(hint);
      return;
    }
    const type = CONTENT_TYPES[extname(target)] ?? 'application/octet-stream';
    const html = type.startsWith('text/html');
    // A file is asked again on every use (no-cache) and answered 304 while it is unchanged;
    // a page is made anew each time (its nonce), so it has no validator.
    const etag = html ? undefined : `W/"${info.size.toString(36)}-${info.mtimeMs.toString(36)}"`;
    if (etag && req.headers['if-none-match']?.split(/\s*,\s*/).includes(etag)) {
      res.writeHead(304, { ...headersFor(pathname, type), ...varyFor(type), ETag: etag });
      res.end();
      return;
    }
    let body = await readFile(target);
    let nonce;
    if (html) {
      nonce = randomBytes(16).toString('base64');
      body = (await expandIncludes(body.toString('utf8'), partialsDir))
        .replaceAll('{{AUTHORITY}}', escapeAttribute(hubIssuer))
        .replaceAll('{{API_BASE}}', escapeAttribute(apiBase))
        .replaceAll('{{NONCE}}', escapeAttribute(nonce));
      body = Buffer.from(body, 'utf8');
    }
    const sent = compress(req, type, body, html ? {} : { path: target, version: etag });
    res.writeHead(200, {
      ...headersFor(pathname, type, nonce),
      ...sent.headers,
      ...(etag ? { ETag: etag } : {}),
      'Content-Length': sent.body.length,
    });
    res.end(req.method === 'HEAD' ? undefined : sent.body);
  }

  const server = listening ?? createServer();
  server.on('request', (req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Internal error\n');
    });
  });
  if (!listening) {
    await new Promise((resolveListen, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        resolveListen();
      });
    });
  }
  const actualPort = server.address().port;
  return {
    url: `http://${publicHost}:${actualPort}`,
    port: actualPort,
    close: () =>
      new Promise((done) => {
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}
