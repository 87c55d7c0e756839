import { expect, html, waitUntil } from '@open-wc/testing';
import { anva } from '../../core/registry.js';
import { fakeHubInfo, useFakeHub, useSignedInHub } from '../../../test/browser/support/fake-hub.js';
import { fixtureUntil, textOf, until } from '../../../test/browser/support/dom.js';
import { expectNoScriptRan } from '../../../test/browser/support/hostile.js';
import type { AnvaAccount } from './account.component.js';
import './account.js';

/** The texts of a part, without what is hidden from screen readers (initials). */
const items = (el: AnvaAccount, part: string) =>
  [...el.shadowRoot!.querySelectorAll(`[part~="${part}"]`)].map((li) => {
    const copy = li.cloneNode(true) as Element;
    copy.querySelectorAll('[aria-hidden="true"]').forEach((hidden) => hidden.remove());
    return copy.textContent!.replace(/\s+/g, ' ').trim();
  });
const initials = (el: AnvaAccount) =>
  [...el.shadowRoot!.querySelectorAll('.initials')].map((span) => span.textContent!.trim());

describe('<anva-account>', () => {
  it('is signed out with an explanation and Inloggen', async () => {
    await useFakeHub();
    const el = await fixtureUntil<AnvaAccount>(html`<anva-account></anva-account>`, 'signed-out');
    expect(textOf(el)).to.equal('Log in om uw gegevens te bekijken. Inloggen');
    await expect(el).to.be.accessible();
    el.setAttribute('tone', 'informal');
    await waitUntil(() => textOf(el) === 'Log in om je gegevens te bekijken. Inloggen');
    el.setAttribute('lang', 'en');
    await waitUntil(() => textOf(el) === 'Sign in to see your details. Sign in');
    await expect(el).to.be.accessible();
  });

  it('shows a skeleton while loading', async () => {
    await useSignedInHub({ endpoints: { permissions: { delayMs: 400 } } });
    const el = await fixtureUntil<AnvaAccount>(html`<anva-account></anva-account>`, 'loading');
    expect(el.shadowRoot!.querySelector('[part~="skeleton"]')).not.to.equal(null);
    await expect(el).to.be.accessible();
    await until(el, 'ready');
  });

  it('shows name, e-mail, organisations and permissions in words', async () => {
    await useSignedInHub();
    const el = await fixtureUntil<AnvaAccount>(html`<anva-account></anva-account>`, 'ready');
    const values = items(el, 'value');
    expect(values).to.deep.equal(['Anna de Vries', 'anna@example.nl']);
    expect(items(el, 'organization')).to.deep.equal(['Van den Berg Assurantiën', 'Zeker & Zo']);
    // Several brokers: the heading says so; icons without an image are initials.
    expect(textOf(el)).to.contain('Uw adviseurs');
    expect(initials(el)).to.deep.equal(['VD', 'ZZ']);
    // `contracts.read` is something a widget here does; `{ name: 'account' }` is a code alone: not shown.
    expect(items(el, 'permission')).to.deep.equal(['Uw verzekeringen bekijken']);
    await expect(el).to.be.accessible();
  });

  it('renders an organisation icon only from an http(s) URL, anything else as text', async () => {
    // Icons load only from the Hub's or the API's origin; the client drops others.
    const logo = `${(await fakeHubInfo()).origin}/assets/logo.svg`;
    await useSignedInHub({
      endpoints: {
        organizations: {
          items: [
            { id: 1, name: 'Met logo', icon: logo },
            { id: 2, name: 'Met teken', icon: '🛡️' },
            { id: 3, name: 'Kwaadaardig', icon: 'javascript:alert(1)' },
            { id: 4, name: '<img src=x onerror="window.__xss=1">', icon: null },
          ],
        },
        permissions: {
          items: [
            { code: 'claim.create', description: 'Schade melden' },
            { code: 'x.unknown', description: 'Iets nieuws' },
            'document.read',
            'raw.code',
          ],
        },
      },
    });
    const el = await fixtureUntil<AnvaAccount>(
      html`<anva-account lang="en"></anva-account>`,
      'ready',
    );
    const images = el.shadowRoot!.querySelectorAll('img');
    expect(images).to.have.length(1);
    expect(images[0]!.getAttribute('src')).to.equal(logo);
    expect(images[0]!.getAttribute('alt')).to.equal('');
    expect(items(el, 'organization')).to.deep.equal([
      'Met logo',
      'Met teken',
      'Kwaadaardig',
      '<img src=x onerror="window.__xss=1">',
    ]);
    // Text (an emoji), a script URL or no icon: the broker's initials instead.
    expect(initials(el)).to.deep.equal(['MT', 'K', 'SO']);
    await expectNoScriptRan();
    // No widget here reports claims or shows documents: the Hub's own words, or nothing.
    expect(items(el, 'permission')).to.deep.equal(['Schade melden', 'Iets nieuws']);
    expect(textOf(el)).to.contain('Your advisers');
    await expect(el).to.be.accessible();
  });

  it('says so when there are no permissions or organisations', async () => {
    await useSignedInHub({ customer: 'bert', endpoints: { organizations: { items: [] } } });
    const el = await fixtureUntil<AnvaAccount>(html`<anva-account></anva-account>`, 'ready');
    expect(items(el, 'value')).to.deep.equal(['bert@example.nl', 'bert@example.nl']);
    expect(textOf(el)).to.contain('Uw adviseur Geen');
    expect(textOf(el)).to.contain('Wat u hier kunt doen Geen');
    await expect(el).to.be.accessible();
  });

  it('is never empty: an answer without the account is a not-found error', async () => {
    await useSignedInHub({ endpoints: { account: { items: [] } } });
    const el = await fixtureUntil<AnvaAccount>(html`<anva-account></anva-account>`, 'error');
    expect(textOf(el)).to.contain('Deze gegevens zijn niet gevonden.');
    await expect(el).to.be.accessible();
  });

  it('shows an error and fires anva-error without tokens', async () => {
    await useSignedInHub({ endpoints: { account: { drop: true, times: 10 } } });
    let detail: unknown;
    document.addEventListener('anva-error', (e) => (detail = e.detail), { once: true });
    const el = await fixtureUntil<AnvaAccount>(html`<anva-account></anva-account>`, 'error');
    expect(textOf(el)).to.contain('Er is geen verbinding.');
    expect(textOf(el)).to.contain('Opnieuw proberen');
    expect(detail).to.include({ code: 'network', retryable: true });
    await expect(el).to.be.accessible();
  });

  it('explains a revoked access when the Hub withdrew it', async () => {
    const hub = await useSignedInHub();
    const el = await fixtureUntil<AnvaAccount>(html`<anva-account></anva-account>`, 'ready');
    await hub.scenario({ revoked: true });
    await hub.expireAccessTokens();
    anva().client.invalidate();
    await until(el, 'signed-out');
    expect(textOf(el)).to.contain('Uw toegang is ingetrokken.');
    await expect(el).to.be.accessible();
  });

  it('shows only the broker the page is configured for', async () => {
    await useSignedInHub({}, { settings: { organization: 'zekr' } });
    const el = await fixtureUntil<AnvaAccount>(html`<anva-account></anva-account>`, 'ready');
    expect(items(el, 'organization')).to.deep.equal(['Zeker & Zo']);
  });
});
