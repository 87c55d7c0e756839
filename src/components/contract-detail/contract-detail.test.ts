import { expect, html, waitUntil } from '@open-wc/testing';
import { anva } from '../../core/registry.js';
import { useFakeHub, useSignedInHub } from '../../../test/browser/support/fake-hub.js';
import { fixtureUntil, textOf, until } from '../../../test/browser/support/dom.js';
import {
  headings,
  part,
  useDetailPage,
  useReferrer,
} from '../../../test/browser/support/contract-detail.js';
import type { AnvaContractDetail } from './contract-detail.component.js';
import './contract-detail.js';

describe('<anva-contract-detail> states and which contract', () => {
  useDetailPage();

  it('is signed out with an explanation and Inloggen', async () => {
    await useFakeHub();
    const el = await fixtureUntil<AnvaContractDetail>(
      html`<anva-contract-detail contract-id="9001"></anva-contract-detail>`,
      'signed-out',
    );
    expect(textOf(el)).to.equal('Log in om de gegevens van uw verzekering te bekijken. Inloggen');
    await expect(el).to.be.accessible();
  });

  it('is empty until a contract is chosen, then follows the page-wide selection', async () => {
    await useSignedInHub();
    const el = await fixtureUntil<AnvaContractDetail>(
      html`<anva-contract-detail><p slot="empty">Kies links een polis.</p></anva-contract-detail>`,
      'empty',
    );
    await expect(el).to.be.accessible();
    anva().selection.select('9002');
    await until(el, 'ready');
    expect(part(el, 'number')).to.equal('Polisnummer PP-77-2');
    expect(part(el, 'status')).to.equal('Opgeschort');
  });

  it('reads ?contract= from the address when nothing else says which', async () => {
    await useSignedInHub();
    history.replaceState(null, '', `${location.pathname}?contract=9003`);
    const el = await fixtureUntil<AnvaContractDetail>(
      html`<anva-contract-detail></anva-contract-detail>`,
      'ready',
    );
    expect(part(el, 'number')).to.equal('Polisnummer ZZ-3');
  });

  it('prefers contract-id over the selection', async () => {
    await useSignedInHub();
    anva().selection.select('9002');
    const el = await fixtureUntil<AnvaContractDetail>(
      html`<anva-contract-detail contract-id="9001"></anva-contract-detail>`,
      'ready',
    );
    expect(part(el, 'number')).to.equal('Polisnummer PP-77-1');
  });

  it('shows a skeleton while loading', async () => {
    await useSignedInHub({ endpoints: { contract: { delayMs: 400 } } });
    const el = await fixtureUntil<AnvaContractDetail>(
      html`<anva-contract-detail contract-id="9001"></anva-contract-detail>`,
      'loading',
    );
    expect(el.shadowRoot!.querySelector('[part~="skeleton"]')).not.to.equal(null);
    await expect(el).to.be.accessible();
    await until(el, 'ready');
  });

  it('says clearly when a contract is not found, with a way back', async () => {
    await useSignedInHub();
    const errors: string[] = [];
    const listener = (e: CustomEvent) => errors.push(e.detail.code);
    document.addEventListener('anva-error', listener);
    history.pushState(null, '', location.href);
    const el = await fixtureUntil<AnvaContractDetail>(
      html`<anva-contract-detail contract-id="not-mine"></anva-contract-detail>`,
      'error',
    );
    document.removeEventListener('anva-error', listener);
    expect(textOf(el)).to.contain(
      'Deze verzekering is niet gevonden, of hoort niet bij uw account.',
    );
    const back = el.shadowRoot!.querySelector('[part~="back"]')!;
    expect(back.textContent!.trim()).to.equal('Terug');
    expect(back.localName).to.equal('button');
    expect(errors).to.deep.equal(['not-found']);
    await expect(el).to.be.accessible();
  });

  it('offers the home page from a shared link, never a step back to another website', async () => {
    await useSignedInHub();
    history.pushState(null, '', location.href);
    for (const referrer of ['', 'https://mail.example/inbox']) {
      useReferrer(referrer);
      const el = await fixtureUntil<AnvaContractDetail>(
        html`<anva-contract-detail contract-id="not-mine"></anva-contract-detail>`,
        'error',
      );
      const back = el.shadowRoot!.querySelector<HTMLAnchorElement>('a[part~="back"]')!;
      expect(back.getAttribute('href')).to.equal('/');
      expect(back.textContent!.trim()).to.equal('Naar de homepage');
      expect(el.shadowRoot!.querySelector('button')).to.equal(null);
      await expect(el).to.be.accessible();
    }
  });

  it('links back to the page of this site that opened it in a new tab', async () => {
    await useSignedInHub();
    const from = new URL('/polissen?x=1', location.href).href;
    useReferrer(from);
    Object.defineProperty(history, 'length', { value: 1, configurable: true });
    try {
      const el = await fixtureUntil<AnvaContractDetail>(
        html`<anva-contract-detail contract-id="not-mine" lang="en"></anva-contract-detail>`,
        'error',
      );
      const back = el.shadowRoot!.querySelector<HTMLAnchorElement>('a[part~="back"]')!;
      expect(back.getAttribute('href')).to.equal(from);
      expect(back.textContent!.trim()).to.equal('Back');
    } finally {
      delete (history as { length?: number }).length;
    }
  });

  it('shows a retryable error and loads again', async () => {
    await useSignedInHub({ endpoints: { contract: { status: 502, times: 3 } } });
    const el = await fixtureUntil<AnvaContractDetail>(
      html`<anva-contract-detail contract-id="9001" lang="en"></anva-contract-detail>`,
      'error',
    );
    expect(textOf(el)).to.contain('Something went wrong while fetching your information.');
    await expect(el).to.be.accessible();
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="retry"]')!.click();
    await until(el, 'ready');
    expect(headings(el)[0]).to.equal('Cover');
  });

  it('switches contract when contract-id changes, the newest answer winning', async () => {
    await useSignedInHub({ endpoints: { contract: { delayMs: 300, times: 1 } } });
    const el = await fixtureUntil<AnvaContractDetail>(
      html`<anva-contract-detail contract-id="9001"></anva-contract-detail>`,
      'loading',
    );
    el.contractId = '9002';
    await until(el, 'ready');
    await new Promise((resolve) => setTimeout(resolve, 400));
    await waitUntil(() => part(el, 'number') === 'Polisnummer PP-77-2', 'a stale answer won');
  });
});
