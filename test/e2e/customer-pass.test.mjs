/**
 * The demo as each seeded customer sees it, in Dutch at 1366 px: no English word in the
 * widgets, no word broken inside itself, running policies first, rows named by what they are,
 * one *Inloggen* on the page, no layout shift, and focus on the list after paging.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { CUSTOMERS, openContext, signIn, useStack, WAIT } from './harness.mjs';
import { CHROMIUM_ONLY, launchEngine } from './engines.mjs';

/** Words only the English catalogue has: none of them may show on a Dutch page. */
let englishOnly;
const e2e = useStack(
  {},
  {
    launch: launchEngine,
    setup: async () => {
      const [en, nl] = await Promise.all([catalogueWords('en'), catalogueWords('nl')]);
      englishOnly = new Set([...en].filter((word) => !nl.has(word)));
    },
  },
);
const FATIMA_PASSWORD = 'Nieuw-Wachtwoord-2026';
const DESKTOP = { width: 1366, height: 800 };

/** The catalogues' words of four letters or more, per language, read from their sources. */
async function catalogueWords(lang) {
  const source = await readFile(new URL(`../../src/i18n/${lang}.ts`, import.meta.url), 'utf8');
  const literals = source.match(/'(?:[^'\\]|\\.)*'|`[^`]*`/g) ?? [];
  const words =
    literals
      .join(' ')
      .replace(/\$\{[^}]*\}/g, ' ')
      .match(/\p{L}{4,}/gu) ?? [];
  return new Set(words.map((word) => word.toLowerCase()));
}

/** Running (0), future (1), ended (2), by the Dutch status word a row shows. */
const STATUS_RANKS = {
  Lopend: 0,
  Opgeschort: 0,
  Premievrij: 0,
  Toekomstig: 1,
  Verlopen: 2,
  Beëindigd: 2,
};

/** Every widget's visible text, shadow roots included. */
function widgetTexts(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('anva-login, anva-contracts, anva-contract-detail, anva-account')]
      .map((el) => el.shadowRoot?.textContent ?? '')
      .join(' '),
  );
}

function assertDutch(text, where) {
  const found = [...new Set(text.match(/\p{L}{4,}/gu) ?? [])].filter((word) =>
    englishOnly.has(word.toLowerCase()),
  );
  assert.deepEqual(found, [], `English words on ${where}`);
}

/** Words in the widgets' cells and values that take more than one line box. */
function brokenWords(page) {
  return page.evaluate(() => {
    const broken = [];
    const roots = [...document.querySelectorAll('anva-contracts, anva-contract-detail')]
      .map((el) => el.shadowRoot)
      .filter(Boolean);
    for (const root of roots) {
      for (const cell of root.querySelectorAll('td, dd, th, dt')) {
        const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          for (const match of node.data.matchAll(/\S+/g)) {
            const range = document.createRange();
            range.setStart(node, match.index);
            range.setEnd(node, match.index + match[0].length);
            const lines = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top)));
            if (lines.size > 1) broken.push(match[0]);
          }
        }
      }
    }
    return broken;
  });
}

/** The list's rows as the customer reads them: status word and the row link's name. */
function rowsOf(page) {
  return page.evaluate(() => {
    const root = document.querySelector('anva-contracts').shadowRoot;
    return [...root.querySelectorAll('tbody tr[part~="row"]')].map((row) => ({
      status: row.querySelector('[part~="status"]')?.textContent.trim() ?? '',
      link: row
        .querySelector('[part~="link"], [part~="choose"]')
        ?.textContent.replace(/\s+/g, ' ')
        .trim(),
    }));
  });
}

/** Layout shifts without recent input, summed, from the page's first paint on. */
function recordShifts() {
  window.__shifts = [];
  const named = (node) => {
    const host = node?.getRootNode()?.host;
    const name = node?.nodeType === 1 ? node.localName : '#text';
    return host ? `${host.localName} > ${name}` : name;
  };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.hadRecentInput) continue;
      const moved = entry.sources.map(
        ({ node, previousRect, currentRect }) =>
          `${named(node)} ${Math.round(previousRect.y)}→${Math.round(currentRect.y)}`,
      );
      window.__shifts.push({ value: entry.value, moved: moved.join(', ') });
    }
  }).observe({ type: 'layout-shift', buffered: true });
}

/** The page's layout shift so far, and what moved. */
async function assertNoShift(page, where) {
  const shifts = await page.evaluate(() => window.__shifts);
  const total = shifts.reduce((sum, shift) => sum + shift.value, 0);
  assert.equal(total, 0, `layout shift on ${where}: ${shifts.map((s) => s.moved).join(' | ')}`);
}

async function settled(page, selector) {
  await page
    .locator(`${selector}[state="ready"], ${selector}[state="empty"]`)
    .first()
    .waitFor({ timeout: WAIT.longStep });
  // Two frames: whatever the last state change moves has been laid out and measured.
  await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
  );
}

async function activateFatima(page) {
  const fatima = e2e.stack.hub.demoLogins.find((login) => login.email === CUSTOMERS.fatima.email);
  await page.goto(fatima.activationUrl);
  await page.getByLabel('Nieuw wachtwoord').fill(FATIMA_PASSWORD);
  await page.getByLabel('Herhaal wachtwoord').fill(FATIMA_PASSWORD);
  await page.getByRole('button', { name: 'Account activeren' }).click();
  await page.getByText('Uw account is geactiveerd').waitFor();
  return { email: fatima.email, password: FATIMA_PASSWORD };
}

for (const name of ['jan', 'sanne', 'kees', 'pieter', 'fatima']) {
  test(
    `${name}: Dutch words, whole words, running first, one Inloggen, no shift`,
    CHROMIUM_ONLY,
    async () => {
      const ctx = await openContext(e2e.browser, e2e.stack);
      const page = await ctx.newPage();
      await page.setViewportSize(DESKTOP);
      await page.addInitScript(recordShifts);
      const customer = name === 'fatima' ? await activateFatima(page) : CUSTOMERS[name];

      await page.goto(e2e.stack.url('/mijn-verzekeringen.html'));
      await page.locator('anva-contracts[state="signed-out"]').waitFor();
      assert.equal(
        await page.getByRole('button', { name: 'Inloggen', exact: true }).count(),
        1,
        'one Inloggen button on the page',
      );
      assertDutch(await widgetTexts(page), 'the signed-out page');

      await signIn(page, e2e.stack, customer);
      await settled(page, 'anva-contracts');
      await assertNoShift(page, 'the contracts page after sign-in');
      assertDutch(await widgetTexts(page), 'the contracts page');
      assert.deepEqual(await brokenWords(page), [], 'words broken across lines in the list');

      const rows = await rowsOf(page);
      const ranks = rows.map(({ status }) => STATUS_RANKS[status] ?? 3);
      assert.deepEqual(
        ranks,
        [...ranks].sort((a, b) => a - b),
        `running first: ${rows.map((r) => r.status)}`,
      );
      for (const { link, status } of rows) {
        assert.match(link, /Polisnummer \S+/, `the row link names the number: ${link}`);
        if (status) assert.ok(link.endsWith(status), `the row link names the status: ${link}`);
      }

      if (rows.length) {
        await page.locator('anva-contracts').locator('[part~="link"]').first().click();
        await page.waitForURL(/\/polis\.html\?contract=/);
        await settled(page, 'anva-contract-detail');
        await assertNoShift(page, 'the policy page');
        assertDutch(await widgetTexts(page), 'the policy page');
        assert.deepEqual(await brokenWords(page), [], 'words broken across lines in the policy');
      }

      await page.goto(e2e.stack.url('/mijn-gegevens.html'));
      await settled(page, 'anva-account');
      assertDutch(await widgetTexts(page), 'the account page');
      await ctx.assertClean(page);
      await ctx.close();
    },
  );
}

test('after Volgende the list is in view and focused', CHROMIUM_ONLY, async () => {
  const ctx = await openContext(e2e.browser, e2e.stack);
  const page = await ctx.newPage();
  await page.setViewportSize(DESKTOP);
  await page.goto(e2e.stack.url('/mijn-verzekeringen.html'));
  await signIn(page, e2e.stack, CUSTOMERS.kees);
  await settled(page, 'anva-contracts');
  const contracts = page.locator('anva-contracts');
  await contracts.getByRole('button', { name: 'Volgende' }).click();
  await contracts
    .getByText(/pagina 2 van/)
    .first()
    .waitFor({ state: 'attached' });
  const where = await page.evaluate(() => {
    const host = document.querySelector('anva-contracts');
    const focused = host.shadowRoot.activeElement;
    const top = host.getBoundingClientRect().top;
    return { focused: focused?.localName, top, height: innerHeight };
  });
  assert.ok(where.focused, 'focus is inside the list');
  assert.ok(where.top >= -1 && where.top < where.height, `the list's top is in view: ${where.top}`);
  await ctx.assertClean(page);
  await ctx.close();
});
