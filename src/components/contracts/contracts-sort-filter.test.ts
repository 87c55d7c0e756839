import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { useSignedInHub } from '../../../test/browser/support/fake-hub.js';
import { fixtureUntil, focused, tabTo, textOf, until } from '../../../test/browser/support/dom.js';
import { CLASSIC, MANY, column, numbers, q, qa } from '../../../test/browser/support/contracts.js';
import type { AnvaContracts } from './contracts.component.js';
import './contracts.js';

describe('<anva-contracts> sort, status and search', () => {
  // The list keeps its page, search, filter and sort in the history entry: each test starts afresh.
  afterEach(() => history.replaceState(null, ''));

  it('sorts by every column with the keyboard, with aria-sort', async () => {
    await useSignedInHub({ endpoints: { contracts: { items: MANY } } });
    const el = await fixture<AnvaContracts>(
      html`<div><button>voor</button><anva-contracts columns=${CLASSIC}></anva-contracts></div>`,
    ).then((div) => div.querySelector('anva-contracts')!);
    await until(el, 'ready');
    document.querySelector<HTMLButtonElement>('button')!.focus();
    const header = await tabTo((b) => b.textContent!.includes('Polisnummer'));
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    const th = header.closest('th')!;
    expect(th.getAttribute('aria-sort')).to.equal('ascending');
    expect(column(el, 1)).to.deep.equal(['A-9', 'A-10', 'B-2', 'C-1', 'D-1', 'E-1', 'F-1']);
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(th.getAttribute('aria-sort')).to.equal('descending');
    expect(column(el, 1)[0]).to.equal('F-1');
    expect(focused()).to.equal(header);
    for (const [index, first] of [
      [0, ''],
      [2, 'Autoverzekering, Polisnummer B-2, Lopend'],
      [3, '–'],
      // Status sorts in reading order: running, future, ended.
      [4, 'Lopend'],
    ] as const) {
      q<HTMLButtonElement>(el, `th:nth-child(${index + 1}) button`).click();
      await el.updateComplete;
      expect(qa(el, 'th[aria-sort="ascending"]')).to.have.length(1);
      if (first) expect(column(el, index)[0]).to.equal(first);
    }
    await expect(el).to.be.accessible();
  });

  it('shows status badges, derived Toekomstig/Verlopen, unknown as given', async () => {
    await useSignedInHub({ endpoints: { contracts: { items: MANY } } });
    const el = await fixtureUntil<AnvaContracts>(
      html`<anva-contracts columns=${CLASSIC}></anva-contracts>`,
      'ready',
    );
    // Running policies first, then future, then ended; unknown statuses last.
    expect(qa(el, '[part~="status"]').map((s) => s.textContent!.trim())).to.deep.equal([
      'Lopend',
      'Opgeschort',
      'Premievrij',
      'Toekomstig',
      'Verlopen',
      'Beëindigd',
      'In onderzoek',
    ]);
    expect(column(el, 3).slice(0, 3)).to.deep.equal([
      'Basisvolmacht',
      'Noordhollandsche',
      'Uitvaartzorg Noord',
    ]);
    const icon = q(el, '[part~="icon"]');
    expect(icon.getAttribute('role')).to.equal('img');
    expect(icon.getAttribute('aria-label')).to.equal('Personenauto');
  });

  it('filters by status and searches with the keyboard, announcing the count politely', async () => {
    await useSignedInHub({ endpoints: { contracts: { items: MANY } } });
    const el = await fixture<AnvaContracts>(
      html`<div><button>voor</button><anva-contracts></anva-contracts></div>`,
    ).then((div) => div.querySelector('anva-contracts')!);
    await until(el, 'ready');
    const count = q(el, '[part~="count"]');
    expect(count.getAttribute('role')).to.equal('status');
    document.querySelector<HTMLButtonElement>('button')!.focus();
    await tabTo((e) => e.localName === 'input');
    await sendKeys({ type: 'basisvolmacht' });
    await el.updateComplete;
    expect(count.textContent!.trim()).to.equal('2 van 7 verzekeringen');
    expect(numbers(el)).to.deep.equal(['B-2', 'C-1']);
    await sendKeys({ press: 'Tab' });
    expect(focused()!.localName).to.equal('select');
    // A focused closed select changes its value with the arrow keys.
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(count.textContent!.trim()).to.equal('1 van 7 verzekeringen');
    expect(numbers(el)).to.deep.equal(['B-2']);
    const input = q<HTMLInputElement>(el, 'input');
    input.value = '';
    input.dispatchEvent(new Event('input'));
    await el.updateComplete;
    // Only the filter is left: the one running contract (the others are Toekomstig and Verlopen).
    expect(count.textContent!.trim()).to.equal('1 van 7 verzekeringen');
    input.value = 'zzz';
    input.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect(textOf(el)).to.contain('Geen verzekeringen gevonden met deze zoekopdracht.');
    await expect(el).to.be.accessible();
  });
});
