/**
 * The widgets on hostile host pages: strict CSP with Trusted Types (and a nonce variant),
 * WordPress-mangled markup, the script twice, a page that uses `?code=&state=` itself, a
 * hostile global stylesheet, a React 19 app, the snippet builder, and an editor who tries
 * to send the customer's token to a server of their own.
 */
import { createServer } from 'node:http';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { TRUSTED_TYPES_POLICIES } from '../../demo/site-server.mjs';
import { openContext, signIn, useStack, waitForState, WAIT, CUSTOMERS } from './harness.mjs';
import { CHROMIUM_ONLY, ENGINE, launchEngine } from './engines.mjs';

let ctx;
let page;
const e2e = useStack(
  {},
  {
    launch: launchEngine,
    setup: async ({ stack, browser }) => {
      ctx = await openContext(browser, stack);
      page = await ctx.newPage();
      await page.goto(stack.url('/index.html'));
      await signIn(page, stack, CUSTOMERS.jan);
    },
  },
);

test('strict CSP with Trusted Types: no violation, every widget works', async (t) => {
  const response = await page.goto(e2e.stack.url('/hostile/csp.html'));
  const csp = response.headers()['content-security-policy'];
  assert.match(csp, /script-src 'self'/);
  assert.match(csp, /require-trusted-types-for 'script'/);
  await waitForState(page, 'anva-contracts', 'ready');
  await waitForState(page, 'anva-account', 'ready');
  await ctx.assertClean(page);

  // Does this engine enforce Trusted Types? Then a string into innerHTML is refused; without
  // them, the rest of the policy must still hold: an injected inline script does not run.
  const marks = Object.fromEntries(Object.entries(ctx.record).map(([k, v]) => [k, v.length]));
  const probe = await page.evaluate(() => {
    const hasTrustedTypes = typeof window.trustedTypes?.createPolicy === 'function';
    let refused = false;
    try {
      document.createElement('div').innerHTML = '<b>x</b>';
    } catch (error) {
      refused = error instanceof TypeError;
    }
    try {
      const script = document.createElement('script');
      script.src = 'data:text/javascript,window.__injected=1';
      document.head.append(script);
    } catch {
      // Trusted Types refuse the string URL already.
    }
    return { hasTrustedTypes, refused };
  });
  if (probe.hasTrustedTypes) {
    assert.ok(probe.refused, `${ENGINE} has Trusted Types: a string into innerHTML is refused`);
  } else {
    t.diagnostic(`${ENGINE} has no Trusted Types: checked that script-src still holds instead`);
  }
  await page.waitForTimeout(500);
  assert.equal(
    await page.evaluate(() => window.__injected ?? null),
    null,
    'injected script blocked',
  );
  // What the probe provoked is no finding for the tests after this one.
  for (const [key, length] of Object.entries(marks)) {
    if (Array.isArray(ctx.record[key])) ctx.record[key].splice(length);
  }
});

test(
  'the Trusted Types policies the README lists are exactly those the bundle creates',
  CHROMIUM_ONLY,
  async () => {
    const bundle = await readFile(new URL('../../dist/anva-widgets.js', import.meta.url), 'utf8');
    const created = [...bundle.matchAll(/createPolicy\(\s*[`'"]([\w-]+)[`'"]/g)].map((m) => m[1]);
    assert.deepEqual([...new Set(created)].sort(), [...TRUSTED_TYPES_POLICIES].sort());
  },
);

test('CSP with a per-request nonce and strict-dynamic', CHROMIUM_ONLY, async () => {
  const first = await page.goto(e2e.stack.url('/hostile/csp-nonce.html'));
  await waitForState(page, 'anva-contracts', 'ready');
  const nonce = /'nonce-([^']+)'/.exec(first.headers()['content-security-policy'])?.[1];
  assert.ok(nonce, 'the page is served with a nonce');
  const again = await fetch(e2e.stack.url('/hostile/csp-nonce.html'));
  assert.ok(
    !again.headers.get('content-security-policy').includes(nonce),
    'a new nonce per request',
  );
  await ctx.assertClean(page);
});

test('WordPress-mangled markup and data-anva blocks', CHROMIUM_ONLY, async () => {
  const since = ctx.record.requests.length;
  await page.goto(e2e.stack.url('/hostile/wordpress.html'));
  const contracts = page.locator('anva-contracts, [data-anva="contracts"]');
  await page.waitForFunction(
    () =>
      document.querySelectorAll('anva-contracts[state="ready"]').length >= 2 &&
      document.querySelector('anva-account')?.getAttribute('state') === 'ready',
  );
  assert.ok((await contracts.count()) >= 2, 'the data-anva block became a widget');
  await page.waitForLoadState('networkidle');
  const counts = ctx.apiCounts(e2e.stack.hub.apiBase, since);
  console.log(`requests per endpoint on hostile/wordpress.html: ${JSON.stringify(counts)}`);
  for (const [path, count] of Object.entries(counts)) assert.equal(count, 1, `${path} once`);
  await ctx.assertClean(page);
});

test('the script included twice and after the tags', CHROMIUM_ONLY, async () => {
  await page.goto(e2e.stack.url('/hostile/twice.html'));
  await waitForState(page, 'anva-contracts', 'ready');
  const scripts = await page.locator('script[src="/anva-widgets.js"]').count();
  assert.equal(scripts, 2);
  await ctx.assertClean(page);
});

test("the host page's own ?code=&state= is left alone", CHROMIUM_ONLY, async () => {
  const path = '/hostile/host-code.html?code=abc&state=xyz';
  await page.goto(e2e.stack.url(path));
  await waitForState(page, 'anva-contracts', 'ready');
  await page.getByText('Uw actiecode: ABC').waitFor();
  assert.equal(
    new URL(page.url()).search,
    '?code=abc&state=xyz',
    'the address bar keeps its query',
  );
  assert.ok(!ctx.record.events.some((e) => e.type === 'anva-error'), 'no anva-error');

  const anonymous = await openContext(e2e.browser, e2e.stack);
  const fresh = await anonymous.newPage();
  await fresh.goto(e2e.stack.url(path));
  await waitForState(fresh, 'anva-contracts', 'signed-out');
  assert.equal(new URL(fresh.url()).search, '?code=abc&state=xyz');
  assert.ok(
    !anonymous.record.events.some((e) => e.type === 'anva-error'),
    'no anva-error when signed out',
  );
  await anonymous.assertClean(fresh);
  await anonymous.close();
  await ctx.assertClean(page);
});

/** Geometry and typography the widget keeps whatever the page's CSS does. */
async function lookOf(target) {
  return target.locator('anva-contracts').evaluate((host) => {
    const table = host.shadowRoot.querySelector('table, [role="table"], [part~="table"]');
    const cell = host.shadowRoot.querySelector('td, [role="cell"], [part~="cell"]');
    const style = cell && getComputedStyle(cell);
    return {
      tableWidth: table?.getBoundingClientRect().width ?? 0,
      textTransform: style?.textTransform,
      whiteSpace: style?.whiteSpace,
      textAlign: style?.textAlign,
    };
  });
}

test('a hostile global stylesheet does not break the widgets', CHROMIUM_ONLY, async () => {
  await page.goto(e2e.stack.url('/mijn-verzekeringen.html'));
  await waitForState(page, 'anva-contracts', 'ready');
  const normal = await lookOf(page);
  await page.goto(e2e.stack.url('/hostile/styles.html'));
  await waitForState(page, 'anva-contracts', 'ready');
  await waitForState(page, 'anva-account', 'ready');
  const hostile = await lookOf(page);
  console.log(`contracts table on a normal / hostile page: ${JSON.stringify({ normal, hostile })}`);
  assert.ok(hostile.tableWidth >= normal.tableWidth * 0.8, 'the table keeps its width');
  assert.equal(hostile.textTransform, normal.textTransform, 'text-transform does not leak in');
  assert.equal(hostile.whiteSpace, normal.whiteSpace, 'white-space does not leak in');
  assert.equal(hostile.textAlign, normal.textAlign, 'text-align does not leak in');
  await ctx.assertClean(page);
});

test('React 19 page: JSX props and events', CHROMIUM_ONLY, async () => {
  await page.goto(e2e.stack.url('/react/index.html'));
  await waitForState(page, 'anva-contracts', 'ready');
  await page.getByRole('heading', { name: /^Welkom, / }).waitFor();
  const before = page.url();
  await page.locator('anva-contracts').getByRole('row').nth(1).click();
  await waitForState(page, 'anva-contract-detail', 'ready');
  assert.equal(page.url(), before, 'the React handler cancelled the navigation');
  await page.getByRole('button', { name: 'Sluiten' }).click();
  await page.locator('anva-contract-detail').waitFor({ state: 'detached' });
  await ctx.assertClean(page);
});

test('snippet builder: live preview and the exact embed code', CHROMIUM_ONLY, async () => {
  await page.goto(e2e.stack.url('/snippet.html'));
  const preview = page.locator('#preview');
  await waitForState(preview, 'anva-contracts', 'ready');
  const bundle = await readFile(new URL('../../dist/anva-widgets.js', import.meta.url));
  const sri = `sha384-${createHash('sha384').update(bundle).digest('base64')}`;
  const code = page.locator('#code-html');
  await page.waitForFunction(
    (hash) => document.getElementById('code-html').textContent.includes(hash),
    sri,
  );

  await page.getByLabel('Mijn gegevens (anva-account)').check();
  await waitForState(preview, 'anva-account', 'ready');
  await page.getByLabel('Engels').check();
  await preview
    .locator('anva-login')
    .getByRole('button', { name: /sign out/i })
    .waitFor();
  const html = await code.textContent();
  assert.match(
    html,
    new RegExp(
      `<script type="module" src="[^"]+/anva-widgets\\.js" integrity="${sri.replace(/[+/]/g, '\\$&')}"`,
    ),
  );
  assert.match(
    html,
    /<anva-hub authority="[^"]+" client-id="broker-website" api-base="[^"]+" lang="en"><\/anva-hub>/,
  );
  assert.match(
    html,
    /<anva-contracts detail-href="\/polis\.html\?contract=\{id\}"><\/anva-contracts>/,
  );
  assert.match(html, /<anva-account><\/anva-account>/);

  await ctx.context.grantPermissions(['clipboard-read', 'clipboard-write'], {
    origin: new URL(e2e.stack.site.url).origin,
  });
  await page.getByRole('button', { name: 'HTML kopiëren' }).click();
  await page.getByText('Gekopieerd.').waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), html);

  await page.getByRole('radio', { name: /WordPress/ }).check();
  const wordpress = await code.textContent();
  assert.match(
    wordpress,
    /<div data-anva="contracts" data-detail-href="\/polis\.html\?contract=\{id\}"><\/div>/,
  );
  assert.doesNotMatch(wordpress, /<anva-contracts/);
  await ctx.assertClean(page);
});

/** A server of the editor's: answers CORS permissively and records every request it gets. */
async function startAttacker() {
  const seen = [];
  const server = createServer((req, res) => {
    seen.push({ method: req.method, url: req.url, authorization: req.headers.authorization });
    res.setHeader('Access-Control-Allow-Origin', req.headers.origin ?? '*');
    res.setHeader('Access-Control-Allow-Headers', 'Authorization, Accept, Content-Type');
    res.setHeader('Connection', 'close');
    if (req.method === 'OPTIONS') return res.writeHead(204).end();
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ data: { items: [] } }));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${server.address().port}`,
    seen,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

test(
  'an editor\'s data-anva="hub" and <anva-hub> never steer the token; the web team\'s configure() wins',
  CHROMIUM_ONLY,
  async () => {
    const attacker = await startAttacker();
    const editorPage = e2e.stack.url('/hostile/wordpress.html');
    const { issuer, apiBase } = e2e.stack.hub;
    const evil = `${attacker.origin}/api`;
    // What a WordPress page looks like when editors wrote the content and the theme the script.
    const html = `<!doctype html><html lang="nl"><head><meta charset="utf-8" />
    <title>Mijn polissen</title><script type="module" src="/anva-widgets.js"></script></head>
    <body><main>
      <div data-anva="hub" data-authority="${issuer}" data-client-id="broker-website"
        data-api-base="${evil}"></div>
      <anva-hub authority="${issuer}" client-id="broker-website" api-base="${evil}"></anva-hub>
      <anva-login></anva-login>
      <div data-anva="contracts" data-api-base="${evil}"></div>
    </main>
    <script type="module">
      import { configure } from '/anva-widgets.js';
      // The theme's script configures once the page is there, after the editor's markup.
      document.addEventListener('DOMContentLoaded', () =>
        configure({ authority: '${issuer}', clientId: 'broker-website', apiBase: '${apiBase}' }),
      );
    </script></body></html>`;
    // The web team hears about the editor's <anva-hub>: ignored, or replaced by configure().
    const overruled = /configuration \(<anva-hub>\) was ignored|configure\(\) replaces/;
    const editor = await openContext(e2e.browser, e2e.stack, { allowConsole: [overruled] });
    try {
      // A document the test fulfils has no address, so Chromium counts it as public and asks
      // before it reaches the loopback Hub; the grant stands in for a site on the same network.
      await editor.context.grantPermissions(['local-network-access']);
      await editor.context.route(
        (url) => url.href.split('?')[0] === editorPage,
        (route) =>
          route.fulfill({
            status: 200,
            contentType: 'text/html; charset=utf-8',
            headers: { 'Content-Security-Policy': "frame-ancestors 'self'; object-src 'none'" },
            body: html,
          }),
      );
      const tab = await editor.newPage();
      await tab.goto(editorPage);
      await signIn(tab, e2e.stack, CUSTOMERS.jan);
      // The Hub's redirect lands on the site's own page; the customer then opens the editor's.
      await tab.goto(editorPage);
      await tab
        .locator('anva-contracts:is([state="ready"], [state="empty"], [state="error"])')
        .waitFor({ timeout: WAIT.step });
      await tab.waitForLoadState('networkidle');
      const withToken = attacker.seen.filter((request) => request.authorization);
      assert.deepEqual(withToken, [], "no request with a token reached the editor's server");
      assert.deepEqual(attacker.seen, [], "the editor's server was never asked anything");
      await waitForState(tab, 'anva-contracts', 'ready');
      assert.ok(Object.keys(editor.apiCounts(apiBase)).length > 0, 'the data came from api-base');
      const errors = editor.record.events.filter((event) => event.type === 'anva-error');
      assert.ok(
        errors.length && errors.every((event) => overruled.test(event.detail)),
        `only the overruled <anva-hub> is reported: ${JSON.stringify(errors)}`,
      );
      await editor.assertClean(tab);
    } finally {
      await editor.close();
      await attacker.close();
    }
  },
);
