import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { anva } from '../../core/registry.js';
import { signInAsCustomer, useFakeHub } from '../../../test/browser/support/fake-hub.js';
import { cellText, textOf, until } from '../../../test/browser/support/dom.js';
import type { AnvaContractDetail } from './contract-detail.component.js';
import './contract-detail.js';

/** A contract as the demo Hub sends it: known AFD 2.0 fields, unknown and nested ones. */
const CAR = {
  id: 48213001,
  dossierNumber: '100234',
  format: 'AFD 2.0',
  status: 'Lopend',
  metadata: {
    contractNumber: '60129384756',
    businessLine: '020',
    productDescription: 'Autoverzekering, WA + Volledig casco',
    porCompany: { code: 'N013', name: 'Basisvolmacht' },
    afdDefinitionName: 'Personenauto',
    packageNumber: 'PK-100234-1',
    effectiveDate: '2021-03-01',
    expiryDate: null,
    mainRenewalDate: '2027-03-01',
    contractDurationInMonths: 12,
    paymentTermInMonths: 1,
    collectionMethod: 'Automatische incasso',
    premium: 48.12,
    insuranceTax: 10.11,
    totalPremium: 58.23,
    deductibleAmount: 150,
    coverages: [
      {
        code: '2001',
        label: 'Wettelijke aansprakelijkheid',
        insuredAmount: 6100000,
        deductible: 0,
      },
      { code: '2010', label: 'Pechhulp Nederland', insuredAmount: null, deductible: 0 },
    ],
    insuredObject: { type: 'vehicle', licensePlate: 'GZ-845-T', make: 'Toyota', buildYear: 2019 },
    bonusMalus: { step: 14, discountPercentage: 75, protected: true },
    regularDrivers: ['Jan van Dijk', 'Eva van Dijk-Kok'],
    noClaimProtection: true,
    lastClaimDate: '2022-08-14',
  },
};

const field = (el: AnvaContractDetail, label: string) =>
  [...el.shadowRoot!.querySelectorAll('[part~="field"]')]
    .find((f) => f.querySelector('dt')!.textContent!.trim() === label)
    ?.querySelector('dd')!
    .textContent!.replace(/\s+/g, ' ')
    .trim();

const headings = (el: AnvaContractDetail) =>
  [...el.shadowRoot!.querySelectorAll('h3')].map((h) => h.textContent!.trim());

/** Pretends the page was opened from `referrer` (`''`: a fresh tab); undone after each test. */
const useReferrer = (referrer: string) =>
  Object.defineProperty(document, 'referrer', { value: referrer, configurable: true });

describe('<anva-contract-detail>', () => {
  beforeEach(() => useReferrer(new URL('/', location.href).href));
  afterEach(() => {
    history.replaceState(null, '', location.pathname);
    delete (document as { referrer?: string }).referrer;
  });

  it('is signed out with an explanation and Inloggen', async () => {
    await useFakeHub();
    const el = await fixture<AnvaContractDetail>(
      html`<anva-contract-detail contract-id="9001"></anva-contract-detail>`,
    );
    await until(el, 'signed-out');
    expect(textOf(el)).to.contain('Inloggen');
    await expect(el).to.be.accessible();
  });

  it('is empty until a contract is chosen, then follows the page-wide selection', async () => {
    await useFakeHub();
    await signInAsCustomer();
    const el = await fixture<AnvaContractDetail>(
      html`<anva-contract-detail><p slot="empty">Kies links een polis.</p></anva-contract-detail>`,
    );
    await until(el, 'empty');
    await expect(el).to.be.accessible();
    anva().selection.select('9002');
    await until(el, 'ready');
    expect(textOf(el)).to.contain('PP-77-2');
    expect(field(el, 'Status')).to.equal('Opgeschort');
  });

  it('reads ?contract= from the address when nothing else says which', async () => {
    await useFakeHub();
    await signInAsCustomer();
    history.replaceState(null, '', `${location.pathname}?contract=9003`);
    const el = await fixture<AnvaContractDetail>(
      html`<anva-contract-detail></anva-contract-detail>`,
    );
    await until(el, 'ready');
    expect(field(el, 'Contractnummer')).to.equal('ZZ-3');
  });

  it('prefers contract-id over the selection', async () => {
    await useFakeHub();
    await signInAsCustomer();
    anva().selection.select('9002');
    const el = await fixture<AnvaContractDetail>(
      html`<anva-contract-detail contract-id="9001"></anva-contract-detail>`,
    );
    await until(el, 'ready');
    expect(field(el, 'Contractnummer')).to.equal('PP-77-1');
  });

  it('shows a skeleton while loading', async () => {
    await useFakeHub({ endpoints: { contract: { delayMs: 400 } } });
    await signInAsCustomer();
    const el = await fixture<AnvaContractDetail>(
      html`<anva-contract-detail contract-id="9001"></anva-contract-detail>`,
    );
    await until(el, 'loading');
    expect(el.shadowRoot!.querySelector('[part~="skeleton"]')).not.to.equal(null);
    await expect(el).to.be.accessible();
    await until(el, 'ready');
  });

  it('groups and formats every known field', async () => {
    await useFakeHub({ endpoints: { contract: { items: [CAR] } } });
    await signInAsCustomer();
    const el = await fixture<AnvaContractDetail>(
      html`<anva-contract-detail contract-id="48213001"></anva-contract-detail>`,
    );
    await until(el, 'ready');
    expect(headings(el)).to.deep.equal([
      'Verzekering',
      'Looptijd',
      'Premie',
      'Dekkingen',
      'Verzekerd object',
      'Overige gegevens',
    ]);
    expect(el.shadowRoot!.querySelector('h2')!.textContent).to.equal(
      'Autoverzekering, WA + Volledig casco',
    );
    expect(field(el, 'Aanbieder')).to.equal('Basisvolmacht (N013)');
    expect(field(el, 'Product')).to.equal('Personenauto');
    expect(field(el, 'Dossiernummer')).to.equal('100234');
    expect(field(el, 'Ingangsdatum')).to.equal('1 mrt 2021');
    expect(field(el, 'Contractvervaldatum')).to.equal('–');
    expect(field(el, 'Looptijd')).to.equal('12 maanden');
    expect(field(el, 'Betaaltermijn')).to.equal('per maand');
    expect(field(el, 'Premie per termijn')).to.match(/^€\s?48,12$/);
    expect(field(el, 'Assurantiebelasting')).to.match(/^€\s?10,11$/);
    expect(field(el, 'Totaal per termijn')).to.match(/^€\s?58,23$/);
    expect(field(el, 'Eigen risico')).to.match(/^€\s?150,00$/);
    // Each cell carries its column label for stacked rows on narrow containers.
    const cells = [...el.shadowRoot!.querySelectorAll('table td')].map(cellText);
    expect(cells.slice(0, 4)).to.deep.equal([
      'Wettelijke aansprakelijkheid',
      '2001',
      '€ 6.100.000,00',
      '€ 0,00',
    ]);
    expect(cells[6]).to.equal('–');
    expect(field(el, 'Kenteken')).to.equal('GZ-845-T');
    expect(field(el, 'Bouwjaar')).to.equal('2019');
    await expect(el).to.be.accessible();
  });

  it('names the insured object’s kind in the customer’s language, unknown kinds as given', async () => {
    const object = (type: string) => ({
      ...CAR,
      metadata: { ...CAR.metadata, insuredObject: { type } },
    });
    await useFakeHub({ endpoints: { contract: { items: [CAR] } } });
    await signInAsCustomer();
    const nlEl = await fixture<AnvaContractDetail>(
      html`<anva-contract-detail contract-id="48213001"></anva-contract-detail>`,
    );
    await until(nlEl, 'ready');
    expect(field(nlEl, 'Type')).to.equal('Voertuig');
    const enEl = await fixture<AnvaContractDetail>(
      html`<anva-contract-detail contract-id="48213001" lang="en"></anva-contract-detail>`,
    );
    await until(enEl, 'ready');
    expect(field(enEl, 'Type')).to.equal('Vehicle');
    for (const [type, nlText, enText] of [
      ['building', 'Adres', 'Address'],
      ['Person', 'Persoon', 'Person'],
      ['windmill', 'windmill', 'windmill'],
    ]) {
      await useFakeHub({ endpoints: { contract: { items: [object(type!)] } } });
      await signInAsCustomer();
      for (const [lang, text] of [
        ['nl', nlText],
        ['en', enText],
      ]) {
        const el = await fixture<AnvaContractDetail>(
          html`<anva-contract-detail contract-id="48213001" lang=${lang!}></anva-contract-detail>`,
        );
        await until(el, 'ready');
        expect(field(el, 'Type')).to.equal(text);
      }
    }
  });

  it('lists unknown fields under Overige gegevens, nested values as text', async () => {
    await useFakeHub({ endpoints: { contract: { items: [CAR] } } });
    await signInAsCustomer();
    const el = await fixture<AnvaContractDetail>(
      html`<anva-contract-detail contract-id="48213001"></anva-contract-detail>`,
    );
    await until(el, 'ready');
    const other = el.shadowRoot!.querySelector('.other')!;
    const labels = [...other.querySelectorAll(':scope > dl > [part~="field"] > dt')].map((dt) =>
      dt.textContent!.trim(),
    );
    expect(field(el, 'Branche')).to.equal('020');
    expect(labels).to.deep.equal([
      'Bonus malus',
      'Regular drivers',
      'No claim protection',
      'Last claim date',
      'Format',
    ]);
    expect(field(el, 'Step')).to.equal('14');
    expect(field(el, 'Protected')).to.equal('Ja');
    expect([...other.querySelectorAll('li')].map((li) => li.textContent!.trim())).to.deep.equal([
      'Jan van Dijk',
      'Eva van Dijk-Kok',
    ]);
    expect(field(el, 'Last claim date')).to.equal('14 aug 2022');
    expect(field(el, 'No claim protection')).to.equal('Ja');
  });

  it('keeps fields the list does not have, and top-level extras', async () => {
    await useFakeHub();
    await signInAsCustomer();
    const el = await fixture<AnvaContractDetail>(
      html`<anva-contract-detail contract-id="9003"></anva-contract-detail>`,
    );
    await until(el, 'ready');
    expect(field(el, 'Detail only')).to.equal('only in the detail');
    expect(field(el, 'Kept')).to.equal('Ja');
  });

  it('keeps HTML, scripts and javascript: URLs in values as text', async () => {
    const evil = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>';
    await useFakeHub({
      endpoints: {
        contract: {
          items: [
            {
              id: 'x',
              status: evil,
              metadata: {
                productDescription: evil,
                website: 'javascript:alert(1)',
                nested: { deeper: [evil, { href: 'javascript:alert(2)' }] },
              },
            },
          ],
        },
      },
    });
    await signInAsCustomer();
    const el = await fixture<AnvaContractDetail>(
      html`<anva-contract-detail contract-id="x"></anva-contract-detail>`,
    );
    await until(el, 'ready');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((window as { __xss?: number }).__xss).to.equal(undefined);
    expect(el.shadowRoot!.querySelectorAll('img, script, a')).to.have.length(0);
    expect(el.shadowRoot!.querySelector('h2')!.textContent).to.equal(evil);
    expect(field(el, 'Website')).to.equal('javascript:alert(1)');
    expect(field(el, 'Href')).to.equal('javascript:alert(2)');
  });

  it('says clearly when a contract is not found, with a way back', async () => {
    await useFakeHub();
    await signInAsCustomer();
    const errors: string[] = [];
    const listener = (e: CustomEvent) => errors.push(e.detail.code);
    document.addEventListener('anva-error', listener);
    history.pushState(null, '', location.href);
    const el = await fixture<AnvaContractDetail>(
      html`<anva-contract-detail contract-id="not-mine"></anva-contract-detail>`,
    );
    await until(el, 'error');
    document.removeEventListener('anva-error', listener);
    expect(textOf(el)).to.contain(
      'Deze verzekering is niet gevonden, of hoort niet bij jouw account.',
    );
    const back = el.shadowRoot!.querySelector('[part~="back"]')!;
    expect(back.textContent!.trim()).to.equal('Terug');
    expect(back.localName).to.equal('button');
    expect(errors).to.deep.equal(['not-found']);
    await expect(el).to.be.accessible();
  });

  it('offers the home page from a shared link, never a step back to another website', async () => {
    await useFakeHub();
    await signInAsCustomer();
    history.pushState(null, '', location.href);
    for (const referrer of ['', 'https://mail.example/inbox']) {
      useReferrer(referrer);
      const el = await fixture<AnvaContractDetail>(
        html`<anva-contract-detail contract-id="not-mine"></anva-contract-detail>`,
      );
      await until(el, 'error');
      const back = el.shadowRoot!.querySelector<HTMLAnchorElement>('a[part~="back"]')!;
      expect(back.getAttribute('href')).to.equal('/');
      expect(back.textContent!.trim()).to.equal('Naar de homepage');
      expect(el.shadowRoot!.querySelector('button')).to.equal(null);
      await expect(el).to.be.accessible();
    }
  });

  it('links back to the page of this site that opened it in a new tab', async () => {
    await useFakeHub();
    await signInAsCustomer();
    const from = new URL('/polissen?x=1', location.href).href;
    useReferrer(from);
    Object.defineProperty(history, 'length', { value: 1, configurable: true });
    try {
      const el = await fixture<AnvaContractDetail>(
        html`<anva-contract-detail contract-id="not-mine" lang="en"></anva-contract-detail>`,
      );
      await until(el, 'error');
      const back = el.shadowRoot!.querySelector<HTMLAnchorElement>('a[part~="back"]')!;
      expect(back.getAttribute('href')).to.equal(from);
      expect(back.textContent!.trim()).to.equal('Back');
    } finally {
      delete (history as { length?: number }).length;
    }
  });

  it('shows a retryable error and loads again', async () => {
    await useFakeHub({ endpoints: { contract: { status: 502, times: 3 } } });
    await signInAsCustomer();
    const el = await fixture<AnvaContractDetail>(
      html`<anva-contract-detail contract-id="9001" lang="en"></anva-contract-detail>`,
    );
    await until(el, 'error');
    expect(textOf(el)).to.contain('Something went wrong while fetching your information.');
    await expect(el).to.be.accessible();
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="retry"]')!.click();
    await until(el, 'ready');
    expect(headings(el)[0]).to.equal('Policy');
  });

  it('switches contract when contract-id changes, the newest answer winning', async () => {
    await useFakeHub({ endpoints: { contract: { delayMs: 300, times: 1 } } });
    await signInAsCustomer();
    const el = await fixture<AnvaContractDetail>(
      html`<anva-contract-detail contract-id="9001"></anva-contract-detail>`,
    );
    await until(el, 'loading');
    el.contractId = '9002';
    await until(el, 'ready');
    await new Promise((resolve) => setTimeout(resolve, 400));
    await waitUntil(() => field(el, 'Contractnummer') === 'PP-77-2', 'a stale answer won');
  });
});
