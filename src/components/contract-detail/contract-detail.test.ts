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

const part = (el: AnvaContractDetail, name: string) =>
  el.shadowRoot!.querySelector(`[part~="${name}"]`)?.textContent!.replace(/\s+/g, ' ').trim();

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
    expect(textOf(el)).to.equal('Log in om de gegevens van uw verzekering te bekijken. Inloggen');
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
    expect(part(el, 'number')).to.equal('Polisnummer PP-77-2');
    expect(part(el, 'status')).to.equal('Opgeschort');
  });

  it('reads ?contract= from the address when nothing else says which', async () => {
    await useFakeHub();
    await signInAsCustomer();
    history.replaceState(null, '', `${location.pathname}?contract=9003`);
    const el = await fixture<AnvaContractDetail>(
      html`<anva-contract-detail></anva-contract-detail>`,
    );
    await until(el, 'ready');
    expect(part(el, 'number')).to.equal('Polisnummer ZZ-3');
  });

  it('prefers contract-id over the selection', async () => {
    await useFakeHub();
    await signInAsCustomer();
    anva().selection.select('9002');
    const el = await fixture<AnvaContractDetail>(
      html`<anva-contract-detail contract-id="9001"></anva-contract-detail>`,
    );
    await until(el, 'ready');
    expect(part(el, 'number')).to.equal('Polisnummer PP-77-1');
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
    // One title block, then cover, premium, term, the object and the rest.
    expect(headings(el)).to.deep.equal([
      'Dekking',
      'Premie',
      'Looptijd',
      'Verzekerd object',
      'Overige gegevens',
    ]);
    expect(el.shadowRoot!.querySelector('h2')!.textContent).to.equal(
      'Autoverzekering, WA + Volledig casco',
    );
    expect(part(el, 'object')).to.equal('Toyota · GZ\u2011845\u2011T');
    expect(part(el, 'number')).to.equal('Polisnummer 60129384756');
    // The number once, never as a field again; plumbing not at all.
    expect(textOf(el).split('60129384756')).to.have.length(2);
    expect(field(el, 'Polisnummer')).to.equal(undefined);
    expect(textOf(el)).not.to.match(/AFD|Format|Organization/);
    expect(field(el, 'Verzekeraar')).to.equal('Basisvolmacht (N013)');
    expect(field(el, 'Product')).to.equal('Personenauto');
    // A code only beside its meaning.
    expect(field(el, 'Branche')).to.equal('Auto (020)');
    expect(field(el, 'Dossiernummer')).to.equal('100234');
    expect(field(el, 'Ingangsdatum')).to.equal('1 mrt 2021');
    expect(field(el, 'Einddatum')).to.equal(undefined);
    expect(field(el, 'Contractduur')).to.equal('12 maanden');
    expect(field(el, 'Betaaltermijn')).to.equal('per maand');
    expect(field(el, 'Premie per termijn')).to.match(/^€\s?48,12$/);
    expect(field(el, 'Assurantiebelasting')).to.match(/^€\s?10,11$/);
    expect(field(el, 'Totaal per termijn')).to.match(/^€\s?58,23$/);
    expect(field(el, 'Eigen risico')).to.match(/^€\s?150,00$/);
    // Each cell carries its column label for stacked rows on narrow containers; no codes.
    const cells = [...el.shadowRoot!.querySelectorAll('table td')].map(cellText);
    expect(cells).to.deep.equal([
      'Wettelijke aansprakelijkheid',
      '€ 6.100.000,00',
      '€ 0,00',
      'Pechhulp Nederland',
      '–',
      '€ 0,00',
    ]);
    // The car's no-claim data beside the car, in words and units.
    const object = el.shadowRoot!.querySelector('.group.object')!;
    const labels = [...object.querySelectorAll('dt')].map((dt) => dt.textContent!.trim());
    expect(labels).to.deep.equal([
      'Soort object',
      'Kenteken',
      'Merk',
      'Bouwjaar',
      'Bonus-malustrede',
      'No-claimkorting',
      'No-claimbeschermer',
      'Regelmatige bestuurders',
      'Laatste schade',
    ]);
    expect(field(el, 'Kenteken')).to.equal('GZ-845-T');
    expect(field(el, 'Bouwjaar')).to.equal('2019');
    expect(field(el, 'Bonus-malustrede')).to.equal('14');
    expect(field(el, 'No-claimkorting')).to.match(/^75\s?%$/);
    expect(field(el, 'No-claimbeschermer')).to.equal('Ja');
    expect(field(el, 'Regelmatige bestuurders')).to.equal('Jan van DijkEva van Dijk-Kok');
    expect(field(el, 'Laatste schade')).to.equal('14 aug 2022');
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
    expect(field(nlEl, 'Soort object')).to.equal('Voertuig');
    const enEl = await fixture<AnvaContractDetail>(
      html`<anva-contract-detail contract-id="48213001" lang="en"></anva-contract-detail>`,
    );
    await until(enEl, 'ready');
    expect(field(enEl, 'Kind of object')).to.equal('Vehicle');
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
        expect(field(el, lang === 'en' ? 'Kind of object' : 'Soort object')).to.equal(text);
      }
    }
  });

  it('lists unknown fields under Overige gegevens, labelled from their key, nested values as text', async () => {
    const extra = {
      ...CAR,
      organizationId: 1201,
      organizationName: 'Verzekeringen De Vries',
      documents: [],
      metadata: {
        ...CAR.metadata,
        annualMileage: 15000,
        towbar: { fitted: true, maxWeight: 1300 },
        insuredObject: { ...CAR.metadata.insuredObject, colour: 'blauw' },
      },
    };
    await useFakeHub({ endpoints: { contract: { items: [extra] } } });
    await signInAsCustomer();
    const el = await fixture<AnvaContractDetail>(
      html`<anva-contract-detail contract-id="48213001"></anva-contract-detail>`,
    );
    await until(el, 'ready');
    const other = el.shadowRoot!.querySelector('.other')!;
    const labels = [...other.querySelectorAll(':scope > dl > [part~="field"] > dt')].map((dt) =>
      dt.textContent!.trim(),
    );
    // Internal ids, the format and an empty list are no customer's business.
    expect(labels).to.deep.equal(['Dossiernummer', 'Adviseur', 'Towbar']);
    expect(field(el, 'Adviseur')).to.equal('Verzekeringen De Vries');
    expect(field(el, 'Fitted')).to.equal('Ja');
    expect(field(el, 'Max weight')).to.equal('1.300');
    // An unknown field of the object stays with the object.
    expect(el.shadowRoot!.querySelector('.group.object')!.textContent).to.contain('Colour');
    expect(field(el, 'Kilometrage per jaar')).to.equal('15.000 km');
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
      'Deze verzekering is niet gevonden, of hoort niet bij uw account.',
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
    expect(headings(el)[0]).to.equal('Cover');
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
    await waitUntil(() => part(el, 'number') === 'Polisnummer PP-77-2', 'a stale answer won');
  });

  it('judges a suspension against today: one that ended is no longer Opgeschort', async () => {
    const ended = {
      ...CAR,
      status: 'Opgeschort',
      metadata: { ...CAR.metadata, suspendedFrom: '2025-11-01', suspendedUntil: '2026-03-31' },
    };
    const running = {
      ...ended,
      id: 2,
      metadata: { ...ended.metadata, suspendedUntil: '2999-01-01' },
    };
    await useFakeHub({ endpoints: { contract: { items: [ended], times: 1 } } });
    await signInAsCustomer();
    const el = await fixture<AnvaContractDetail>(
      html`<anva-contract-detail contract-id="48213001"></anva-contract-detail>`,
    );
    await until(el, 'ready');
    expect(part(el, 'status')).to.equal('Lopend');
    expect(field(el, 'Opgeschort tot')).to.equal('31 mrt 2026');
    await useFakeHub({ endpoints: { contract: { items: [running] } } });
    await signInAsCustomer();
    const later = await fixture<AnvaContractDetail>(
      html`<anva-contract-detail contract-id="2"></anva-contract-detail>`,
    );
    await until(later, 'ready');
    expect(part(later, 'status')).to.equal('Opgeschort');
  });

  it('writes an address as one line, from ANVA’s split postcode too', async () => {
    const home = {
      id: 'h1',
      status: 'Lopend',
      metadata: {
        productDescription: 'Woonhuisverzekering',
        straat: 'Lindelaan',
        huisnummer: 12,
        postcodeCijfers: '8401',
        postcodeLetters: 'GE',
        woonplaats: 'Gorredijk',
        verzekerdBedrag: 350000,
      },
    };
    await useFakeHub({ endpoints: { contract: { items: [home] } } });
    await signInAsCustomer();
    const el = await fixture<AnvaContractDetail>(
      html`<anva-contract-detail contract-id="h1"></anva-contract-detail>`,
    );
    await until(el, 'ready');
    expect(part(el, 'object')).to.equal('Lindelaan 12, 8401 GE Gorredijk');
    expect(field(el, 'Adres')).to.equal('Lindelaan 12, 8401 GE Gorredijk');
    for (const label of ['Straat', 'Huisnummer', 'Postcodecijfers', 'Woonplaats'])
      expect(field(el, label), label).to.equal(undefined);
    expect(field(el, 'Verzekerd bedrag')).to.match(/^€\s?350\.000,00$/);
  });

  it('links to the broker’s change and claim forms only when their templates are set', async () => {
    await useFakeHub({ endpoints: { contract: { items: [CAR] } } });
    await signInAsCustomer();
    const plain = await fixture<AnvaContractDetail>(
      html`<anva-contract-detail contract-id="48213001"></anva-contract-detail>`,
    );
    await until(plain, 'ready');
    expect(plain.shadowRoot!.querySelector('a')).to.equal(null);
    const el = await fixture<AnvaContractDetail>(
      html`<anva-contract-detail
        contract-id="48213001"
        change-href="/wijzigen?polis={number}"
        claim-href="javascript:alert({id})"
      ></anva-contract-detail>`,
    );
    await until(el, 'ready');
    const links = [...el.shadowRoot!.querySelectorAll('a')];
    expect(links.map((a) => [a.textContent!.trim(), a.getAttribute('href')])).to.deep.equal([
      ['Wijziging doorgeven', '/wijzigen?polis=60129384756'],
    ]);
    el.claimHref = '/schade/{id}';
    el.lang = 'en';
    await waitUntil(() => el.shadowRoot!.querySelectorAll('a').length === 2);
    expect(
      [...el.shadowRoot!.querySelectorAll('a')].map((a) => [
        a.textContent!.trim(),
        a.getAttribute('href'),
      ]),
    ).to.deep.equal([
      ['Report a change', '/wijzigen?polis=60129384756'],
      ['Report a claim', '/schade/48213001'],
    ]);
    await expect(el).to.be.accessible();
  });

  it('survives values that name Object.prototype’s members', async () => {
    const hostile = {
      id: '..',
      status: '__proto__',
      constructor: 'constructor',
      metadata: {
        productDescription: 'toString',
        collectionMethod: 'constructor',
        paymentTermInMonths: 'constructor',
        businessLine: '__proto__',
        insuredObject: { type: 'constructor', toString: 'x', hasOwnProperty: 'y' },
        valueOf: { constructor: 'z' },
        coverages: [{ label: 'constructor', __proto__: 'p' }],
      },
    };
    await useFakeHub({ endpoints: { contract: { items: [hostile] } } });
    await signInAsCustomer();
    const el = await fixture<AnvaContractDetail>(
      html`<anva-contract-detail contract-id="x" change-href="/polis/{id}"></anva-contract-detail>`,
    );
    await until(el, 'ready');
    expect(el.shadowRoot!.querySelector('h2')!.textContent).to.equal('toString');
    expect(part(el, 'status')).to.equal('__proto__');
    expect(field(el, 'Betaalwijze')).to.equal('constructor');
    expect(field(el, 'Soort object')).to.equal('constructor');
    // An id of dots never becomes a link that climbs out of the broker's path.
    expect(el.shadowRoot!.querySelector('a')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('speaks je on request and English on an English page', async () => {
    await useFakeHub();
    await signInAsCustomer();
    for (const [attrs, text] of [
      [{ tone: 'informal' }, 'Deze verzekering is niet gevonden, of hoort niet bij je account.'],
      [
        { lang: 'en', tone: 'informal' },
        'This policy was not found, or it does not belong to your account.',
      ],
    ] as const) {
      const el = await fixture<AnvaContractDetail>(
        html`<anva-contract-detail
          contract-id="not-mine"
          tone=${attrs.tone}
          lang=${'lang' in attrs ? attrs.lang : 'nl'}
        ></anva-contract-detail>`,
      );
      await until(el, 'error');
      expect(textOf(el)).to.contain(text);
      await expect(el).to.be.accessible();
    }
  });
});
