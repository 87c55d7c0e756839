/**
 * The plugin in a real WordPress (Debian's package, MariaDB, php -S), every editor role, and
 * the customer in Chromium against the local Hub: an administrator fills in the settings; an
 * Administrator, an Editor under DISALLOW_UNFILTERED_HTML, an Author and a Contributor save
 * blocks, shortcodes, raw tags and data-anva divs, plus configuration aimed at an attacker's
 * server; the customer signs in once and sees the contracts on every role's pages, with no
 * request to the attacker, the token only at the API, and no CSP violation under the policy
 * from the plugin's readme.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startHub } from '../../demo/hub/server.mjs';
import { buildPluginZip } from '../../scripts/wordpress-zip.mjs';
import {
  CUSTOMERS,
  listening,
  launchBrowser,
  openContext,
  signIn,
  waitForState,
} from '../e2e/harness.mjs';
import { startWordPress, wordpressMissing } from './wordpress.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const SHOTS = process.env.ANVA_SHOTS_DIR;
const CLIENT_ID = 'wordpress-site';
const missing = wordpressMissing();

/** The must-use plugin from the readme's Content-Security-Policy section, verbatim. */
async function cspSnippet() {
  const readme = await readFile(join(root, 'wordpress/anva-widgets/readme.txt'), 'utf8');
  const section = readme.split('== Content-Security-Policy ==')[1];
  const code = /^`\n(<\?php\n[\s\S]*?)\n`$/m.exec(section);
  assert.ok(code, 'readme.txt has the CSP snippet');
  return code[1];
}

/** An attacker's server: a real listener that records every request it gets. */
async function startAttacker() {
  const seen = [];
  const server = createServer((req, res) => {
    seen.push({ method: req.method, url: req.url, authorization: req.headers.authorization });
    res.writeHead(404, { 'Access-Control-Allow-Origin': '*' }).end();
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${server.address().port}`,
    seen,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

/** What an editor writes, in the block editor's form and in the classic editor's. */
function contentFor(attacker, form) {
  const hostile = [
    `<div data-anva="hub" data-authority="${attacker}/identity" data-client-id="${CLIENT_ID}" data-api-base="${attacker}/api"></div>`,
    `<anva-hub authority="${attacker}/identity" client-id="${CLIENT_ID}" api-base="${attacker}/api"></anva-hub>`,
  ].join('\n');
  const raw = `<anva-contracts page-size="4" columns="type,contractNumber,status" detail-href="javascript:alert(1)" authority="${attacker}/identity" api-base="${attacker}/api" data-api-base="${attacker}/api"></anva-contracts>`;
  const mount = `<div data-anva="contracts" data-page-size="2" data-api-base="${attacker}/api"></div>`;
  const shortcode = '[anva_contracts detail_href="/polis/?contract={id}" page_size="3"]';
  const hubShortcode = `[anva_hub authority="${attacker}/identity" api_base="${attacker}/api"]`;
  if (form === 'classic') {
    return [hostile, hubShortcode, '[anva_login]', shortcode, raw, mount].join('\n\n');
  }
  const html = (markup) => `<!-- wp:html -->\n${markup}\n<!-- /wp:html -->`;
  const code = (text) => `<!-- wp:shortcode -->\n${text}\n<!-- /wp:shortcode -->`;
  return [
    html(hostile),
    code(hubShortcode),
    '<!-- wp:anva-widgets/login /-->',
    '<!-- wp:anva-widgets/contracts {"detailHref":"/polis/?contract={id}","pageSize":"5","columns":["type","contractNumber","status"]} /-->',
    code(shortcode),
    html(raw),
    html(mount),
  ].join('\n\n');
}

/** Which of the written forms survived the save, in words for the results table. */
function describeSaved(raw, attacker) {
  const kept = [];
  if (raw.includes('<!-- wp:anva-widgets/contracts')) kept.push('block');
  if (raw.includes('[anva_contracts')) kept.push('shortcode');
  const tag = /<anva-contracts[^>]*>/.exec(raw)?.[0];
  if (tag) kept.push(tag.includes(attacker) ? 'tag (all attributes)' : 'tag (display attributes)');
  if (raw.includes('data-anva="contracts"')) kept.push('data-anva');
  const hostile = [];
  if (raw.includes('<anva-hub')) hostile.push('<anva-hub>');
  if (raw.includes('data-anva="hub"')) hostile.push('data-anva="hub"');
  return { kept, hostile };
}

async function logIn(page, wp, login) {
  await page.goto(wp.url('/wp-login.php'));
  await page.locator('#user_login').fill(login);
  await page.locator('#user_pass').fill(wp.users[login].password);
  await Promise.all([page.waitForURL(/wp-admin/), page.locator('#wp-submit').click()]);
}

async function shot(page, name) {
  if (!SHOTS) return;
  await mkdir(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, name), fullPage: true });
}

describe(
  'the WordPress plugin in a real WordPress',
  { skip: missing ? `${missing} not installed` : false },
  () => {
    let hub, wp, attacker, browser, dir;
    const posts = [];
    const results = [];

    before(async () => {
      const zip = await buildPluginZip({ quiet: true });
      dir = await mkdtemp(join(tmpdir(), 'anva-wp-hub-'));
      const [identity, api] = [await listening(), await listening()];
      attacker = await startAttacker();
      wp = await startWordPress({
        pluginZip: zip,
        muPlugins: { 'anva-csp.php': await cspSnippet() },
      });
      // The Hub knows this WordPress as a client, with the redirect URI the settings page shows.
      const clientsFile = join(dir, 'clients.json');
      await writeFile(
        clientsFile,
        JSON.stringify({
          clients: [
            {
              client_id: CLIENT_ID,
              client_name: 'Verzekeringen De Vries (WordPress)',
              organizations: [1201],
              redirect_uris: ['{SITE}/'],
              post_logout_redirect_uris: ['{SITE}/'],
            },
          ],
        }),
      );
      hub = await startHub({
        servers: { identity, api },
        host: '127.0.0.1',
        issuer: `http://127.0.0.1:${identity.address().port}/identity`,
        apiBase: `http://127.0.0.1:${api.address().port}`,
        siteOrigin: wp.origin,
        clientsFile,
        dataFile: join(dir, 'hub.json'),
        log: () => {},
      });
      browser = await launchBrowser();
    });

    after(async () => {
      await browser?.close();
      await Promise.allSettled([hub?.close(), attacker?.close(), wp?.close()]);
      if (dir) await rm(dir, { recursive: true, force: true });
      if (results.length) {
        console.log('\nrole | saved | hostile config saved | rendered widgets | customer saw');
        for (const row of results) console.log(Object.values(row).join(' | '));
      }
    });

    test('only an administrator changes the settings, and invalid values are refused', async () => {
      const admin = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await admin.newPage();
      await logIn(page, wp, 'admin');
      const settings = wp.url('/wp-admin/options-general.php?page=anva-widgets');
      await page.goto(settings);
      const field = (name) => page.locator(`[name="anva_widgets_settings[${name}]"]`);
      await field('authority').fill('javascript:alert(1)');
      await field('client_id').fill(CLIENT_ID);
      await field('api_base').fill(`${hub.apiBase}?x=1`);
      await field('currency').fill('EURO');
      const save = () =>
        Promise.all([page.waitForURL(/settings-updated=true/), page.locator('#submit').click()]);
      await save();
      const errors = await page.locator('.notice-error, .settings-error.error').allInnerTexts();
      assert.equal(errors.length, 3, `three refusals: ${errors.join(' / ')}`);
      assert.equal(await field('authority').inputValue(), '', 'the refused authority is not kept');
      assert.equal(await field('currency').inputValue(), 'EUR', 'the currency stays EUR');

      await page.goto(settings);
      await field('authority').fill(hub.issuer);
      await field('api_base').fill(hub.apiBase);
      await field('currency').fill('eur');
      await save();
      await page.locator('#setting-error-settings_updated').waitFor();
      assert.equal(await field('currency').inputValue(), 'EUR');
      assert.equal(await page.locator('#anva-widgets-redirect-uri').inputValue(), `${wp.origin}/`);
      const stored = JSON.parse(
        await wp.php("echo wp_json_encode(get_option('anva_widgets_settings'));"),
      );
      assert.equal(stored.authority, hub.issuer);
      assert.equal(stored.api_base, hub.apiBase);
      await shot(page, 'settings.png');
      await admin.close();

      const editor = await browser.newContext();
      const editorPage = await editor.newPage();
      await logIn(editorPage, wp, 'editor');
      const denied = await editorPage.goto(settings);
      assert.equal(denied.status(), 403, 'an editor cannot open the settings page');
      const post = await editorPage.request.post(wp.url('/wp-admin/options.php'), {
        form: {
          option_page: 'anva_widgets',
          action: 'update',
          'anva_widgets_settings[authority]': `${attacker.origin}/identity`,
        },
        failOnStatusCode: false,
      });
      assert.equal(post.status(), 403, 'an editor cannot post the settings');
      await editor.close();
      const after = JSON.parse(
        await wp.php("echo wp_json_encode(get_option('anva_widgets_settings'));"),
      );
      assert.equal(after.authority, hub.issuer, 'the settings are unchanged');
    });

    test('every role saves widgets; what steers a token never reaches the page', async () => {
      const roles = [
        { label: 'Administrator', login: 'admin' },
        { label: 'Editor (DISALLOW_UNFILTERED_HTML)', login: 'editor', disallow: true },
        { label: 'Author', login: 'author' },
        { label: 'Contributor', login: 'contributor', pending: true },
      ];
      for (const role of roles) {
        await wp.disallowUnfilteredHtml(Boolean(role.disallow));
        for (const form of ['blocks', 'classic']) {
          const created = await wp.rest(role.login, 'POST', '/wp/v2/posts', {
            title: `${role.label} – ${form}`,
            content: contentFor(attacker.origin, form),
            status: role.pending ? 'pending' : 'publish',
          });
          if (role.pending) {
            // An administrator reviews and publishes it, as in the editor: no filter runs again.
            await wp.php(
              `wp_set_current_user(1); wp_update_post(['ID' => ${created.id}, 'post_status' => 'publish']);`,
            );
            created.link = (await wp.rest('admin', 'GET', `/wp/v2/posts/${created.id}`)).link;
          }
          const saved = describeSaved(created.content.raw, attacker.origin);
          if (role.login !== 'admin') {
            assert.deepEqual(
              saved.hostile.includes('<anva-hub>'),
              false,
              `${role.label}: <anva-hub> not saved`,
            );
            const tag = /<anva-contracts[^>]*>/.exec(created.content.raw)?.[0] ?? '';
            assert.ok(
              !tag.includes(attacker.origin),
              `${role.label}: only display attributes: ${tag}`,
            );
          }
          const html = await (await fetch(created.link)).text();
          const body = html.slice(html.indexOf('<div class="entry-content">'));
          const head = html.slice(0, html.indexOf('<div class="entry-content">'));
          assert.equal((html.match(/<anva-hub\b/g) ?? []).length, 1, 'one <anva-hub> on the page');
          assert.match(
            head,
            new RegExp(
              `<anva-hub authority="${hub.issuer}" client-id="${CLIENT_ID}" api-base="${hub.apiBase}"`,
            ),
          );
          assert.ok(!body.includes('data-anva="hub"'), 'no data-anva="hub" in the content');
          const scripts = html.match(/<script type="module"[^>]*anva-widgets\.js[^>]*>/g) ?? [];
          assert.equal(scripts.length, 1, 'the bundle once');
          assert.match(scripts[0], /integrity="sha384-[\w+/]{64}" crossorigin="anonymous"/);
          const pinned = [new URL(hub.issuer).origin, new URL(hub.apiBase).origin];
          assert.ok(
            scripts[0].includes(`data-anva-origins="${[...new Set(pinned)].join(' ')}"`),
            'the script tag pins the Hub and API origins',
          );
          const rendered = (body.match(/<anva-contracts\b|data-anva="contracts"/g) ?? []).length;
          posts.push({ role, form, link: created.link, saved, rendered });
        }
      }
      await wp.disallowUnfilteredHtml(false);
    });

    test('the customer signs in once and sees the contracts on every role’s pages', async () => {
      const stack = { hub, site: { url: wp.origin } };
      const watched = await openContext(browser, stack);
      const tokenRequests = [];
      watched.context.on('request', (request) => {
        const authorization = request.headers().authorization;
        if (authorization) tokenRequests.push({ url: request.url(), authorization });
      });
      const page = await watched.newPage();
      await page.goto(posts[0].link);
      await signIn(page, stack, CUSTOMERS.jan);
      for (const post of posts) {
        if (page.url() !== post.link) await page.goto(post.link);
        const contracts = page.locator('anva-contracts');
        await waitForState(page, 'anva-contracts', 'ready');
        await page.waitForFunction(
          (expected) => {
            const all = [...document.querySelectorAll('anva-contracts')];
            return (
              all.length >= expected && all.every((el) => el.getAttribute('state') === 'ready')
            );
          },
          post.saved.kept.length,
          { timeout: 15_000 },
        );
        const count = await contracts.count();
        const listed = await contracts.evaluateAll((all) =>
          all.map((el) => /6012938475\d|35255618453762/.test(el.shadowRoot?.textContent ?? '')),
        );
        assert.equal(
          count,
          post.saved.kept.length,
          `${post.role.label} ${post.form}: one widget per saved form`,
        );
        assert.ok(
          listed.every(Boolean),
          `${post.role.label} ${post.form}: every widget lists contracts`,
        );
        results.push({
          role: post.role.label,
          saved: `${post.form}: ${post.saved.kept.join(', ')}`,
          hostile: post.saved.hostile.join(', ') || 'none',
          rendered: `${post.rendered} contracts widgets, 1 <anva-hub> (plugin)`,
          saw: `${count} × contracts ready with Jan's policies`,
        });
      }
      await watched.assertClean(page);
      assert.deepEqual(attacker.seen, [], 'the attacker got no request');
      assert.ok(tokenRequests.length > 0, 'the API was called with the token');
      for (const { url } of tokenRequests) {
        assert.ok(url.startsWith(`${hub.apiBase}/`), `a token only goes to the API, not ${url}`);
      }
      const tokens = [...watched.record.tokens];
      for (const { url } of watched.record.requests) {
        assert.ok(!tokens.some((token) => url.includes(token)), `no token in ${url}`);
      }
      await shot(page, 'published-page.png');
      await watched.close();
    });

    test('the block editor offers the widgets as blocks with their settings', async () => {
      const admin = await browser.newContext({ viewport: { width: 1400, height: 950 } });
      const page = await admin.newPage();
      const problems = [];
      page.on('pageerror', (error) => problems.push(String(error)));
      await logIn(page, wp, 'admin');
      await page.goto(wp.url('/wp-admin/post-new.php'));
      // The editor's welcome guide opens on first use.
      await page.getByRole('button', { name: 'Close dialog' }).click();
      await page.getByRole('button', { name: 'Toggle block inserter' }).click();
      await page.getByPlaceholder('Search').fill('ANVA');
      const offered = page.locator('.block-editor-block-types-list__item');
      await offered.first().waitFor();
      const names = await offered.allInnerTexts();
      for (const name of [
        'ANVA sign-in',
        'ANVA contracts',
        'ANVA contract details',
        'ANVA account',
      ]) {
        assert.ok(
          names.some((text) => text.includes(name)),
          `${name} in the inserter: ${names}`,
        );
      }
      await shot(page, 'block-inserter.png');
      await offered.filter({ hasText: 'ANVA contracts' }).click();
      const preview = page.locator('.anva-widgets-preview');
      await preview.waitFor();
      // The inserter stays open over the sidebar: close it, open the block's settings.
      await page.getByRole('button', { name: 'Toggle block inserter' }).click();
      const sidebar = page.getByRole('button', { name: 'Settings', exact: true });
      if ((await sidebar.getAttribute('aria-pressed')) !== 'true') await sidebar.click();
      await page
        .getByRole('button', { name: /^Block/ })
        .first()
        .click();
      await page.getByLabel('Contract page').fill('/polis/?contract={id}');
      await page.getByRole('checkbox', { name: 'Provider' }).uncheck();
      await page.getByLabel('Language').selectOption('en');
      await page.getByLabel('Form of address').selectOption('informal');
      assert.deepEqual(await page.getByLabel('Form of address').locator('option').allInnerTexts(), [
        'As set for the site',
        'Formal (u)',
        'Informal (je)',
      ]);
      await preview.getByText('Contract page: /polis/?contract={id}').waitFor();
      await shot(page, 'block-settings.png');
      assert.deepEqual(problems, [], 'no script errors in the editor');
      await admin.close();
    });
  },
);
