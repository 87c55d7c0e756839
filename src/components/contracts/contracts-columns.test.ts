import { expect, fixture, html } from '@open-wc/testing';
import { en, nl } from '../../i18n/index.js';
import { useSignedInHub } from '../../../test/browser/support/fake-hub.js';
import { fixtureUntil, textOf, until } from '../../../test/browser/support/dom.js';
import { MANY, column, numbers, q, qa } from '../../../test/browser/support/contracts.js';
import type { AnvaContracts } from './contracts.component.js';
import './contracts.js';

describe('<anva-contracts> columns, paging and language', () => {
  // The list keeps its page, search, filter and sort in the history entry: each test starts afresh.
  afterEach(() => history.replaceState(null, ''));

  it('shows the columns a broker picks, in their order, any metadata key allowed', async () => {
    await useSignedInHub({
      endpoints: {
        contracts: {
          items: [
            {
              id: '1',
              status: 'Lopend',
              metadata: {
                contractNumber: 'X',
                premium: 12.5,
                annualMileage: 15000,
                effectiveDate: '2021-03-01',
              },
            },
          ],
        },
      },
    });
    const el = await fixtureUntil<AnvaContracts>(
      html`<anva-contracts
        columns="annualMileage, contractNumber,PP_BTP,effectiveDate,status"
      ></anva-contracts>`,
      'ready',
    );
    expect(qa(el, 'th').map((th) => th.textContent!.trim().replace(/[↑↓↕]/, ''))).to.deep.equal([
      'Kilometrage per jaar',
      'Polisnummer',
      'Premie',
      'Ingangsdatum',
      'Status',
    ]);
    expect(column(el, 0)[0]).to.equal('15.000 km');
    expect(column(el, 2)[0]).to.match(/€\s?12,50/);
    expect(column(el, 3)[0]).to.contain('1 mrt 2021');
  });

  it('pages through 1 000 contracts quickly', async () => {
    const items = Array.from({ length: 1000 }, (_, i) => ({
      id: String(i + 1),
      status: ['Lopend', 'Opgeschort', 'Premievrij'][i % 3],
      metadata: {
        contractNumber: `N-${String(i + 1).padStart(4, '0')}`,
        productDescription: `Verzekering ${i + 1}`,
        porCompany: { code: 'N013', name: `Aanbieder ${i % 7}` },
        effectiveDate: '2020-01-01',
        premium: i,
      },
    }));
    await useSignedInHub({ endpoints: { contracts: { items } } });
    const el = await fixtureUntil<AnvaContracts>(
      html`<anva-contracts page-size="25"></anva-contracts>`,
      'ready',
    );
    expect(qa(el, 'tbody tr')).to.have.length(25);
    expect(textOf(el)).to.contain('Pagina 1 van 40');
    const next = q<HTMLButtonElement>(el, '[part~="next"]');
    next.click();
    await el.updateComplete;
    // Running first: the 26th running contract is the 76th of the Hub's list.
    expect(numbers(el)[0]).to.equal('N-0076');
    expect(textOf(el)).to.contain('Pagina 2 van 40');
    await expect(el).to.be.accessible();
  });

  it('renders 1 000 contracts a page at a time, or all of them with page-size', async () => {
    const items = Array.from({ length: 1000 }, (_, i) => ({
      id: String(i + 1),
      status: ['Lopend', 'Opgeschort', 'Premievrij', 'Geroyeerd'][i % 4],
      metadata: {
        contractNumber: `N-${i + 1}`,
        productDescription: `Bedrijfsauto ${i + 1}, WA + casco`,
        afdDefinitionName: 'Bestelauto',
        porCompany: { code: 'N013', name: `Aanbieder ${i % 9}` },
        effectiveDate: '2020-01-01',
        premium: i * 1.5,
      },
    }));
    await useSignedInHub({ endpoints: { contracts: { items } } });
    const paged = await fixtureUntil<AnvaContracts>(
      html`<anva-contracts></anva-contracts>`,
      'ready',
    );
    expect(paged.shadowRoot!.querySelectorAll('tbody tr')).to.have.length(20);
    const all = await fixtureUntil<AnvaContracts>(
      html`<anva-contracts page-size="1000"></anva-contracts>`,
      'ready',
    );
    expect(all.shadowRoot!.querySelectorAll('tbody tr')).to.have.length(1000);
  });

  it('shows no English in the Dutch table and no Dutch in the English one', async () => {
    await useSignedInHub({ endpoints: { contracts: { items: MANY } } });
    const texts = (m: object): string[] =>
      Object.values(m).flatMap((v) =>
        typeof v === 'string' ? [v] : v && typeof v === 'object' ? texts(v) : [],
      );
    // Words both languages write the same way say nothing about leaks.
    const distinct = (a: string[], b: string[]) =>
      a.filter((t) => t.length > 3 && !b.includes(t) && !['Status', 'Type'].includes(t));
    const dutch = await fixture<AnvaContracts>(html`<anva-contracts lang="nl"></anva-contracts>`);
    const english = await fixture<AnvaContracts>(html`<anva-contracts lang="en"></anva-contracts>`);
    await until(dutch, 'ready');
    await until(english, 'ready');
    // The widget's own words: toolbar, headers, badges, icon labels (the data is Dutch anyway).
    const ui = (el: AnvaContracts) =>
      qa(el, '[part~="toolbar"], thead, [part~="status"], [part~="icon"]')
        .map((node) => `${node.textContent} ${node.getAttribute('aria-label') ?? ''}`)
        .join(' ');
    // Whole words only: the English "Person" is no leak inside the Dutch "Personenauto".
    const says = (text: string, t: string) =>
      new RegExp(`(^|\\P{L})${t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(\\P{L}|$)`, 'u').test(text);
    const nlOnly = distinct(texts(nl), texts(en));
    const enOnly = distinct(texts(en), texts(nl));
    expect(enOnly.filter((t) => says(ui(dutch), t))).to.deep.equal([]);
    expect(nlOnly.filter((t) => says(ui(english), t))).to.deep.equal([]);
    expect(ui(english)).to.contain('Suspended');
    expect(ui(english)).to.contain('Car');
    expect(ui(dutch)).to.contain('Opgeschort');
  });
});
