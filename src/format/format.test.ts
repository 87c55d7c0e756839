import { expect } from '@open-wc/testing';
import { en, nl } from '../i18n/index.js';
import { fieldOf, formatter, humanize, isoDay, toNumber } from './index.js';

describe('format', () => {
  const f = formatter(nl);
  const e = formatter(en);

  it('knows AFD 1.0 labels, AFD 2.0 names and Dutch words for the same field', () => {
    expect(fieldOf('PP_INGDAT')).to.equal('effectiveDate');
    expect(fieldOf('effectiveDate')).to.equal('effectiveDate');
    expect(fieldOf('ingangsdatum')).to.equal('effectiveDate');
    expect(fieldOf('PP_BETTERM')).to.equal('paymentTerm');
    expect(fieldOf('porCompany')).to.equal('provider');
    expect(fieldOf('somethingElse')).to.equal(undefined);
  });

  it('names kinds of insured object in words, unknown kinds as given', () => {
    expect(f.field('type', 'vehicle')).to.equal('Voertuig');
    expect(f.field('objectType', 'Car')).to.equal('Voertuig');
    expect(f.field('type', 'address')).to.equal('Adres');
    expect(f.field('type', 'person')).to.equal('Persoon');
    expect(e.field('type', 'vehicle')).to.equal('Vehicle');
    expect(e.field('type', 'building')).to.equal('Address');
    expect(e.field('type', 'person')).to.equal('Person');
    expect(f.field('type', 'windmill')).to.equal('windmill');
    expect(f.field('subtype', 'vehicle')).to.equal('vehicle');
  });

  it('derives readable labels from unknown keys', () => {
    expect(humanize('annualMileage')).to.equal('Annual mileage');
    expect(humanize('bonus_malus-step')).to.equal('Bonus malus step');
    expect(humanize('XMLCode')).to.equal('XML code');
    expect(humanize('PP_XYZ')).to.equal('PP XYZ');
    expect(f.label('PP_TASS')).to.equal('Assurantiebelasting');
    expect(e.label('PP_TASS')).to.equal('Insurance premium tax');
  });

  it('formats dates, euros and month terms with Intl in the customer’s language', () => {
    expect(f.date('2021-03-01')).to.equal('1 mrt 2021');
    expect(e.date('20210301')).to.equal('1 Mar 2021');
    expect(f.money(48.12)).to.match(/^€\s?48,12$/);
    expect(e.money('1234.5')).to.equal('€1,234.50');
    expect(formatter(nl, 'USD').money(10)).to.match(/^US\$\s?10,00$/);
    expect(formatter(en, 'GBP').money(10)).to.equal('£10.00');
    expect(f.kind('percent', 75)).to.match(/^75\s?%$/);
    expect(f.kind('distance', 15000)).to.equal('15.000 km');
    expect(e.kind('distance', 15000)).to.equal('15,000 km');
    expect(f.months(36)).to.equal('36 maanden');
    expect(f.kind('term', 3)).to.equal('per kwartaal');
    expect(e.kind('term', 12)).to.equal('per year');
    expect(f.kind('term', 2)).to.equal('per 2 maanden');
    expect(f.kind('method', 'Automatische incasso')).to.equal('Automatische incasso');
    expect(e.kind('method', 'Automatische incasso')).to.equal('Direct debit');
    expect(f.kind('text', 60129384756)).to.equal('60129384756');
  });

  it("uses a broker's own word for a payment method's other name before the folded code's", () => {
    const own = formatter({ ...nl, methods: { ...nl.methods, incasso: 'Incasso (eigen woord)' } });
    expect(own.kind('method', 'incasso')).to.equal('Incasso (eigen woord)');
    expect(own.kind('method', 'Direct_Debit')).to.equal('Automatische incasso');
  });

  it('names a payment method and an insured object by any of their names, in both languages', () => {
    const words: [kind: 'method' | 'objectType', name: string, dutch: string, english: string][] = [
      ['method', 'incasso', 'Automatische incasso', 'Direct debit'],
      ['method', 'Direct_Debit', 'Automatische incasso', 'Direct debit'],
      ['method', 'Nota', 'Factuur', 'Invoice'],
      ['method', 'factuur', 'Factuur', 'Invoice'],
      ['method', 'acceptgiro', 'Acceptgiro', 'Giro payment slip'],
      ['method', 'premievrij', 'Geen betaling (premievrij)', 'No payment (paid-up)'],
      ['method', 'contant', 'contant', 'contant'],
      ['objectType', 'building', 'Adres', 'Address'],
      ['objectType', 'Bicycle', 'Fiets', 'Bicycle'],
    ];
    for (const [kind, name, dutch, english] of words) {
      expect(f.kind(kind, name), name).to.equal(dutch);
      expect(e.kind(kind, name), name).to.equal(english);
    }
  });

  it('formats any value by its type, nested objects and arrays too, always as text', () => {
    expect(f.value(true)).to.equal('Ja');
    expect(e.value(false)).to.equal('No');
    expect(f.value(15000)).to.equal('15.000');
    expect(f.value(null)).to.equal('–');
    expect(f.value([])).to.equal('–');
    expect(f.value('2022-08-14')).to.equal('14 aug 2022');
    expect(f.value('<img src=x onerror=alert(1)>')).to.equal('<img src=x onerror=alert(1)>');
    const nested = f.value({
      step: 14,
      colour: 'blauw',
      passengers: ['Jan', 'Eva'],
      city: 'Gorredijk',
    });
    expect(nested).to.deep.equal({
      entries: [
        ['Bonus-malustrede', '14'],
        ['Colour', 'blauw'],
        ['Passengers', { items: ['Jan', 'Eva'] }],
        ['Woonplaats', 'Gorredijk'],
      ],
    });
    expect(f.text(nested)).to.equal(
      'Bonus-malustrede: 14, Colour: blauw, Passengers: Jan, Eva, Woonplaats: Gorredijk',
    );
  });

  it('stops at a depth limit instead of recursing forever', () => {
    let deep: Record<string, unknown> = { end: 1 };
    for (let i = 0; i < 20; i++) deep = { next: deep };
    expect(f.text(f.value(deep))).to.contain('{"next"');
  });

  it('reads numbers and dates tolerantly', () => {
    expect(toNumber('12,50')).to.equal(12.5);
    expect(toNumber('12 euro')).to.equal(undefined);
    expect(isoDay('2024-02-01T09:00:00Z')).to.equal('2024-02-01');
    expect(isoDay('2024-13-01')).to.equal(undefined);
    expect(isoDay('12345678901')).to.equal(undefined);
  });
});
