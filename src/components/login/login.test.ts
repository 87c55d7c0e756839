import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { anva } from '../../core/registry.js';
import {
  followHubRedirect,
  returnFromHub,
  useFakeHub,
  useSignedInHub,
  waitForStatus,
  withHubElement,
} from '../../../test/browser/support/fake-hub.js';
import { fixtureUntil, focused, tabTo, textOf, until } from '../../../test/browser/support/dom.js';
import type { AnvaLogin } from './login.component.js';
import '../hub/hub.js';
import './login.js';

const inFixture = (el: HTMLElement) => el.querySelector('anva-login')!;

describe('<anva-login>', () => {
  it('offers Inloggen when signed out, and never a password field', async () => {
    await useFakeHub();
    const el = await fixtureUntil<AnvaLogin>(html`<anva-login></anva-login>`, 'signed-out');
    expect(textOf(el)).to.equal('Inloggen');
    expect(el.shadowRoot!.querySelector('input')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('signs in with the keyboard: busy while redirecting to the Hub', async () => {
    const hub = await useFakeHub();
    const wrapper = await fixture<HTMLDivElement>(
      html`<div><button>voor</button><anva-login></anva-login></div>`,
    );
    const el = inFixture(wrapper) as AnvaLogin;
    await until(el, 'signed-out');
    wrapper.querySelector('button')!.focus();
    const button = await tabTo((e) => e.textContent!.trim() === 'Inloggen');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => hub.navigations.length > 0, 'no navigation to the Hub');
    expect(new URL(hub.navigations[0]!).origin).to.equal(hub.origin);
    await el.updateComplete;
    expect(anva().session.state.status).to.equal('signing-in');
    expect(button.textContent!.trim()).to.equal('Bezig met doorsturen…');
    expect(button.getAttribute('aria-disabled')).to.equal('true');
    expect(focused()).to.equal(button);
    expect(el.shadowRoot!.querySelector('input[type="password"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('shows the customer’s name and signs out with the keyboard', async () => {
    await useSignedInHub();
    const wrapper = await fixture<HTMLDivElement>(
      html`<div><button>voor</button><anva-login></anva-login></div>`,
    );
    const el = inFixture(wrapper) as AnvaLogin;
    await until(el, 'ready');
    await waitUntil(() => textOf(el).includes('Anna de Vries'), 'no name');
    expect(el.shadowRoot!.querySelector('.vh')!.textContent).to.equal('Ingelogd als Anna de Vries');
    await expect(el).to.be.accessible();
    wrapper.querySelector('button')!.focus();
    await tabTo((e) => e.textContent!.trim() === 'Uitloggen');
    await sendKeys({ press: 'Enter' });
    await waitForStatus('signed-out');
    await until(el, 'signed-out');
    expect(textOf(el)).to.contain('Inloggen');
  });

  it('falls back to the ID token’s name when the account cannot be read', async () => {
    await useSignedInHub({ endpoints: { account: { status: 500, times: 10 } } });
    const el = await fixtureUntil<AnvaLogin>(html`<anva-login></anva-login>`, 'ready');
    await waitUntil(() => textOf(el).includes('Anna de Vries'), 'no name');
    expect(textOf(el)).to.contain('Uitloggen');
  });

  it('speaks English when asked', async () => {
    await useFakeHub();
    const el = await fixtureUntil<AnvaLogin>(
      html`<anva-login lang="en"></anva-login>`,
      'signed-out',
    );
    expect(textOf(el)).to.equal('Sign in');
    el.setAttribute('lang', 'nl');
    await waitUntil(() => textOf(el) === 'Inloggen', 'did not switch to Dutch');
  });

  it('shows the configuration error for the web team', async () => {
    await withHubElement({ 'client-id': 'x', 'api-base': 'https://api.example' }, async () => {
      const el = await fixtureUntil<AnvaLogin>(html`<anva-login></anva-login>`, 'error');
      expect(textOf(el)).to.contain('authority');
      await expect(el).to.be.accessible();
    });
  });

  it('says so calmly when signing in failed, and reports it from itself', async () => {
    const hub = await useFakeHub({ authorize: { error: 'server_error' } });
    const el = await fixtureUntil<AnvaLogin>(html`<anva-login></anva-login>`, 'signed-out');
    const codes: string[] = [];
    el.addEventListener('anva-error', (e) => codes.push(e.detail.code));
    await anva().session.signIn();
    await returnFromHub(await followHubRedirect(hub.navigations.at(-1)!));
    await waitUntil(() => textOf(el).includes('Inloggen is niet gelukt.'), 'no notice');
    expect(codes).to.deep.equal(['auth']);
    await expect(el).to.be.accessible();
  });

  it('takes its language from itself, then <anva-hub lang>, then the nearest lang', async () => {
    await useFakeHub({}, { settings: { lang: 'en' } });
    const wrapper = await fixture<HTMLDivElement>(
      html`<div lang="nl"><anva-login></anva-login><anva-login lang="nl"></anva-login></div>`,
    );
    const [fromHub, own] = [...wrapper.querySelectorAll('anva-login')];
    await until(fromHub!, 'signed-out');
    await until(own!, 'signed-out');
    expect(textOf(fromHub!)).to.equal('Sign in');
    expect(textOf(own!)).to.equal('Inloggen');
    await useFakeHub();
    const nearest = await fixture<HTMLDivElement>(
      html`<section lang="en-GB">
        <div><anva-login></anva-login></div>
      </section>`,
    );
    const el = nearest.querySelector('anva-login')!;
    await until(el, 'signed-out');
    expect(textOf(el)).to.equal('Sign in');
    expect(el.shadowRoot!.querySelector('[part~="base"]')!.getAttribute('lang')).to.equal('en');
  });
});
