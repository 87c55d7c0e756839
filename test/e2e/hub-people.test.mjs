/**
 * The Hub's people in Chromium: a broker adds an account in the desk, the invitation lands
 * in the outbox, the customer activates, consents and sees the contracts in a widget; the
 * broker sends new links (older ones are refused) and revokes access (the open widget signs
 * out). Every Hub page on the way is checked with axe at desktop and phone width; with
 * HUB_SHOTS=<folder> each is also saved as a screenshot.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { eventsSince, openContext, signIn, useStack, waitForState } from './harness.mjs';

const ANNE = { username: 'anne@verzekeringendevries.nl', password: 'Beheer-DeVries-1' };
const BRAM = { username: 'bram@verzekeringendevries.nl', password: 'Beheer-DeVries-2' };
const HENK = { username: 'henk@hoekstra-assurantien.nl', password: 'Beheer-Hoekstra-1' };
const LOTTE_PASSWORD = 'Lotte-Mulder-2026';
const WIDTHS = { desktop: 1366, phone: 390 };
const SHOTS = process.env.HUB_SHOTS;
// Dead links answer 404 and a revoked account's API calls 401: the browser logs both.
const HTTP_ERRORS = [/Failed to load resource/];

let axeSource;
let hubOrigin;
const timings = {};
const e2e = useStack(
  {},
  {
    setup: async ({ stack }) => {
      // axe-core comes with @open-wc/testing (chai-a11y-axe).
      const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
      axeSource = await readFile(axePath, 'utf8');
      hubOrigin = new URL(stack.hub.issuer).origin;
      if (SHOTS) await mkdir(SHOTS, { recursive: true });
    },
  },
);

after(async () => {
  if (Object.keys(timings).length)
    console.log(`hub-people timings (ms): ${JSON.stringify(timings)}`);
});

/** axe (WCAG 2.2 A/AA) at both widths, and screenshots when asked; restores the desktop size. */
async function checkPage(page, name) {
  for (const [label, width] of Object.entries(WIDTHS)) {
    await page.setViewportSize({ width, height: label === 'phone' ? 844 : 900 });
    // evaluate is not subject to the page's CSP, which (rightly) refuses injected scripts.
    await page.evaluate(axeSource);
    const result = await page.evaluate(() =>
      window.axe.run(document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
      }),
    );
    const violations = result.violations.map(
      (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );
    assert.deepEqual(violations, [], `axe on ${name} at ${width}px`);
    const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(pageWidth <= width, `${name} fits ${width}px (${pageWidth}px wide)`);
    if (SHOTS) await page.screenshot({ path: join(SHOTS, `${name}-${label}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: WIDTHS.desktop, height: 900 });
}

async function staffSignIn(page, { username, password }) {
  await page.goto(`${hubOrigin}/beheer`);
  await page.getByLabel('Gebruikersnaam (e-mailadres)').fill(username);
  await page.getByLabel('Wachtwoord').fill(password);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.getByRole('heading', { name: 'Relaties', level: 1 }).waitFor();
}

/** Opens the newest outbox e-mail with this subject in the console; returns its first link. */
async function linkFromOutbox(page, subject) {
  await page
    .getByRole('navigation', { name: 'Beheer' })
    .getByRole('link', { name: 'Verzonden e-mails' })
    .click();
  await page.getByRole('heading', { name: 'Verzonden e-mails' }).waitFor();
  await page.getByRole('link', { name: subject }).first().click();
  return page.locator('.mail-body a').first().getAttribute('href');
}

const lotteLinks = [];

test('a broker adds an account; the customer activates, consents and sees the contracts', async () => {
  const started = Date.now();
  const broker = await openContext(e2e.browser, e2e.stack, { allowConsole: HTTP_ERRORS });
  const desk = await broker.newPage();
  await desk.goto(`${hubOrigin}/beheer`);
  await checkPage(desk, 'console-sign-in');
  await staffSignIn(desk, ANNE);
  await checkPage(desk, 'console-contacts');

  await desk.getByRole('searchbox', { name: 'Zoek een relatie' }).fill('Mulder');
  await desk.getByRole('button', { name: 'Zoeken' }).click();
  await desk.getByText('1 relatie voor "Mulder"').waitFor();
  await checkPage(desk, 'console-search');
  await desk.getByRole('link', { name: 'Lotte Mulder' }).click();
  await desk.getByRole('heading', { name: 'R-100623 – Lotte Mulder' }).waitFor();
  const rows = await desk.locator('.main-col tbody tr').count();
  assert.ok(rows >= 2, `contracts table (${rows} rows)`);
  await checkPage(desk, 'console-contact-no-account');

  await desk.getByRole('link', { name: 'Account toevoegen' }).click();
  const dialog = desk.getByRole('dialog', { name: /Account toevoegen/ });
  const email = dialog.getByLabel('E-mailadres');
  assert.equal(
    await email.inputValue(),
    'lotte.mulder@voorbeeld.nl',
    'pre-filled from the contact',
  );
  assert.equal(
    await desk.evaluate(() => document.activeElement?.id),
    'email',
    'focus in the dialog',
  );
  await checkPage(desk, 'console-add-account-dialog');
  await email.fill('lotte@voorbeeld.nl');
  await dialog.getByRole('button', { name: 'Opslaan' }).click();
  await desk.getByRole('status').filter({ hasText: 'Account toegevoegd' }).waitFor();
  assert.equal(await desk.getByRole('link', { name: 'Account toevoegen' }).count(), 0);
  assert.equal(await desk.locator('.username').textContent(), 'lotte@voorbeeld.nl');
  await checkPage(desk, 'console-contact-account');

  const invitation = await linkFromOutbox(desk, 'Activeer uw account bij Verzekeringen De Vries');
  assert.match(invitation, /\/identity\/activate\/[\w-]+$/);
  lotteLinks.push(invitation);
  await checkPage(desk, 'console-mail');
  await desk.getByRole('link', { name: 'Naar de verzonden e-mails' }).click();
  await checkPage(desk, 'console-outbox');
  timings.brokerAddsAccount = Date.now() - started;

  const customerStarted = Date.now();
  const customer = await openContext(e2e.browser, e2e.stack, { allowConsole: HTTP_ERRORS });
  const page = await customer.newPage();
  await page.goto(invitation);
  await page.getByRole('heading', { name: 'Account activeren' }).waitFor();
  await checkPage(page, 'customer-activate');
  await page.getByLabel('Nieuw wachtwoord').fill(LOTTE_PASSWORD);
  const reveal = page.getByRole('button', { name: 'Wachtwoord tonen' }).first();
  await reveal.press('Enter');
  assert.equal(await page.getByLabel('Nieuw wachtwoord').getAttribute('type'), 'text');
  assert.equal(await reveal.getAttribute('aria-pressed'), 'true');
  await page.getByLabel('Herhaal wachtwoord').fill(LOTTE_PASSWORD);
  await page.getByRole('button', { name: 'Account activeren' }).click();
  await page.getByRole('heading', { name: 'Uw account is geactiveerd' }).waitFor();
  await checkPage(page, 'customer-activated');

  await page.getByRole('link', { name: 'Inloggen bij Verzekeringen De Vries' }).click();
  await page.waitForURL((url) => url.href.startsWith(e2e.stack.url('/mijn-verzekeringen.html')));
  await signIn(
    page,
    e2e.stack,
    { email: 'lotte@voorbeeld.nl', password: LOTTE_PASSWORD },
    { expectConsent: true },
  );
  await waitForState(page, 'anva-contracts', 'ready');
  const shown = await page.locator('anva-contracts').evaluate((el) => el.shadowRoot.textContent);
  assert.match(shown, /\d/, 'contracts are shown');
  timings.customerActivatesAndSeesContracts = Date.now() - customerStarted;
  await customer.assertClean(page);

  // The broker sends a new link twice: only the newest works, the older ones are refused.
  const linkStarted = Date.now();
  for (let i = 0; i < 2; i += 1) {
    await desk.goto(`${hubOrigin}/beheer/relaties/R-100623`);
    await desk.getByRole('button', { name: 'Nieuwe activatielink' }).click();
    await desk.getByRole('status').filter({ hasText: 'Nieuwe link verstuurd' }).waitFor();
    lotteLinks.push(await linkFromOutbox(desk, 'Kies een nieuw wachtwoord'));
  }
  const other = await customer.newPage();
  await other.goto(lotteLinks[2]);
  await other.getByRole('heading', { name: 'Kies een nieuw wachtwoord' }).waitFor();
  await other.goto(lotteLinks[1]);
  await other.getByText('Er is een nieuwere link verstuurd').waitFor();
  await checkPage(other, 'customer-link-replaced');
  await other.goto(lotteLinks[0]);
  await other.getByText('Deze link is al gebruikt').waitFor();
  assert.ok(
    await other.getByRole('link', { name: 'Inloggen bij Verzekeringen De Vries' }).isVisible(),
  );
  await checkPage(other, 'customer-link-used');
  await other.close();
  timings.newLinkOldRefused = Date.now() - linkStarted;

  // Revoking: the widget still open on the customer's page signs out at its next request.
  const revokeStarted = Date.now();
  const mark = customer.record.events.length;
  await desk.goto(`${hubOrigin}/beheer/relaties/R-100623`);
  await desk.getByRole('button', { name: 'Toegang intrekken' }).click();
  await desk.getByRole('status').filter({ hasText: 'is ingetrokken' }).waitFor();
  await checkPage(desk, 'console-contact-revoked');
  await page.evaluate(async () => {
    const { anva } = await import('/anva-widgets.js');
    anva().client.invalidate();
  });
  await waitForState(page, 'anva-contracts', 'signed-out');
  const signedOut = eventsSince(customer.record, mark).filter((e) => e.type === 'anva-signed-out');
  assert.deepEqual(
    signedOut.map((e) => e.detail.reason),
    ['revoked'],
  );
  timings.revokeSignsOut = Date.now() - revokeStarted;
  await desk.goto(`${hubOrigin}/beheer/e-mails`);
  await desk
    .getByRole('link', {
      name: 'Uw toegang tot de website van Verzekeringen De Vries is stopgezet',
    })
    .waitFor();
  await customer.assertClean(page);
  await broker.assertClean(desk);
  await customer.close();
  await broker.close();
});

test('every other Hub page: branded sign-in, consent, forgotten password, console extras', async () => {
  const ctx = await openContext(e2e.browser, e2e.stack, { allowConsole: HTTP_ERRORS });
  const page = await ctx.newPage();
  await page.goto(e2e.stack.url('/mijn-verzekeringen.html'));
  await page
    .locator('anva-login')
    .first()
    .getByRole('button', { name: /inloggen/i })
    .click();
  await page.waitForURL((url) => url.origin === hubOrigin);
  await page.getByRole('heading', { name: 'Inloggen' }).waitFor();
  assert.match(await page.locator('.brand').textContent(), /Verzekeringen De Vries\s+via ANVA Hub/);
  await checkPage(page, 'customer-login');

  await page.getByRole('link', { name: 'Wachtwoord vergeten?' }).click();
  await checkPage(page, 'customer-forgot');
  await page.getByLabel('E-mailadres').fill('pieter@voorbeeld.nl');
  await page.getByRole('button', { name: 'Link versturen' }).click();
  await page.getByRole('heading', { name: 'Kijk in uw e-mail' }).waitFor();
  await checkPage(page, 'customer-forgot-sent');
  await page.getByRole('link', { name: 'Terug naar inloggen' }).click();

  await page.getByLabel('E-mailadres').fill('jan@voorbeeld.nl');
  await page.getByLabel(/^Wachtwoord$/).fill('fout');
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.getByRole('alert').waitFor();
  await checkPage(page, 'customer-login-error');
  await page.getByLabel(/^Wachtwoord$/).fill('Welkom03!');
  await page.getByLabel('E-mailadres').fill('pieter@voorbeeld.nl');
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.getByRole('heading', { name: 'Toestemming geven' }).waitFor();
  const consent = await page.locator('main').textContent();
  assert.match(
    consent,
    /de website van Verzekeringen De Vries \(http:\/\/127\.0\.0\.1:\d+\) het volgende inzien/,
  );
  assert.match(consent, /Intrekken kan altijd: vraag het Verzekeringen De Vries/);
  await checkPage(page, 'customer-consent');

  await page.goto(`${e2e.stack.hub.issuer}/activate/onbekende-link-123`);
  await checkPage(page, 'customer-link-unknown');

  const english = await ctx.context.newPage();
  await english.goto(`${e2e.stack.hub.issuer}/activate/onbekende-link-123?ui_locales=en`);
  await english.getByRole('heading', { name: 'This link no longer works' }).waitFor();
  await checkPage(english, 'customer-link-unknown-en');
  await english.close();

  const bram = await ctx.context.newPage();
  await staffSignIn(bram, BRAM);
  await bram.getByRole('link', { name: 'Activiteit' }).click();
  await bram.getByRole('heading', { name: 'Activiteit' }).waitFor();
  await checkPage(bram, 'console-activity');
  await bram.goto(`${hubOrigin}/beheer/relaties/R-100999`);
  await checkPage(bram, 'console-contact-many-contracts');
  await bram.goto(`${hubOrigin}/beheer/relaties/H-5601`);
  await bram.getByRole('heading', { name: 'Niet gevonden' }).waitFor();
  await checkPage(bram, 'console-not-found');

  // Pieter's reset link (asked for above), and the link of Lotte, whose access is revoked.
  const reset = await linkFromOutbox(bram, 'Kies een nieuw wachtwoord');
  assert.match(reset, /\/identity\/reset\/[\w-]+$/);
  await page.goto(reset);
  await page.getByRole('heading', { name: 'Kies een nieuw wachtwoord' }).waitFor();
  await checkPage(page, 'customer-reset');
  await page.goto(lotteLinks.at(-1));
  await page.getByText('Uw toegang is stopgezet door Verzekeringen De Vries').waitFor();
  await checkPage(page, 'customer-link-revoked');

  // A Hoekstra contact without e-mail: the dialog refuses an address that is not one.
  const hoekstra = await openContext(e2e.browser, e2e.stack, { allowConsole: HTTP_ERRORS });
  const henk = await hoekstra.newPage();
  await staffSignIn(henk, HENK);
  await henk.goto(`${hubOrigin}/beheer/relaties/H-5601/account-toevoegen`);
  const dialog = henk.getByRole('dialog', { name: /Account toevoegen/ });
  assert.equal(await dialog.getByLabel('E-mailadres').inputValue(), '');
  await dialog.getByLabel('E-mailadres').fill('ahmed@voorbeeld');
  await dialog.getByRole('button', { name: 'Opslaan' }).click();
  await dialog.getByRole('alert').waitFor();
  await checkPage(henk, 'console-add-account-error');
  await henk.goto(`${hubOrigin}/beheer/relaties?ui_locales=en`);
  await henk.getByRole('heading', { name: 'Contacts' }).waitFor();
  await checkPage(henk, 'console-contacts-en');
  await henk.goto(`${hubOrigin}/beheer/activiteit`);
  await henk.getByRole('heading', { name: 'Geen toegang' }).waitFor();
  await checkPage(henk, 'console-forbidden');
  await hoekstra.assertClean(henk);
  await hoekstra.close();

  // Fatima's first login with her temporary password asks for a password of her own.
  const fatima = await openContext(e2e.browser, e2e.stack, { allowConsole: HTTP_ERRORS });
  const first = await fatima.newPage();
  await first.goto(e2e.stack.url('/mijn-verzekeringen.html'));
  await first
    .locator('anva-login')
    .first()
    .getByRole('button', { name: /inloggen/i })
    .click();
  await first.getByLabel('E-mailadres').fill('fatima@voorbeeld.nl');
  await first.getByLabel(/^Wachtwoord$/).fill('Tijdelijk-4821');
  await first.getByRole('button', { name: 'Inloggen' }).click();
  await first.getByRole('heading', { name: 'Kies een nieuw wachtwoord' }).waitFor();
  await checkPage(first, 'customer-temporary-password');
  await fatima.assertClean(first);
  await fatima.close();
  await ctx.assertClean(page);
  await ctx.close();
});
