import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { anva } from '../../core/registry.js';
import { en, nl } from '../../i18n/index.js';
import { signInAsCustomer, useFakeHub } from '../../../test/browser/support/fake-hub.js';
import { cellText, focused, tabTo, textOf, until } from '../../../test/browser/support/dom.js';
import type { AnvaContracts } from './contracts.component.js';
import './contracts.js';

const q = <T extends Element>(el: AnvaContracts, selector: string) =>
  el.shadowRoot!.querySelector<T>(selector)!;
const qa = (el: AnvaContracts, selector: string) => [
  ...el.shadowRoot!.querySelectorAll<HTMLElement>(selector),
];
/** The policy numbers under the descriptions, in row order. */
const numbers = (el: AnvaContracts) =>
  qa(el, '[part~="number"]').map((n) => n.textContent!.trim().replace('Polisnummer ', ''));
/** The columns this suite was first written for: the number in its own column. */
const CLASSIC = 'type,contractNumber,description,provider,status';
/** A column's texts, without the labels cards show. */
const column = (el: AnvaContracts, index: number) =>
  qa(el, 'tbody tr').map((row) => cellText(row.querySelectorAll('td')[index]!));

/** Contracts with every status, for sorting and filtering. */
const MANY = [
  {
    id: 'c1',
    status: 'Lopend',
    metadata: {
      contractNumber: 'B-2',
      productDescription: 'Autoverzekering',
      afdDefinitionName: 'Personenauto',
      porCompany: { code: 'N013', name: 'Basisvolmacht' },
    },
  },
  {
    id: 'c2',
    status: 'Opgeschort',
    metadata: {
      contractNumber: 'A-10',
      productDescription: 'Motorverzekering',
      porCompany: { code: 'N048', name: 'Noordhollandsche' },
    },
  },
  {
    id: 'c3',
    status: 'Premievrij',
    metadata: {
      contractNumber: 'A-9',
      productDescription: 'Uitvaartverzekering',
      porCompany: 'Uitvaartzorg Noord',
    },
  },
  {
    id: 'c4',
    status: 'Geroyeerd',
    metadata: {
      contractNumber: 'C-1',
      productDescription: 'Woonhuis',
      porCompany: 'Basisvolmacht',
    },
  },
  {
    id: 'c5',
    status: 'Lopend',
    metadata: { contractNumber: 'D-1', productDescription: 'Reis', effectiveDate: '2999-01-01' },
  },
  {
    id: 'c6',
    status: 'Lopend',
    metadata: {
      contractNumber: 'E-1',
      productDescription: 'Rechtsbijstand',
      expiryDate: '2001-01-01',
    },
  },
  {
    id: 'c7',
    status: 'In onderzoek',
    metadata: { contractNumber: 'F-1', productDescription: 'Inboedel' },
  },
];

describe('<anva-contracts>', () => {
  // The list keeps its page, search, filter and sort in the history entry: each test starts afresh.
  afterEach(() => history.replaceState(null, ''));

  it('is signed out with an explanation and Inloggen', async () => {
    await useFakeHub();
    const el = await fixture<AnvaContracts>(html`<anva-contracts></anva-contracts>`);
    await until(el, 'signed-out');
    expect(textOf(el)).to.equal('Log in om uw verzekeringen te bekijken. Inloggen');
    expect(q(el, 'button').textContent!.trim()).to.equal('Inloggen');
    await expect(el).to.be.accessible();
  });

  it('shows the broker’s signed-out slot instead', async () => {
    await useFakeHub();
    const el = await fixture<AnvaContracts>(
      html`<anva-contracts><p slot="signed-out">Eerst inloggen a.u.b.</p></anva-contracts>`,
    );
    await until(el, 'signed-out');
    const slot = q<HTMLSlotElement>(el, 'slot[name="signed-out"]');
    expect(slot.assignedElements()[0]!.textContent).to.equal('Eerst inloggen a.u.b.');
  });

  it('shows a skeleton while loading, then the table', async () => {
    await useFakeHub({ endpoints: { contracts: { delayMs: 400 } } });
    await signInAsCustomer();
    const el = await fixture<AnvaContracts>(html`<anva-contracts></anva-contracts>`);
    await until(el, 'loading');
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
    await useFakeHub({ endpoints: { contracts: { delayMs: 300, times: 1 } } });
    await signInAsCustomer();
    const el = await fixture<AnvaContracts>(html`<anva-contracts></anva-contracts>`);
    await until(el, 'loading');
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
    await useFakeHub({ endpoints: { contracts: { items: [] } } });
    await signInAsCustomer();
    const el = await fixture<AnvaContracts>(html`<anva-contracts></anva-contracts>`);
    await until(el, 'empty');
    expect(textOf(el)).to.contain('Er zijn nog geen verzekeringen om te tonen.');
    await expect(el).to.be.accessible();
  });

  it('shows a calm error, fires anva-error and retries', async () => {
    await useFakeHub({ endpoints: { contracts: { status: 503, times: 10 } } });
    await signInAsCustomer();
    const errors: CustomEvent[] = [];
    document.addEventListener('anva-error', (e) => errors.push(e), { once: true });
    const el = await fixture<AnvaContracts>(html`<anva-contracts></anva-contracts>`);
    await until(el, 'error');
    expect(textOf(el)).to.contain('Er ging iets mis bij het ophalen van uw gegevens.');
    expect(errors[0]!.detail.code).to.equal('server');
    expect(errors[0]!.detail.retryable).to.equal(true);
    expect(JSON.stringify(errors[0]!.detail)).not.to.match(/eyJ/);
    await expect(el).to.be.accessible();
  });

  it('recovers with Opnieuw proberen', async () => {
    // The client retries twice by itself; the third answer fails too.
    await useFakeHub({ endpoints: { contracts: { status: 500, times: 3 } } });
    await signInAsCustomer();
    const el = await fixture<AnvaContracts>(html`<anva-contracts></anva-contracts>`);
    await until(el, 'error');
    const retry = q<HTMLButtonElement>(el, '[part~="retry"]');
    expect(retry.textContent!.trim()).to.equal('Opnieuw proberen');
    retry.click();
    await until(el, 'ready');
    expect(qa(el, 'tbody tr')).to.have.length(3);
  });

  it('shows the configuration error for the web team, naming the attribute', async () => {
    await useFakeHub({}, { settings: false });
    const hub = document.createElement('anva-hub');
    hub.setAttribute('authority', 'https://login.example');
    hub.setAttribute('api-base', 'https://api.example');
    document.body.append(hub);
    const el = await fixture<AnvaContracts>(html`<anva-contracts></anva-contracts>`);
    try {
      await until(el, 'error');
      expect(textOf(el)).to.contain('Configuratiefout');
      expect(textOf(el)).to.contain('client-id');
      await expect(el).to.be.accessible();
    } finally {
      hub.remove();
    }
  });

  it('sorts by every column with the keyboard, with aria-sort', async () => {
    await useFakeHub({ endpoints: { contracts: { items: MANY } } });
    await signInAsCustomer();
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
    await useFakeHub({ endpoints: { contracts: { items: MANY } } });
    await signInAsCustomer();
    const el = await fixture<AnvaContracts>(
      html`<anva-contracts columns=${CLASSIC}></anva-contracts>`,
    );
    await until(el, 'ready');
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
    await useFakeHub({ endpoints: { contracts: { items: MANY } } });
    await signInAsCustomer();
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

  it('chooses a contract with the keyboard: a cancelable event, then the page-wide selection', async () => {
    await useFakeHub();
    await signInAsCustomer();
    const el = await fixture<AnvaContracts>(
      html`<div><button>voor</button><anva-contracts></anva-contracts></div>`,
    ).then((div) => div.querySelector('anva-contracts')!);
    await until(el, 'ready');
    document.querySelector<HTMLButtonElement>('button')!.focus();
    await tabTo((e) => e.textContent!.trim() === 'Verzekering, Polisnummer PP-77-2, Opgeschort');
    const event = oneEvent(el, 'anva-contract-select');
    await sendKeys({ press: 'Enter' });
    const { detail, bubbles, composed, cancelable } = await event;
    expect([detail.id, bubbles, composed, cancelable]).to.deep.equal(['9002', true, true, true]);
    expect(detail.contract!.metadata.contractNumber).to.equal('PP-77-2');
    expect(anva().selection.current?.id).to.equal('9002');

    el.addEventListener('anva-contract-select', (e) => e.preventDefault(), { once: true });
    q<HTMLButtonElement>(el, 'tbody tr:nth-child(3) [part~="choose"]').click();
    expect(anva().selection.current?.id).to.equal('9002');
  });

  it('makes rows real links with detail-href, the id URL-encoded', async () => {
    await useFakeHub({
      endpoints: { contracts: { items: [{ id: 'a/b c', status: 'Lopend', metadata: {} }] } },
    });
    await signInAsCustomer();
    const el = await fixture<AnvaContracts>(
      html`<anva-contracts detail-href="/polis?id={id}&amp;x=1"></anva-contracts>`,
    );
    await until(el, 'ready');
    const link = q<HTMLAnchorElement>(el, 'a[part~="link"]');
    expect(link.getAttribute('href')).to.equal('/polis?id=a%2Fb%20c&x=1');
    // Cancelling the event stops the navigation.
    el.addEventListener('anva-contract-select', (e) => e.preventDefault(), { once: true });
    const click = new MouseEvent('click', { bubbles: true, cancelable: true, composed: true });
    link.dispatchEvent(click);
    expect(click.defaultPrevented).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('never builds a javascript: link from detail-href', async () => {
    await useFakeHub();
    await signInAsCustomer();
    const el = await fixture<AnvaContracts>(
      html`<anva-contracts detail-href="javascript:alert('{id}')"></anva-contracts>`,
    );
    await until(el, 'ready');
    expect(qa(el, 'a')).to.have.length(0);
    expect(qa(el, '[part~="choose"]')).to.have.length(3);
  });

  it('keeps HTML and scripts in API values as text', async () => {
    const evil = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>';
    await useFakeHub({
      endpoints: {
        contracts: {
          items: [
            {
              id: 'javascript:alert(1)',
              status: evil,
              metadata: {
                contractNumber: evil,
                productDescription: evil,
                porCompany: 'javascript:alert(1)',
              },
            },
          ],
        },
      },
    });
    await signInAsCustomer();
    const el = await fixture<AnvaContracts>(
      html`<anva-contracts detail-href="/polis/{id}"></anva-contracts>`,
    );
    await until(el, 'ready');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((window as { __xss?: number }).__xss).to.equal(undefined);
    expect(qa(el, 'img, script')).to.have.length(0);
    expect(textOf(el)).to.contain(evil);
    expect(q(el, 'a').getAttribute('href')).to.equal('/polis/javascript%3Aalert(1)');
  });

  it('shows the columns a broker picks, in their order, any metadata key allowed', async () => {
    await useFakeHub({
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
    await signInAsCustomer();
    const el = await fixture<AnvaContracts>(
      html`<anva-contracts
        columns="annualMileage, contractNumber,PP_BTP,effectiveDate,status"
      ></anva-contracts>`,
    );
    await until(el, 'ready');
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
    await useFakeHub({ endpoints: { contracts: { items } } });
    await signInAsCustomer();
    const el = await fixture<AnvaContracts>(html`<anva-contracts page-size="25"></anva-contracts>`);
    await until(el, 'ready');
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
    await useFakeHub({ endpoints: { contracts: { items } } });
    await signInAsCustomer();
    const paged = await fixture<AnvaContracts>(html`<anva-contracts></anva-contracts>`);
    await until(paged, 'ready');
    expect(paged.shadowRoot!.querySelectorAll('tbody tr')).to.have.length(20);
    const all = await fixture<AnvaContracts>(
      html`<anva-contracts page-size="1000"></anva-contracts>`,
    );
    await until(all, 'ready');
    expect(all.shadowRoot!.querySelectorAll('tbody tr')).to.have.length(1000);
  });

  it('shows no English in the Dutch table and no Dutch in the English one', async () => {
    await useFakeHub({ endpoints: { contracts: { items: MANY } } });
    await signInAsCustomer();
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
