import { expect, html, waitUntil } from '@open-wc/testing';
import { useSignedInHub } from '../../../test/browser/support/fake-hub.js';
import { fixtureUntil, textOf } from '../../../test/browser/support/dom.js';
import { CAR, field, part, useDetailPage } from '../../../test/browser/support/contract-detail.js';
import type { AnvaContractDetail } from './contract-detail.component.js';
import './contract-detail.js';

describe('<anva-contract-detail> status, address, links and wording', () => {
  useDetailPage();

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
    await useSignedInHub({ endpoints: { contract: { items: [ended], times: 1 } } });
    const el = await fixtureUntil<AnvaContractDetail>(
      html`<anva-contract-detail contract-id="48213001"></anva-contract-detail>`,
      'ready',
    );
    expect(part(el, 'status')).to.equal('Lopend');
    expect(field(el, 'Opgeschort tot')).to.equal('31 mrt 2026');
    await useSignedInHub({ endpoints: { contract: { items: [running] } } });
    const later = await fixtureUntil<AnvaContractDetail>(
      html`<anva-contract-detail contract-id="2"></anva-contract-detail>`,
      'ready',
    );
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
    await useSignedInHub({ endpoints: { contract: { items: [home] } } });
    const el = await fixtureUntil<AnvaContractDetail>(
      html`<anva-contract-detail contract-id="h1"></anva-contract-detail>`,
      'ready',
    );
    expect(part(el, 'object')).to.equal('Lindelaan 12, 8401 GE Gorredijk');
    expect(field(el, 'Adres')).to.equal('Lindelaan 12, 8401 GE Gorredijk');
    for (const label of ['Straat', 'Huisnummer', 'Postcodecijfers', 'Woonplaats'])
      expect(field(el, label), label).to.equal(undefined);
    expect(field(el, 'Verzekerd bedrag')).to.match(/^€\s?350\.000,00$/);
  });

  it('links to the broker’s change and claim forms only when their templates are set', async () => {
    await useSignedInHub({ endpoints: { contract: { items: [CAR] } } });
    const plain = await fixtureUntil<AnvaContractDetail>(
      html`<anva-contract-detail contract-id="48213001"></anva-contract-detail>`,
      'ready',
    );
    expect(plain.shadowRoot!.querySelector('a')).to.equal(null);
    const el = await fixtureUntil<AnvaContractDetail>(
      html`<anva-contract-detail
        contract-id="48213001"
        change-href="/wijzigen?polis={number}"
        claim-href="javascript:alert({id})"
      ></anva-contract-detail>`,
      'ready',
    );
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
    await useSignedInHub({ endpoints: { contract: { items: [hostile] } } });
    const el = await fixtureUntil<AnvaContractDetail>(
      html`<anva-contract-detail contract-id="x" change-href="/polis/{id}"></anva-contract-detail>`,
      'ready',
    );
    expect(el.shadowRoot!.querySelector('h2')!.textContent).to.equal('toString');
    expect(part(el, 'status')).to.equal('__proto__');
    expect(field(el, 'Betaalwijze')).to.equal('constructor');
    expect(field(el, 'Soort object')).to.equal('constructor');
    // An id of dots never becomes a link that climbs out of the broker's path.
    expect(el.shadowRoot!.querySelector('a')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('speaks je on request and English on an English page', async () => {
    await useSignedInHub();
    for (const [attrs, text] of [
      [{ tone: 'informal' }, 'Deze verzekering is niet gevonden, of hoort niet bij je account.'],
      [
        { lang: 'en', tone: 'informal' },
        'This policy was not found, or it does not belong to your account.',
      ],
    ] as const) {
      const el = await fixtureUntil<AnvaContractDetail>(
        html`<anva-contract-detail
          contract-id="not-mine"
          tone=${attrs.tone}
          lang=${'lang' in attrs ? attrs.lang : 'nl'}
        ></anva-contract-detail>`,
        'error',
      );
      expect(textOf(el)).to.contain(text);
      await expect(el).to.be.accessible();
    }
  });
});
