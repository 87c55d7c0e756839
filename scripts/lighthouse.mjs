/**
 * Lighthouse (desktop) on every demo page, signed out and signed in, in Debian's Chromium
 * against the local Hub: performance, accessibility, best practices, SEO and CLS per page.
 * `npm run lighthouse`; `--json` prints the results as JSON instead of a table.
 *
 * Signed in: one tab signs in and stays open; Lighthouse's own tab starts with empty
 * sessionStorage and gets the session from it, as a customer's second tab does.
 */
import lighthouse from 'lighthouse';
import desktop from 'lighthouse/core/config/desktop-config.js';
import puppeteer from 'puppeteer-core';
import { fileURLToPath } from 'node:url';
import { chromiumArgs } from './chromium.mjs';
import { executable } from './browsers.mjs';
import { CUSTOMERS, startStack } from '../test/e2e/harness.mjs';

export const PAGES = [
  '/index.html',
  '/mijn-verzekeringen.html',
  '/polis.html?contract=48213001',
  '/mijn-gegevens.html',
  '/two-orgs.html',
  '/snippet.html',
];
export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];

/** One page per website (OpenID client) of the demo: signed in there, signed in on its pages. */
export const SIGN_IN_PAGES = ['/index.html', '/two-orgs.html'];

/**
 * Signs Jan in on `path` in a new tab and returns the tab. The Hub asks for the password once
 * per browser and for consent once per website.
 */
export async function signIn(browser, stack, path = SIGN_IN_PAGES[0]) {
  const page = await browser.newPage();
  await page.goto(stack.url(path));
  // The button works once the session has been read: until then it is only held in place.
  await page.waitForSelector('anva-login[state="signed-out"]');
  await Promise.all([page.waitForNavigation(), page.locator('anva-login >>> button').click()]);
  if (await page.$('input[type=email]')) {
    await page.type('input[type=email]', CUSTOMERS.jan.email);
    await page.type('input[type=password]', CUSTOMERS.jan.password);
    await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
  }
  if (new URL(page.url()).origin !== new URL(stack.site.url).origin) {
    const consent = await page.waitForSelector('button[value=allow], form button', {
      timeout: 5000,
    });
    await Promise.all([page.waitForNavigation(), consent.click()]);
  }
  await page.waitForFunction(
    () => document.querySelector('anva-login')?.shadowRoot?.textContent.includes('Uitloggen'),
    { timeout: 15_000 },
  );
  return page;
}

/** Scores (0–100) and CLS per page and state; `audits` adds single audits to `categories`. */
export async function audit({
  categories = CATEGORIES,
  audits = [],
  pages = PAGES,
  states = ['signed out', 'signed in'],
} = {}) {
  const stack = await startStack();
  const browser = await puppeteer.launch({
    executablePath: executable('chromium', 'chromium'),
    headless: true,
    args: [...chromiumArgs, '--remote-debugging-port=0'],
  });
  const port = Number(new URL(browser.wsEndpoint()).port);
  const results = [];
  try {
    for (const state of states) {
      const keepers = [];
      if (state === 'signed in') {
        for (const path of SIGN_IN_PAGES) keepers.push(await signIn(browser, stack, path));
      }
      for (const path of pages) {
        const { lhr } = await lighthouse(
          stack.url(path),
          {
            port,
            output: 'json',
            logLevel: 'error',
            onlyCategories: categories,
            // Audits beyond the categories, such as CLS without the rest of performance.
            ...(audits.length ? { onlyAudits: audits } : {}),
            disableStorageReset: true,
          },
          desktop,
        );
        const scores = Object.fromEntries(
          categories.map((id) => [id, Math.round((lhr.categories[id]?.score ?? 0) * 100)]),
        );
        const failing = Object.values(lhr.audits)
          .filter(
            (a) =>
              a.score !== null &&
              a.score < 1 &&
              a.scoreDisplayMode !== 'informative' &&
              a.scoreDisplayMode !== 'manual' &&
              a.scoreDisplayMode !== 'notApplicable',
          )
          .map((a) => a.id);
        results.push({
          path,
          state,
          ...scores,
          cls: lhr.audits['cumulative-layout-shift']?.numericValue,
          failing,
        });
      }
      for (const keeper of keepers) await keeper.close();
    }
  } finally {
    await browser.close();
    await stack.close();
  }
  return results;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const results = await audit();
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify(results, null, 2));
  } else {
    console.log('| page | state | perf | a11y | best practices | SEO | CLS | below 1 |');
    console.log('|---|---|---|---|---|---|---|---|');
    for (const r of results) {
      console.log(
        `| ${r.path} | ${r.state} | ${r.performance} | ${r.accessibility} | ${r['best-practices']} | ${r.seo} | ${r.cls?.toFixed(3)} | ${r.failing.join(', ')} |`,
      );
    }
  }
}
