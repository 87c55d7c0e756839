import { expect } from '@open-wc/testing';
import { formatter } from '../../format/index.js';
import { en, nl } from '../../i18n/index.js';
import { parseColumns, spansBrokers, toRows } from './rows.js';
import { premiumSummary } from './summary.js';
import { listView, type ListState } from './view.js';

const contract = (id: string, status: string, metadata: Record<string, unknown> = {}) => ({
  id,
  status,
  metadata: { contractNumber: `N-${id}`, productDescription: `Polis ${id}`, ...metadata },
});

const CONTRACTS = [
  contract('1', 'Geroyeerd'),
  contract('2', 'Lopend', {
    insuredObject: { licensePlate: 'GZ-845-T', make: 'Toyota', model: 'Yaris' },
    totalPremium: 58.23,
    paymentTermInMonths: 1,
  }),
  contract('3', 'Lopend', { effectiveDate: '2999-01-01' }),
  contract('4', 'Opgeschort', {
    insuredObject: { street: 'Lindelaan', houseNumber: 12, city: 'Gorredijk' },
  }),
  contract('5', 'Lopend', { totalPremium: 120, paymentTermInMonths: 12 }),
  contract('6', 'In onderzoek'),
];

const f = formatter(nl);
const cols = parseColumns(undefined, f);
const rows = toRows(CONTRACTS, cols, f);
const state = (patch: Partial<ListState> = {}): ListState => ({
  query: '',
  filter: '',
  sortColumn: -1,
  sortDirection: 1,
  page: 0,
  pageSize: 20,
  ...patch,
});
const ids = (patch?: Partial<ListState>) =>
  listView(rows, state(patch), 'nl-NL').rows.map((row) => row.id);

describe('the visible rows', () => {
  it('puts running policies first, then future ones, then ended ones, unknown last', () => {
    expect(ids()).to.deep.equal(['2', '5', '4', '3', '1', '6']);
  });

  it('sorts the status column in that order too, both ways', () => {
    const status = cols.findIndex((col) => col.field === 'status');
    expect(ids({ sortColumn: status })).to.deep.equal(['2', '5', '4', '3', '1', '6']);
    expect(ids({ sortColumn: status, sortDirection: -1 })).to.deep.equal([
      '6',
      '1',
      '3',
      '4',
      '2',
      '5',
    ]);
  });

  it('sorts premiums by what they cost a month', () => {
    const premium = cols.findIndex((col) => col.field === 'premium');
    // € 120 a year is € 10 a month: less than € 58,23 a month.
    expect(ids({ sortColumn: premium }).slice(-2)).to.deep.equal(['5', '2']);
  });

  it('offers the statuses present in reading order, with counts', () => {
    expect(listView(rows, state(), 'nl-NL').statuses).to.deep.equal([
      { value: 'active', label: 'Lopend', count: 2 },
      { value: 'suspended', label: 'Opgeschort', count: 1 },
      { value: 'future', label: 'Toekomstig', count: 1 },
      { value: 'ended', label: 'Beëindigd', count: 1 },
      { value: 'In onderzoek', label: 'In onderzoek', count: 1 },
    ]);
    expect(ids({ filter: 'active' })).to.deep.equal(['2', '5']);
  });

  it('searches the insured object too: licence plate (with or without dashes), make, street, town', () => {
    expect(ids({ query: 'gz-845' })).to.deep.equal(['2']);
    expect(ids({ query: 'GZ845T' })).to.deep.equal(['2']);
    expect(ids({ query: 'toyota yaris' })).to.deep.equal(['2']);
    expect(ids({ query: 'gorredijk' })).to.deep.equal(['4']);
    expect(ids({ query: 'lindelaan 12' })).to.deep.equal(['4']);
    expect(ids({ query: 'N-6' })).to.deep.equal(['6']);
  });

  it('pages, keeping the page within range', () => {
    const view = listView(rows, state({ pageSize: 4, page: 9 }), 'nl-NL');
    expect([view.page, view.pages, view.matched, view.total]).to.deep.equal([1, 2, 6, 6]);
    expect(view.rows.map((row) => row.id)).to.deep.equal(['1', '6']);
  });

  it('names the insured object and the premium per term', () => {
    const byId = new Map(rows.map((row) => [row.id, row]));
    const cell = (id: string, field: string) =>
      byId.get(id)!.cells[cols.findIndex((col) => col.field === field)];
    expect(cell('2', 'insuredObject')).to.equal('Toyota Yaris · GZ\u2011845\u2011T');
    expect(cell('4', 'insuredObject')).to.equal('Lindelaan 12, Gorredijk');
    expect(cell('2', 'premium')).to.match(/^€\s?58,23 per\smaand$/);
    expect(cell('5', 'premium')).to.match(/^€\s?120,00 per\sjaar$/);
    const english = toRows(CONTRACTS, parseColumns(undefined, formatter(en)), formatter(en));
    expect(english[4]!.cells[3]).to.equal('€120.00 per\u00a0year');
  });

  it('sums running premiums per month, saying when other terms were converted', () => {
    const summary = premiumSummary(rows)!;
    expect(summary.monthly).to.be.closeTo(68.23, 0.001);
    expect(summary.converted).to.deep.equal([12]);
    expect(premiumSummary(rows.filter((row) => row.id === '2'))).to.deep.equal({
      monthly: 58.23,
      converted: [],
      uncounted: 0,
    });
    expect(premiumSummary(rows.filter((row) => row.id === '1'))).to.equal(undefined);
  });

  it('adds a broker column only when the list spans several brokers', () => {
    const orgs = [
      { id: '1201', name: 'Verzekeringen De Vries' },
      { id: 'org-hoekstra', name: 'Hoekstra Assurantiën' },
    ];
    const two = [
      { ...contract('a', 'Lopend'), organizationId: '1201' },
      { ...contract('b', 'Lopend'), organizationId: 'org-hoekstra' },
    ];
    expect(spansBrokers(two, orgs)).to.equal(true);
    expect(spansBrokers(two.slice(0, 1), orgs)).to.equal(false);
    const columns = parseColumns(undefined, f, true);
    expect(columns.map((col) => col.label)).to.include('Adviseur');
    const brokers = toRows(two, columns, f, orgs).map((row) => row.broker);
    expect(brokers).to.deep.equal(['Verzekeringen De Vries', 'Hoekstra Assurantiën']);
    // An `organization` on the contract wins.
    const named = [{ ...two[0]!, organization: { id: '1201', name: 'De Vries' } }];
    expect(toRows(named, columns, f, orgs)[0]!.broker).to.equal('De Vries');
  });
});
