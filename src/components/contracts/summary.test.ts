import { expect } from '@open-wc/testing';
import { render } from 'lit';
import { formatter } from '../../format/index.js';
import { en, nl } from '../../i18n/index.js';
import { parseColumns, toRows } from './rows.js';
import { premiumSummary, summaryView } from './summary.js';

const contract = (id: string, status: string, totalPremium: unknown, paymentTerm?: unknown) => ({
  id,
  status,
  metadata: { contractNumber: `N-${id}`, totalPremium, paymentTerm },
});

/** Every way a term arrives: AFD numbers, ANVA text, Dutch and English words, codes, none, a single premium. */
const CONTRACTS = [
  contract('month', 'Lopend', 10, 1),
  contract('none', 'Lopend', 5),
  contract('quarter', 'Lopend', 30, 'kwartaal'),
  contract('half', 'Lopend', 60, 'semi-annually'),
  contract('year', 'Lopend', '1.200,00', 'J'),
  contract('year2', 'Lopend', 120, 'annually'),
  contract('once', 'Lopend', 500, 'eenmalig'),
  contract('ended', 'Geroyeerd', 1000, 1),
];

const rowsIn = (lang: typeof nl) => {
  const f = formatter(lang);
  return toRows(CONTRACTS, parseColumns(undefined, f), f);
};

const summaryText = (lang: typeof nl, rows = rowsIn(lang)) => {
  const host = document.createElement('div');
  render(summaryView(formatter(lang), rows), host);
  return host.textContent!.replace(/\s+/g, ' ').trim();
};

describe('premium summary', () => {
  it('converts every term to a month and leaves out single premiums and ended policies', () => {
    const summary = premiumSummary(rowsIn(nl))!;
    // 10 + 5 + 30/3 + 60/6 + 1200/12 + 120/12
    expect(summary.monthly).to.be.closeTo(145, 0.001);
    expect(summary.converted).to.deep.equal([3, 6, 12]);
    expect(summary.uncounted).to.equal(1);
  });

  it('names the converted terms and what is not counted, in Dutch', () => {
    expect(summaryText(nl)).to.match(
      /^Totaal €\s?145,00 per maand Van lopende verzekeringen; premies per kwartaal, per halfjaar en per jaar omgerekend naar een maand\. Zonder 1 verzekering met een eenmalige of onbekende termijn\.$/,
    );
  });

  it('names the converted terms and what is not counted, in English', () => {
    // The list's last comma is the locale's choice (`en-GB` writes none).
    expect(summaryText(en)).to.match(
      /^Total €145\.00 a month Of active policies; premiums per quarter, per half year,? and per year converted to a month\. Not counting 1 policy with a single or unknown term\.$/,
    );
  });

  it('says nothing of conversion when every premium is monthly', () => {
    const rows = rowsIn(nl).filter((row) => ['month', 'none'].includes(row.id));
    expect(summaryText(nl, rows)).to.match(
      /^Totaal €\s?15,00 per maand Van lopende verzekeringen\.$/,
    );
    const several = rowsIn(en).filter((row) => ['month', 'once'].includes(row.id));
    several.push({ ...several[1]!, id: 'once2' });
    expect(summaryText(en, several)).to.contain(
      'Not counting 2 policies with a single or unknown term.',
    );
    expect(premiumSummary(rowsIn(nl).filter((row) => row.id === 'once'))).to.equal(undefined);
  });
});
