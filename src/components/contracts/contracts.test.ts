import { expect, html } from '@open-wc/testing';
import {
  useFakeHub,
  useSignedInHub,
  withHubElement,
} from '../../../test/browser/support/fake-hub.js';
import { fixtureUntil, textOf, until } from '../../../test/browser/support/dom.js';
import { numbers, q, qa } from '../../../test/browser/support/contracts.js';
import type { AnvaContracts } from './contracts.component.js';
import '../hub/hub.js';
import './contracts.js';

describe('<anva-contracts> states', () => {
  // The list keeps its page, search, filter and sort in the history entry: each test starts afresh.
  afterEach(() => history.replaceState(null, ''));

  it('is signed out with an explanation and Inloggen', async () => {
    await useFakeHub();
    const el = await fixtureUntil<AnvaContracts>(
      html`<anva-contracts></anva-contracts>`,
      'signed-out',
    );
    expect(textOf(el)).to.equal('Log in om uw verzekeringen te bekijken. Inloggen');
    expect(q(el, 'button').textContent!.trim()).to.equal('Inloggen');
    await expect(el).to.be.accessible();
  });

  it('shows the broker’s signed-out slot instead', async () => {
    await useFakeHub();
    const el = await fixtureUntil<AnvaContracts>(
      html`<anva-contracts><p slot="signed-out">Eerst inloggen a.u.b.</p></anva-contracts>`,
      'signed-out',
    );
    const slot = q<HTMLSlotElement>(el, 'slot[name="signed-out"]');
    expect(slot.assignedElements()[0]!.textContent).to.equal('Eerst inloggen a.u.b.');
  });

  it('shows a skeleton while loading, then the table', async () => {
    await useSignedInHub({ endpoints: { contracts: { delayMs: 400 } } });
    const el = await fixtureUntil<AnvaContracts>(
      html`<anva-contracts></anva-contracts>`,
      'loading',
    );
    expect(q(el, '[part~="skeleton"]')).not.to.equal(null);
    expect(textOf(el)).to.equal('Bezig met laden…');
    await expect(el).to.be.accessible();
    await until(el, 'ready');
    expect(qa(el, 'tbody tr')).to.have.length(3);
    // Running first: the suspended one after both running ones.
    expect(numbers(el)).to.deep.equal(['PP-77-1', 'ZZ-3', 'PP-77-2']);
    expect(qa(el, 'th').map((th) => th.textContent!.trim().replace(/[↑↓↕]/, ''))).to.deep.equal([
      'Product',
      'Omschrijving',
      'Verzekerd object',
      'Premie',
      // The customer has dossiers at two brokers and the page names none: each row says whose.
      'Adviseur',
      'Status',
    ]);
    expect(textOf(el)).to.contain('3 verzekeringen');
    await expect(el).to.be.accessible();
  });

  it('stops loading when removed and loads again when put back', async () => {
    await useSignedInHub({ endpoints: { contracts: { delayMs: 300, times: 1 } } });
    const el = await fixtureUntil<AnvaContracts>(
      html`<anva-contracts></anva-contracts>`,
      'loading',
    );
    const parent = el.parentElement!;
    const errors: string[] = [];
    el.addEventListener('anva-error', (e) => errors.push(e.detail.code));
    el.remove();
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(el.state).to.equal('loading');
    expect(errors).to.deep.equal([]);
    parent.append(el);
    await until(el, 'ready');
    expect(el.shadowRoot!.querySelectorAll('tbody tr')).to.have.length(3);
  });

  it('is empty with a kind message or the empty slot', async () => {
    await useSignedInHub({ endpoints: { contracts: { items: [] } } });
    const el = await fixtureUntil<AnvaContracts>(html`<anva-contracts></anva-contracts>`, 'empty');
    expect(textOf(el)).to.contain('Er zijn nog geen verzekeringen om te tonen.');
    await expect(el).to.be.accessible();
    const own = await fixtureUntil<AnvaContracts>(
      html`<anva-contracts><p slot="empty">Nog geen polissen bij ons.</p></anva-contracts>`,
      'empty',
    );
    const slot = q<HTMLSlotElement>(own, 'slot[name="empty"]');
    expect(slot.assignedElements()[0]!.textContent).to.equal('Nog geen polissen bij ons.');
  });

  it('shows a calm error, fires anva-error and retries', async () => {
    await useSignedInHub({ endpoints: { contracts: { status: 503, times: 10 } } });
    const errors: CustomEvent[] = [];
    document.addEventListener('anva-error', (e) => errors.push(e), { once: true });
    const el = await fixtureUntil<AnvaContracts>(html`<anva-contracts></anva-contracts>`, 'error');
    expect(textOf(el)).to.contain('Er ging iets mis bij het ophalen van uw gegevens.');
    expect(errors[0]!.detail.code).to.equal('server');
    expect(errors[0]!.detail.retryable).to.equal(true);
    expect(JSON.stringify(errors[0]!.detail)).not.to.match(/eyJ/);
    await expect(el).to.be.accessible();
  });

  it('recovers with Opnieuw proberen', async () => {
    // The client retries twice by itself; the third answer fails too.
    await useSignedInHub({ endpoints: { contracts: { status: 500, times: 3 } } });
    const el = await fixtureUntil<AnvaContracts>(html`<anva-contracts></anva-contracts>`, 'error');
    const retry = q<HTMLButtonElement>(el, '[part~="retry"]');
    expect(retry.textContent!.trim()).to.equal('Opnieuw proberen');
    retry.click();
    await until(el, 'ready');
    expect(qa(el, 'tbody tr')).to.have.length(3);
  });

  it('shows the configuration error for the web team, naming the attribute', async () => {
    const markup = { authority: 'https://login.example', 'api-base': 'https://api.example' };
    await withHubElement(markup, async () => {
      const el = await fixtureUntil<AnvaContracts>(
        html`<anva-contracts></anva-contracts>`,
        'error',
      );
      expect(textOf(el)).to.contain('Configuratiefout');
      expect(textOf(el)).to.contain('client-id');
      await expect(el).to.be.accessible();
    });
  });
});
