import { expect } from '@open-wc/testing';
import { en, nl } from '../i18n/index.js';
import { formatter, monthlyPremium, premiumText, termMonths, termOf, toNumber } from './index.js';

const withTerm = (paymentTerm: unknown, premium: unknown = 120) => ({
  id: '1',
  metadata: { premie: premium, termijn: paymentTerm },
});

describe('payment terms', () => {
  it('reads AFD numbers and ANVA codes, also as text with a leading zero', () => {
    for (const [value, months] of [
      [1, 1],
      [3, 3],
      [6, 6],
      [12, 12],
      ['1', 1],
      ['01', 1],
      ['03', 3],
      ['12', 12],
    ] as const)
      expect(termOf(value), JSON.stringify(value)).to.equal(months);
  });

  it('reads Dutch and English words and letter codes in any case', () => {
    const forms: Record<number, string[]> = {
      1: ['maand', 'Maandelijks', 'per maand', 'M', 'month', 'Monthly', 'per month'],
      3: ['kwartaal', 'Per kwartaal', 'K', 'Q', 'quarterly', 'every quarter'],
      6: ['halfjaar', 'halfjaarlijks', 'per half jaar', 'H', 'S', 'half-yearly', 'semi-annually'],
      12: ['jaar', 'Jaarlijks', 'per jaar', 'J', 'Y', 'A', 'annual', 'annually'],
    };
    for (const [months, values] of Object.entries(forms))
      for (const value of [...values, ...(months === '12' ? ['yearly', 'a year'] : [])])
        expect(termOf(value), value).to.equal(Number(months));
  });

  it('knows no term in a single premium, zero, a fraction or a typo', () => {
    for (const value of ['eenmalig', 'koopsom', 'single', 0, '0', -1, 1.5, 'maandag', '', null])
      expect(termOf(value), String(value)).to.equal(undefined);
  });

  it('takes one month when a contract names no term, none when its term is unreadable', () => {
    expect(termMonths({ id: '1', metadata: { premie: 10 } })).to.equal(1);
    expect(termMonths(withTerm('per kwartaal'))).to.equal(3);
    expect(termMonths(withTerm('eenmalig'))).to.equal(undefined);
    expect(monthlyPremium(withTerm('annually'))).to.equal(10);
    expect(monthlyPremium(withTerm('eenmalig'))).to.equal(undefined);
  });

  it('writes the term in words in both languages, an unknown one as given', () => {
    const f = formatter(nl);
    const e = formatter(en);
    expect(f.field('termijn', 'quarterly')).to.equal('per kwartaal');
    expect(e.field('termijn', 'Jaarlijks')).to.equal('per year');
    expect(e.field('paymentTermInMonths', 'H')).to.equal('per half year');
    expect(premiumText(withTerm('jaarlijks'), f)).to.match(/^€\s?120,00 per\u00a0jaar$/);
    expect(premiumText(withTerm('yearly'), e)).to.equal('€120.00 per\u00a0year');
    expect(premiumText(withTerm('eenmalig'), f)).to.match(/^€\s?120,00 eenmalig$/);
  });

  it('reads amounts with thousands grouped, as the Hub sends them', () => {
    expect(toNumber('1.234,56')).to.equal(1234.56);
    expect(toNumber('1,234.56')).to.equal(1234.56);
    expect(toNumber('1.234.567')).to.equal(1234567);
    expect(toNumber('12,50')).to.equal(12.5);
    // One group without decimals reads as before: a decimal mark.
    expect(toNumber('1.234')).to.equal(1.234);
    expect(toNumber('1.23,4')).to.equal(undefined);
    expect(toNumber('1.234.56')).to.equal(undefined);
    expect(monthlyPremium(withTerm('12', '1.234,56'))).to.be.closeTo(102.88, 0.001);
  });
});
