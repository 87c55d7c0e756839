/**
 * Screenshots of each widget on its own (element screenshots), wide and narrow, in Dutch, on
 * the demo site against the local Hub: signed out, signed in, on white and on a dark page.
 * Writes PNGs into `screenshots/widgets/`.
 */
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { CUSTOMERS, launchBrowser, openContext, signIn, startStack } from '../test/e2e/harness.mjs';

const outDir = fileURLToPath(new URL('../screenshots/widgets/', import.meta.url));
const SIZES = { wide: { width: 1366, height: 800 }, narrow: { width: 390, height: 844 } };

/** [file, page, widget selector, customer] */
const SHOTS = [
  ['login', '/index.html', 'anva-login', 'jan'],
  ['contracts', '/mijn-verzekeringen.html', 'anva-contracts', 'jan'],
  ['contracts-1000', '/mijn-verzekeringen.html', 'anva-contracts', 'kees'],
  ['contracts-empty', '/mijn-verzekeringen.html', 'anva-contracts', 'pieter'],
  ['contract-detail', '/polis.html?contract=48213001', 'anva-contract-detail', 'jan'],
  ['contract-detail-ended', '/polis.html?contract=48213007', 'anva-contract-detail', 'jan'],
  ['contract-detail-not-found', '/polis.html?contract=nope', 'anva-contract-detail', 'jan'],
  ['account', '/mijn-gegevens.html', 'anva-account', 'sanne'],
];

async function settled(page, selector) {
  await page
    .waitForFunction(
      (sel) =>
        ['ready', 'empty', 'error', 'signed-out'].includes(
          document.querySelector(sel)?.getAttribute('state'),
        ),
      selector,
      { timeout: 20_000 },
    )
    .catch(async (error) => {
      const states = await page.evaluate(() =>
        [...document.querySelectorAll('*')]
          .filter((el) => el.localName.startsWith('anva-'))
          .map((el) => `${el.localName}:${el.getAttribute('state')}`),
      );
      throw new Error(`${page.url()} ${selector} did not settle: ${states.join(' ')}`, {
        cause: error,
      });
    });
  await page.evaluate(() => document.fonts.ready);
}

/** A dark page: CSSOM changes are allowed under the demo's strict CSP. */
const darken = (page) =>
  page.evaluate(() => {
    for (const el of [
      document.documentElement,
      document.body,
      ...document.querySelectorAll('main, section, article, .card, .panel'),
    ]) {
      el.style.background = '#14161a';
      el.style.color = '#e8eaed';
    }
  });

const stack = await startStack();
const browser = await launchBrowser();
await mkdir(outDir, { recursive: true });
const taken = [];
async function shoot(page, selector, file) {
  await page
    .locator(selector)
    .first()
    .screenshot({ path: `${outDir}${file}.png` });
  taken.push(`${file}.png`);
}
try {
  const anonymous = await openContext(browser, stack);
  const first = await anonymous.newPage();
  for (const [size, viewport] of Object.entries(SIZES)) {
    await first.setViewportSize(viewport);
    await first.goto(stack.url('/mijn-verzekeringen.html'));
    await settled(first, 'anva-contracts');
    await shoot(first, 'anva-contracts', `contracts-signed-out-${size}`);
    await shoot(first, 'anva-login', `login-signed-out-${size}`);
  }
  await anonymous.close();

  const pages = {};
  for (const who of new Set(SHOTS.map(([, , , customer]) => customer))) {
    const ctx = await openContext(browser, stack);
    const page = await ctx.newPage();
    await page.goto(stack.url('/index.html'));
    await signIn(page, stack, CUSTOMERS[who]);
    pages[who] = { ctx, page };
  }
  for (const [file, path, selector, who] of SHOTS) {
    const { page } = pages[who];
    for (const [size, viewport] of Object.entries(SIZES)) {
      await page.setViewportSize(viewport);
      await page.goto(stack.url(path));
      await settled(page, selector);
      await shoot(page, selector, `${file}-${size}`);
      if (size === 'wide' && ['login', 'contracts', 'contract-detail', 'account'].includes(file)) {
        await darken(page);
        await shoot(page, selector, `${file}-dark`);
      }
    }
  }
  await Promise.all(Object.values(pages).map(({ ctx }) => ctx.close()));
} finally {
  await browser.close();
  await stack.close();
}
console.log(`${taken.length} screenshots in screenshots/widgets/:\n  ${taken.join('\n  ')}`);
