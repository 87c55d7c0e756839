import { expect } from '@open-wc/testing';
import { anva } from '../../../src/core/registry.js';
import { useFakeHub, waitForSession, type FakeHub } from '../support/fake-hub.js';

/** The `ui_locales` of the authorization request a sign-in sends to the Hub. */
async function uiLocales(hub: FakeHub): Promise<string | null> {
  await waitForSession();
  const before = hub.navigations.length;
  await anva().session.signIn();
  return new URL(hub.navigations[before] ?? 'about:blank').searchParams.get('ui_locales');
}

describe('sign-in in the page’s language', () => {
  const root = document.documentElement;
  const pageLang = root.getAttribute('lang');
  afterEach(() =>
    pageLang === null ? root.removeAttribute('lang') : root.setAttribute('lang', pageLang),
  );

  it('asks the Hub for a Dutch login on a Dutch page, and without any language', async () => {
    root.setAttribute('lang', 'nl-NL');
    expect(await uiLocales(await useFakeHub())).to.equal('nl');
    root.removeAttribute('lang');
    expect(await uiLocales(await useFakeHub())).to.equal('nl');
  });

  it('asks the Hub for an English login on an English page', async () => {
    root.setAttribute('lang', 'en-GB');
    expect(await uiLocales(await useFakeHub())).to.equal('en');
  });

  it('follows <anva-hub lang> over the page’s own language, as the widgets do', async () => {
    root.setAttribute('lang', 'nl');
    const hub = await useFakeHub({}, { settings: { lang: 'en' } });
    expect(await uiLocales(hub)).to.equal('en');
  });
});
