import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { useSignedInHub } from '../../../test/browser/support/fake-hub.js';
import {
  cellText,
  fixtureUntil,
  focused,
  textOf,
  until,
} from '../../../test/browser/support/dom.js';
import type { AnvaContracts } from './contracts.component.js';
import './contracts.js';

const qa = (el: AnvaContracts, selector: string) => [
  ...el.shadowRoot!.querySelectorAll<HTMLElement>(selector),
];

/** As the demo Hub sends them: a car by the month, a home by the year, an ended one. */
const ITEMS = [
  {
    id: 'ended',
    status: 'Geroyeerd',
    metadata: {
      contractNumber: '60129384711',
      productDescription: 'Bromfietsverzekering, WA',
      totalPremium: 9.5,
      paymentTermInMonths: 1,
    },
  },
  {
    id: 'car',
    status: 'Lopend',
    metadata: {
      contractNumber: '60129384756',
      productDescription: 'Autoverzekering, WA + Volledig casco',
      porCompany: {
        code: 'N048',
        name: 'Noordhollandsche van 1816 Onderlinge Verzekeringsmaatschappij',
      },
      totalPremium: 58.23,
      paymentTermInMonths: 1,
      insuredObject: { licensePlate: 'GZ-845-T', make: 'Toyota', model: 'Yaris Hybrid' },
    },
  },
  {
    id: 'home',
    status: 'Lopend',
    metadata: {
      contractNumber: '60191200552',
      productDescription: 'Woonhuisverzekering, Standaard',
      porCompany: { code: 'N013', name: 'Basisvolmacht' },
      totalPremium: 240,
      paymentTermInMonths: 12,
      insuredObject: {
        street: 'Lindelaan',
        houseNumber: 12,
        postalCode: '8401 GE',
        city: 'Gorredijk',
      },
    },
  },
];

const MANY = Array.from({ length: 45 }, (_, i) => ({
  id: String(i + 1),
  status: 'Lopend',
  metadata: {
    contractNumber: `N-${String(i + 1).padStart(3, '0')}`,
    productDescription: `Polis ${i + 1}`,
  },
}));

describe('<anva-contracts> for a customer', () => {
  afterEach(() => history.replaceState(null, ''));

  it('links each row by its description, named by what it is, its number and its status', async () => {
    await useSignedInHub({ endpoints: { contracts: { items: ITEMS } } });
    const el = await fixtureUntil<AnvaContracts>(
      html`<anva-contracts detail-href="/polis/{id}"></anva-contracts>`,
      'ready',
    );
    const links = qa(el, 'a[part~="link"]');
    expect(links.map((a) => a.querySelector('.what')!.textContent!.trim())).to.deep.equal([
      'Autoverzekering, WA + Volledig casco',
      'Woonhuisverzekering, Standaard',
      'Bromfietsverzekering, WA',
    ]);
    // The accessible name: what it is, its number and its status.
    expect(links[0]!.textContent!.trim()).to.equal(
      'Autoverzekering, WA + Volledig casco, Polisnummer 60129384756, Lopend',
    );
    expect(qa(el, 'td.insuredObject').map(cellText)).to.deep.equal([
      'Toyota Yaris Hybrid · GZ\u2011845\u2011T',
      'Lindelaan 12, 8401 GE Gorredijk',
      '–',
    ]);
    const premiums = qa(el, 'td.premium').map(cellText);
    expect(premiums[0]).to.match(/^€\s?58,23 per\smaand$/);
    expect(premiums[1]).to.match(/^€\s?240,00 per\sjaar$/);
    await expect(el).to.be.accessible();
  });

  it('sums the running premiums per month, converted and labelled, unless the broker hides it', async () => {
    await useSignedInHub({ endpoints: { contracts: { items: ITEMS } } });
    const el = await fixtureUntil<AnvaContracts>(html`<anva-contracts></anva-contracts>`, 'ready');
    const summary = () => el.shadowRoot!.querySelector('[part~="summary"]');
    // € 58,23 a month and € 240 a year (€ 20 a month); the ended moped does not count.
    expect(summary()!.textContent!.replace(/\s+/g, ' ').trim()).to.match(
      /^Totaal €\s?78,23 per maand Van lopende verzekeringen; premies per jaar omgerekend naar een maand\.$/,
    );
    el.lang = 'en';
    await waitUntil(() => summary()!.textContent!.includes('Total'));
    expect(summary()!.textContent).to.match(/Total €78\.23 a month/);
    el.hideSummary = true;
    await el.updateComplete;
    expect(summary()).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('never breaks a word inside itself, not even a long insurer name or policy number', async () => {
    await useSignedInHub({ endpoints: { contracts: { items: ITEMS } } });
    const wrapper = await fixture<HTMLDivElement>(
      html`<div style="width: 1100px"><anva-contracts></anva-contracts></div>`,
    );
    const el = wrapper.querySelector<AnvaContracts>('anva-contracts')!;
    await until(el, 'ready');
    const broken: string[] = [];
    for (const cell of qa(el, 'td')) {
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (const match of node.textContent!.matchAll(/\S+/g)) {
          const range = document.createRange();
          range.setStart(node, match.index);
          range.setEnd(node, match.index + match[0].length);
          const lines = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top)));
          if (lines.size > 1) broken.push(match[0]);
        }
      }
    }
    expect(broken).to.deep.equal([]);
    expect(getComputedStyle(qa(el, 'td')[1]!).overflowWrap).to.equal('normal');
  });

  it('after Volgende shows the top of the list with focus on it, also on the last page', async () => {
    await useSignedInHub({ endpoints: { contracts: { items: MANY } } });
    const wrapper = await fixture<HTMLDivElement>(
      html`<div>
        <div style="height: 150vh"></div>
        <anva-contracts></anva-contracts>
      </div>`,
    );
    const el = wrapper.querySelector<AnvaContracts>('anva-contracts')!;
    await until(el, 'ready');
    for (const page of [2, 3]) {
      const next = el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="next"]')!;
      next.scrollIntoView();
      next.focus();
      next.click();
      await el.updateComplete;
      await new Promise(requestAnimationFrame);
      const table = el.shadowRoot!.querySelector('table')!;
      expect(focused()).to.equal(table);
      expect(table.querySelector('caption')!.textContent!.trim()).to.equal(
        `Verzekeringen, pagina ${page} van 3`,
      );
      const top = el.getBoundingClientRect().top;
      expect(top).to.be.at.least(-1);
      expect(top).to.be.below(innerHeight);
    }
    await expect(el).to.be.accessible();
  });

  it('keeps page, search, filter and sort in the history entry, next to the host page’s own', async () => {
    await useSignedInHub({ endpoints: { contracts: { items: MANY } } });
    history.replaceState({ host: 'mine' }, '', `${location.pathname}?tab=polissen`);
    const el = await fixtureUntil<AnvaContracts>(html`<anva-contracts></anva-contracts>`, 'ready');
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="next"]')!.click();
    await el.updateComplete;
    el.shadowRoot!.querySelector<HTMLButtonElement>('th:nth-child(2) button')!.click();
    await el.updateComplete;
    const input = el.shadowRoot!.querySelector('input')!;
    input.value = 'polis';
    input.dispatchEvent(new Event('input'));
    await el.updateComplete;
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="next"]')!.click();
    await el.updateComplete;
    // The host's query and its own state stay.
    expect(location.search).to.equal('?tab=polissen');
    expect((history.state as { host: string }).host).to.equal('mine');
    // Back from a policy: a new page load finds the same list.
    const saved = history.state as object;
    el.remove();
    history.replaceState(saved, '');
    const again = await fixtureUntil<AnvaContracts>(
      html`<anva-contracts></anva-contracts>`,
      'ready',
    );
    expect(again.shadowRoot!.querySelector('input')!.value).to.equal('polis');
    expect(textOf(again)).to.contain('Pagina 2 van 3');
    expect(again.shadowRoot!.querySelector('th:nth-child(2)')!.getAttribute('aria-sort')).to.equal(
      'ascending',
    );
    history.replaceState(null, '', location.pathname);
  });

  it('survives Object.prototype’s names as values, and never links an id of dots', async () => {
    const hostile = [
      {
        id: '..',
        status: 'constructor',
        metadata: { productDescription: '__proto__', collectionMethod: 'constructor' },
      },
      {
        id: '.',
        status: 'toString',
        metadata: { insuredObject: { type: 'constructor', make: 'valueOf' } },
      },
    ];
    await useSignedInHub({ endpoints: { contracts: { items: hostile } } });
    const el = await fixtureUntil<AnvaContracts>(
      html`<anva-contracts
        detail-href="/polis/{id}"
        columns="description,collectionMethod,insuredObject,status,constructor"
      ></anva-contracts>`,
      'ready',
    );
    expect(qa(el, 'a')).to.have.length(0);
    expect(qa(el, '[part~="choose"]')).to.have.length(2);
    expect(textOf(el)).to.contain('__proto__');
    expect(textOf(el)).not.to.contain('function');
    await expect(el).to.be.accessible();
  });

  it('speaks je on request and English on an English page', async () => {
    await useSignedInHub({ endpoints: { contracts: { status: 403, times: 10 } } });
    for (const [tone, lang, text] of [
      ['formal', 'nl', 'U hebt geen toegang tot deze gegevens.'],
      ['informal', 'nl', 'Je hebt geen toegang tot deze gegevens.'],
      ['informal', 'en', 'You do not have access to this information.'],
    ] as const) {
      const el = await fixtureUntil<AnvaContracts>(
        html`<anva-contracts tone=${tone} lang=${lang}></anva-contracts>`,
        'error',
      );
      expect(textOf(el)).to.equal(text);
      await expect(el).to.be.accessible();
    }
  });
});
