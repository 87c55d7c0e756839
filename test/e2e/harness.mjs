/**
 * What every end-to-end test file shares: the built bundle, a local Hub on a temporary data
 * file, the demo site, an optional proxy in front of the Hub, one Chromium, and the watchers
 * that fail a test on any CSP violation, console error or token leak.
 */
import { createServer, request as httpRequest } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../../scripts/chromium.mjs';
import { ensureBuilt } from '../../scripts/start.mjs';
import { startHub } from '../../demo/hub/server.mjs';
import { startSite } from '../../demo/site-server.mjs';

/**
 * How long the end-to-end tests wait, in one place. `step`: a page, a sign-in, a widget's
 * state; `longStep`: a step that waits on the widgets' retries or renders a thousand rows.
 * `requestSeconds`: the `timeout` setting a test gives its pages (`openContext`) when it
 * wants the widgets' time limit reached: far below their default of 60 s.
 */
export const WAIT = { step: 15_000, longStep: 30_000, requestSeconds: 5 };

export const CUSTOMERS = {
  jan: { email: 'jan@voorbeeld.nl', password: 'Welkom01!' },
  sanne: { email: 'sanne@voorbeeld.nl', password: 'Welkom02!' },
  pieter: { email: 'pieter@voorbeeld.nl', password: 'Welkom03!' },
  fatima: { email: 'fatima@voorbeeld.nl' },
  kees: { email: 'kees@voorbeeld.nl', password: 'Welkom05!' },
  willem: { email: 'willem@voorbeeld.nl', password: 'Welkom06!' },
};

/**
 * An HTTP server listening on a free port of 127.0.0.1, kept open for whoever answers on it:
 * no other process can take the port between picking and listening.
 */
export function listening() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve(server);
    });
  });
}

/**
 * A proxy in front of the customer API, so a test can take the API down or make it slow while
 * sign-in keeps working: `mode` is `pass`, `down` or `slow`. `isApi` tells API requests from
 * the others when the proxy stands in front of a single-origin Hub.
 */
async function startProxy(isApi) {
  const control = { mode: 'pass', delayMs: 0 };
  const target = { port: 0 };
  const sockets = new Set();
  const server = await listening();
  server.on('request', (req, res) => {
    const held = isApi(req) && req.method !== 'OPTIONS';
    if (held && control.mode === 'down') {
      req.socket.destroy();
      return;
    }
    const forward = () => {
      const upstream = httpRequest(
        {
          host: '127.0.0.1',
          port: target.port,
          method: req.method,
          path: req.url,
          headers: req.headers,
        },
        (answer) => {
          res.writeHead(answer.statusCode, answer.rawHeaders);
          answer.pipe(res);
        },
      );
      upstream.on('error', () => res.destroy());
      req.pipe(upstream);
    };
    if (held && control.mode === 'slow') {
      const timer = setTimeout(forward, control.delayMs);
      res.on('close', () => clearTimeout(timer));
    } else {
      forward();
    }
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  return {
    origin: `http://127.0.0.1:${server.address().port}`,
    target,
    control,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/**
 * Builds what is stale, then starts the Hub (temporary data file) and the site on servers
 * that already listen on free ports. Identity and API are on two origins, as at ANVA, unless
 * `singleOrigin`. With `proxy: true` the browser reaches the API through a proxy the test
 * controls; `latency` is the Hub's setting for slow answers (e.g. `{ contracts: 20000 }`).
 */
export async function startStack({
  accessTokenTtl = 300,
  proxy = false,
  singleOrigin = false,
  latency,
} = {}) {
  await ensureBuilt({ quiet: true });
  const dir = await mkdtemp(join(tmpdir(), 'anva-e2e-'));
  const [identityServer, apiServer, siteServer] = await Promise.all([
    listening(),
    singleOrigin ? undefined : listening(),
    listening(),
  ]);
  const originOf = (server) => `http://127.0.0.1:${server.address().port}`;
  const proxied = proxy
    ? await startProxy((req) => !singleOrigin || req.url.startsWith('/api/'))
    : undefined;
  // The proxy stands where the browser meets the API: its own origin, or the whole Hub's.
  const identityOrigin = singleOrigin && proxied ? proxied.origin : originOf(identityServer);
  const apiOrigin = singleOrigin ? identityOrigin : (proxied?.origin ?? originOf(apiServer));
  const siteOrigin = originOf(siteServer);
  const hub = await startHub({
    servers: { identity: identityServer, api: apiServer },
    singleOrigin,
    host: '127.0.0.1',
    issuer: `${identityOrigin}/identity`,
    apiBase: singleOrigin ? `${apiOrigin}/api` : apiOrigin,
    siteOrigin,
    dataFile: join(dir, 'hub.json'),
    accessTokenTtl,
    latency,
    log: () => {},
  });
  if (proxied) proxied.target.port = singleOrigin ? hub.port : hub.apiPort;
  const site = await startSite({
    server: siteServer,
    publicHost: '127.0.0.1',
    hubIssuer: hub.issuer,
    apiBase: hub.apiBase,
  });
  return {
    hub,
    site,
    proxy: proxied?.control,
    dataFile: join(dir, 'hub.json'),
    url: (path) => new URL(path, `${site.url}/`).href,
    async close() {
      await Promise.allSettled([site.close(), hub.close(), proxied?.close()]);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/**
 * The stack and a browser for a test file: started before its first test, stopped after
 * its last. The returned object holds them (`stack`, `browser`) once started; `setup` runs
 * in the same hook once they are (a file's top-level `before` hooks do not wait for each
 * other).
 */
export function useStack(options = {}, { launch = launchBrowser, setup } = {}) {
  const e2e = {};
  before(async () => {
    [e2e.stack, e2e.browser] = await Promise.all([startStack(options), launch()]);
    await setup?.(e2e);
  });
  after(async () => {
    await e2e.browser?.close();
    await e2e.stack?.close();
  });
  return e2e;
}

export async function launchBrowser() {
  const executablePath = chromiumPath();
  if (!executablePath)
    throw new Error('Chromium not found: run `npm run chromium` or set CHROME_PATH.');
  return chromium.launch({ executablePath, headless: true, args: chromiumArgs });
}

/** Registered in every page before its own scripts: reports CSP violations and anva-* events. */
function pageProbe() {
  const report = (kind, data) => window.__e2eReport?.(kind, data);
  document.addEventListener(
    'securitypolicyviolation',
    (event) =>
      report('csp', {
        directive: event.effectiveDirective,
        blocked: event.blockedURI,
        sample: event.sample,
        source: `${event.sourceFile}:${event.lineNumber}`,
      }),
    true,
  );
  for (const type of ['anva-signed-in', 'anva-signed-out', 'anva-contract-select', 'anva-error']) {
    window.addEventListener(
      type,
      (event) => report('event', { type, detail: JSON.stringify(event.detail) }),
      true,
    );
  }
}

const JWT = /eyJ[\w-]{8,}\.[\w-]{8,}\./;

/** Runs in every page before its own scripts: the `timeout` setting of its `<anva-hub>`. */
function hubTimeout(seconds) {
  // The widgets read <anva-hub> once the page is parsed, so the setting is there first.
  document.addEventListener('DOMContentLoaded', () => {
    for (const hub of document.querySelectorAll('anva-hub'))
      hub.setAttribute('timeout', String(seconds));
  });
}

/**
 * A browser context that records, across all its tabs and navigations: CSP violations,
 * console output, page errors, anva-* events, every request, and the tokens the Hub issued.
 * `timeout`: seconds, set on every page's `<anva-hub>` (Chromium and Firefox, which run
 * scripts before the page's own).
 */
export async function openContext(browser, stack, { allowConsole = [], timeout } = {}) {
  const context = await browser.newContext({
    locale: 'nl-NL',
    viewport: { width: 1280, height: 900 },
  });
  const record = { csp: [], console: [], errors: [], events: [], requests: [], tokens: new Set() };
  await context.exposeBinding('__e2eReport', (_source, kind, data) => {
    if (kind === 'csp') record.csp.push(data);
    if (kind === 'event') record.events.push(data);
  });
  await context.addInitScript(pageProbe);
  if (timeout !== undefined) await context.addInitScript(hubTimeout, timeout);
  const watch = (page) => {
    page.on('console', (message) =>
      record.console.push({ type: message.type(), text: message.text(), url: page.url() }),
    );
    page.on('pageerror', (error) => record.errors.push(String(error)));
    page.on('request', (request) =>
      record.requests.push({ method: request.method(), url: request.url() }),
    );
    page.on('response', async (response) => {
      if (
        response.request().method() !== 'POST' ||
        !/\/token$/.test(new URL(response.url()).pathname)
      )
        return;
      const body = await response.json().catch(() => ({}));
      for (const key of ['access_token', 'refresh_token', 'id_token']) {
        if (typeof body[key] === 'string') record.tokens.add(body[key]);
      }
    });
  };
  context.on('page', watch);

  const isAllowed = (entry) => allowConsole.some((pattern) => pattern.test(entry.text));
  return {
    context,
    record,
    async newPage() {
      return context.newPage();
    },
    /** Requests to `apiBase`, counted per path (GET only: CORS preflights are not the widgets' doing). */
    apiCounts(apiBase, since = 0) {
      const counts = {};
      for (const { method, url } of record.requests.slice(since)) {
        if (method !== 'GET' || !url.startsWith(`${apiBase}/`)) continue;
        const path = url.slice(apiBase.length).split('?')[0];
        counts[path] = (counts[path] ?? 0) + 1;
      }
      return counts;
    },
    /** Fails on CSP violations, console errors, page errors, and tokens outside sessionStorage. */
    async assertClean(page) {
      assert.deepEqual(record.csp, [], 'CSP violations');
      const consoleErrors = record.console.filter(
        (entry) => entry.type === 'error' && !isAllowed(entry),
      );
      assert.deepEqual(consoleErrors, [], 'console errors');
      assert.deepEqual(record.errors, [], 'uncaught page errors');
      const tokens = [...record.tokens];
      for (const entry of record.console) {
        assert.ok(
          !JWT.test(entry.text) && !tokens.some((t) => entry.text.includes(t)),
          `token in console: ${entry.text}`,
        );
      }
      for (const event of record.events) {
        assert.ok(
          !JWT.test(event.detail) && !tokens.some((t) => event.detail.includes(t)),
          `token in ${event.type}`,
        );
      }
      if (page && !page.isClosed() && page.url().startsWith('http')) {
        const local = await page.evaluate(() => JSON.stringify({ ...window.localStorage }));
        assert.ok(
          !JWT.test(local) && !tokens.some((t) => local.includes(t)),
          'token in localStorage',
        );
      }
    },
    close: () => context.close(),
  };
}

/** The widget's state attribute, once it has the wanted value. */
export async function waitForState(page, selector, state, timeout = WAIT.step) {
  await page.locator(`${selector}[state="${state}"]`).first().waitFor({ timeout });
}

/**
 * Signs in from a demo page: *Inloggen* in the widget, the Hub's login form, consent when
 * asked; resolves once the customer is back on the site. Returns whether consent was asked.
 */
export async function signIn(page, stack, { email, password }, { expectConsent } = {}) {
  await page
    .locator('anva-login')
    .first()
    .getByRole('button', { name: /inloggen/i })
    .click();
  const hubOrigin = new URL(stack.hub.issuer).origin;
  await page.waitForURL((url) => url.origin === hubOrigin);
  await page.getByLabel(/e-mail/i).fill(email);
  await page.getByLabel(/^wachtwoord/i).fill(password);
  await page.getByRole('button', { name: /inloggen/i }).click();
  const siteOrigin = new URL(stack.site.url).origin;
  const consent = page.getByRole('button', { name: 'Toestaan' });
  const outcome = await Promise.race([
    page.waitForURL((url) => url.origin === siteOrigin, { timeout: WAIT.step }).then(() => 'site'),
    consent.waitFor({ timeout: WAIT.step }).then(() => 'consent'),
  ]);
  if (outcome === 'consent') {
    await consent.click();
    await page.waitForURL((url) => url.origin === siteOrigin);
  }
  if (expectConsent !== undefined)
    assert.equal(outcome === 'consent', expectConsent, 'consent asked');
  await page
    .locator('anva-login')
    .first()
    .getByRole('button', { name: /uitloggen/i })
    .waitFor();
  return outcome === 'consent';
}

/** The `anva-*` events seen since index `since`, parsed. */
export function eventsSince(record, since = 0) {
  return record.events
    .slice(since)
    .map(({ type, detail }) => ({ type, detail: JSON.parse(detail ?? 'null') }));
}
