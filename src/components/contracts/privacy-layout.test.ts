import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { anva } from '../../core/registry.js';
import { useSignedInHub } from '../../../test/browser/support/fake-hub.js';
import { fixtureUntil, until } from '../../../test/browser/support/dom.js';
import type { AnvaAccount } from '../account/account.component.js';
import type { AnvaContractDetail } from '../contract-detail/contract-detail.component.js';
import type { AnvaContracts } from './contracts.component.js';
import '../account/account.js';
import '../contract-detail/contract-detail.js';
import './contracts.js';

const SECRET = 'GEHEIM-4711';

const CONTRACTS = [
  {
    id: 'p1',
    status: 'Lopend',
    metadata: {
      contractNumber: SECRET,
      productDescription: 'Woonhuisverzekering met een lange omschrijving die niet past',
      porCompany: { code: 'N013', name: 'Noordhollandsche van 1816' },
      effectiveDate: '2020-01-01',
    },
  },
  {
    id: 'p2',
    status: 'Opgeschort',
    metadata: { contractNumber: 'GEHEIM-4712', productDescription: 'Autoverzekering' },
  },
];

/** A contract with coverages, long names and amounts, as a narrow column must hold it. */
const DETAIL = {
  ...CONTRACTS[0],
  metadata: {
    ...CONTRACTS[0]!.metadata,
    coverages: [
      {
        code: '2001',
        label: 'Wettelijke aansprakelijkheid motorrijtuigen',
        insuredAmount: 6100000,
        deductible: 0,
      },
      {
        code: '2010',
        label: 'Pechhulp Nederland en Europa',
        insuredAmount: 25000,
        deductible: 150,
      },
    ],
    insuredObject: { type: 'vehicle', licensePlate: 'GZ-845-T', make: 'Toyota', buildYear: 2019 },
  },
};

/**
 * The paths to every string containing `needle` reachable from the element's own
 * fields (private ones included): objects, arrays, maps and sets, not the DOM.
 */
function reachable(root: object, needle: string): string[] {
  const found: string[] = [];
  const seen = new Set<unknown>();
  const visit = (value: unknown, path: string): void => {
    if (typeof value === 'string') {
      if (value.includes(needle)) found.push(path);
      return;
    }
    if (!value || typeof value !== 'object' || seen.has(value) || value instanceof Node) return;
    seen.add(value);
    if (value instanceof Map)
      for (const [key, item] of value) {
        visit(key, `${path}.<key>`);
        visit(item, `${path}.get(${String(key)})`);
      }
    else if (value instanceof Set) for (const item of value) visit(item, `${path}.<item>`);
    for (const key of Object.getOwnPropertyNames(value))
      visit((value as Record<string, unknown>)[key], `${path}.${key}`);
  };
  for (const key of Object.getOwnPropertyNames(root))
    visit((root as Record<string, unknown>)[key], key);
  return found;
}

describe('<anva-contracts> after sign-out', () => {
  it('keeps no contract data of the signed-out customer', async () => {
    await useSignedInHub({ endpoints: { contracts: { items: CONTRACTS } } });
    const el = await fixtureUntil<AnvaContracts>(html`<anva-contracts></anva-contracts>`, 'ready');
    // The check itself finds the data while it is on show.
    expect(reachable(el, SECRET)).not.to.deep.equal([]);
    await anva().session.signOut('user');
    await until(el, 'signed-out');
    expect(reachable(el, SECRET)).to.deep.equal([]);
    expect(el.shadowRoot!.textContent).not.to.contain(SECRET);
  });

  it('lets go of the old list as soon as another one is on its way', async () => {
    const hub = await useSignedInHub({ endpoints: { contracts: { items: CONTRACTS } } });
    const el = await fixtureUntil<AnvaContracts>(html`<anva-contracts></anva-contracts>`, 'ready');
    await hub.scenario({ endpoints: { contracts: { items: [], delayMs: 300 } } });
    anva().client.invalidate();
    await until(el, 'loading');
    expect(reachable(el, SECRET)).to.deep.equal([]);
    await until(el, 'empty');
    expect(reachable(el, SECRET)).to.deep.equal([]);
  });
});

/** A broker's 480 px sidebar column: plain, on a page with a 10 px root font (`62.5%`), in a flex row. */
const COLUMNS = {
  plain: 'width: 480px',
  'small root font': 'width: 480px; font-size: 16px',
  'flex row': 'width: 480px; display: flex',
} as const;

for (const [name, style] of Object.entries(COLUMNS)) {
  describe(`widgets in a narrow column on a wide screen (${name})`, () => {
    before(async () => {
      await setViewport({ width: 1280, height: 800 });
      if (name === 'small root font') document.documentElement.style.fontSize = '62.5%';
    });
    after(async () => {
      document.documentElement.style.fontSize = '';
      await setViewport({ width: 800, height: 600 });
    });

    const inColumn = async <T extends HTMLElement>(widget: ReturnType<typeof html>) =>
      (await fixture<HTMLElement>(html`<div style=${style}>${widget}</div>`))
        .firstElementChild as T;

    /** Every box in the widget wider than it shows; the widget itself takes the column's width. */
    const overflow = (el: HTMLElement): string[] => {
      expect(el.getBoundingClientRect().width).to.equal(480);
      return (
        [el, ...el.shadowRoot!.querySelectorAll<HTMLElement>('*')]
          // Text for screen readers only sits in a 1 px box on purpose (caption, stacked headers).
          .filter((node) => node.scrollWidth > node.clientWidth && node.clientWidth > 1)
          .map(
            (node) => `${node.localName}.${node.className} ${node.scrollWidth}>${node.clientWidth}`,
          )
      );
    };

    it('shows contracts as cards without overflowing', async () => {
      await useSignedInHub({ endpoints: { contracts: { items: CONTRACTS } } });
      const el = await inColumn<AnvaContracts>(html`<anva-contracts></anva-contracts>`);
      await until(el, 'ready');
      expect(overflow(el)).to.deep.equal([]);
      expect(el.scrollWidth).to.be.at.most(el.clientWidth);
      expect(getComputedStyle(el.shadowRoot!.querySelector('table')!).display).to.equal('block');
      const row = el.shadowRoot!.querySelector('tbody tr')!;
      expect(getComputedStyle(row).display).to.equal('grid');
    });

    it('shows a contract’s coverages as stacked lines without overflowing', async () => {
      await useSignedInHub({ endpoints: { contract: { items: [DETAIL] } } });
      const el = await inColumn<AnvaContractDetail>(
        html`<anva-contract-detail contract-id="p1"></anva-contract-detail>`,
      );
      await until(el, 'ready');
      expect(el.shadowRoot!.querySelectorAll('tbody tr')).to.have.length(2);
      expect(overflow(el)).to.deep.equal([]);
      expect(getComputedStyle(el.shadowRoot!.querySelector('table')!).display).to.equal('block');
    });

    it('shows the account without overflowing', async () => {
      await useSignedInHub();
      const el = await inColumn<AnvaAccount>(html`<anva-account></anva-account>`);
      await until(el, 'ready');
      expect(overflow(el)).to.deep.equal([]);
    });
  });
}
