/**
 * Screenshots of every demo page in Chromium, at desktop (1280) and phone (390) width, with a
 * demo customer signed in, into `screenshots/`. Starts its own Hub and site on free ports.
 */
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { CUSTOMERS, launchBrowser, openContext, signIn, startStack } from '../test/e2e/harness.mjs';

const outDir = fileURLToPath(new URL('../screenshots/', import.meta.url));

const WIDTHS = { desktop: { width: 1280, height: 900 }, phone: { width: 390, height: 844 } };

/** [file name, path, customer]: every page once, the two-organisation page as Sanne. */
const PAGES = [
  ['home', '/index.html', 'jan'],
  ['mijn-verzekeringen', '/mijn-verzekeringen.html', 'jan'],
  ['polis', '/polis.html?contract=48213001', 'jan'],
  ['mijn-gegevens', '/mijn-gegevens.html', 'jan'],
  ['two-orgs', '/two-orgs.html', 'sanne'],
  ['snippet', '/snippet.html', 'jan'],
  ['react', '/react/index.html', 'jan'],
  ['hostile-csp', '/hostile/csp.html', 'jan'],
  ['hostile-csp-nonce', '/hostile/csp-nonce.html', 'jan'],
  ['hostile-wordpress', '/hostile/wordpress.html', 'jan'],
  ['hostile-twice', '/hostile/twice.html', 'jan'],
  ['hostile-host-code', '/hostile/host-code.html?code=abc&state=xyz', 'jan'],
  ['hostile-styles', '/hostile/styles.html', 'jan'],
];

/** Waits until no widget on the page is still initialising or loading; warns when one never settles. */
async function settled(page) {
  const done = await page
    .waitForFunction(
      () =>
        [...document.querySelectorAll('anva-contracts, anva-contract-detail, anva-account')].every(
          (el) => ['ready', 'empty', 'error', 'signed-out'].includes(el.getAttribute('state')),
        ),
      undefined,
      { timeout: 15_000 },
    )
    .then(
      () => true,
      () => false,
    );
  if (!done) console.warn(`warning: widgets on ${page.url()} did not settle`);
  await page.evaluate(() => document.fonts.ready);
}

const stack = await startStack();
const browser = await launchBrowser();
await mkdir(outDir, { recursive: true });
const taken = [];
try {
  const anonymous = await openContext(browser, stack);
  const first = await anonymous.newPage();
  for (const [name, size] of Object.entries(WIDTHS)) {
    await first.setViewportSize(size);
    await first.goto(stack.url('/index.html'));
    await settled(first);
    await first.screenshot({ path: `${outDir}home-signed-out-${name}.png`, fullPage: true });
    taken.push(`home-signed-out-${name}.png`);
  }
  await anonymous.close();

  const contexts = {};
  for (const customer of new Set(PAGES.map(([, , who]) => who))) {
    const ctx = await openContext(browser, stack);
    const page = await ctx.newPage();
    await page.goto(stack.url('/index.html'));
    await signIn(page, stack, CUSTOMERS[customer]);
    contexts[customer] = { ctx, page };
  }
  for (const [file, path, who] of PAGES) {
    const { page } = contexts[who];
    for (const [name, size] of Object.entries(WIDTHS)) {
      await page.setViewportSize(size);
      await page.goto(stack.url(path));
      await settled(page);
      await page.screenshot({ path: `${outDir}${file}-${name}.png`, fullPage: true });
      taken.push(`${file}-${name}.png`);
    }
  }
  await Promise.all(Object.values(contexts).map(({ ctx }) => ctx.close()));
} finally {
  await browser.close();
  await stack.close();
}
console.log(`${taken.length} screenshots in screenshots/:\n  ${taken.join('\n  ')}`);
