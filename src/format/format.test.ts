import { expect } from '@open-wc/testing';
import { en, nl } from '../i18n/index.js';
import { detailHref, isHttpUrl } from '../shared/href.js';
import {
  branchKind,
  contractStatus,
  deriveStatus,
  fieldOf,
  formatter,
  fullName,
  humanize,
  indexFields,
  isoDay,
  nameOf,
  statusText,
  toNumber,
} from './index.js';

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
    expect(f.euro(48.12)).to.match(/^€\s?48,12$/);
    expect(e.euro('1234.5')).to.equal('€1,234.50');
    expect(f.months(36)).to.equal('36 maanden');
    expect(f.kind('term', 3)).to.equal('per kwartaal');
    expect(e.kind('term', 12)).to.equal('per year');
    expect(f.kind('term', 2)).to.equal('per 2 maanden');
    expect(f.kind('method', 'Automatische incasso')).to.equal('Automatische incasso');
    expect(e.kind('method', 'Automatische incasso')).to.equal('Direct debit');
    expect(f.kind('text', 60129384756)).to.equal('60129384756');
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
      protected: true,
      drivers: ['Jan', 'Eva'],
      city: 'Gorredijk',
    });
    expect(nested).to.deep.equal({
      entries: [
        ['Step', '14'],
        ['Protected', 'Ja'],
        ['Drivers', { items: ['Jan', 'Eva'] }],
        ['Plaats', 'Gorredijk'],
      ],
    });
    expect(f.text(nested)).to.equal(
      'Step: 14, Protected: Ja, Drivers: Jan, Eva, Plaats: Gorredijk',
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

  it('labels statuses and derives Toekomstig and Verlopen', () => {
    expect(statusText(nl, 'Geroyeerd')).to.equal('Beëindigd');
    expect(statusText(en, 'lopend')).to.equal('Active');
    expect(statusText(nl, 'In behandeling')).to.equal('In behandeling');
    const day = '2026-06-01';
    expect(deriveStatus('Lopend', '2026-07-01', undefined, day)).to.equal('future');
    expect(deriveStatus('Lopend', '2020-01-01', '2025-06-30', day)).to.equal('expired');
    expect(deriveStatus(undefined, undefined, '2025-06-30', day)).to.equal('expired');
    expect(deriveStatus('Geroyeerd', '2020-01-01', '2021-01-01', day)).to.equal('ended');
    expect(deriveStatus('Opgeschort', '2027-01-01', undefined, day)).to.equal('suspended');
    expect(deriveStatus('Onbekend', undefined, undefined, day)).to.equal(undefined);
  });

  it('picks a branch icon from the branch, product or description', () => {
    expect(branchKind('020', 'Personenauto')).to.equal('car');
    expect(branchKind(undefined, 'Woonhuis')).to.equal('home');
    expect(branchKind('Inboedel')).to.equal('contents');
    expect(branchKind('080', 'Rechtsbijstand')).to.equal('legal');
    expect(branchKind('021', 'Fiets')).to.equal('bike');
    expect(branchKind(42, null)).to.equal('other');
  });

  it('indexes metadata into known fields and the rest', () => {
    const { known, unknown } = indexFields({ PP_NUMMER: 'A', contractNumber: 'B', bonus: 1 });
    expect(known.get('contractNumber')).to.deep.equal(['PP_NUMMER', 'A']);
    expect(unknown).to.deep.equal(['contractNumber', 'bonus']);
  });

  it('names people and organisations', () => {
    expect(fullName({ id: '1', firstName: 'Jan', middleName: 'van', lastName: 'Dijk' })).to.equal(
      'Jan van Dijk',
    );
    expect(fullName({ id: '1', firstName: 'Kees', middleName: null, lastName: 'Smit' })).to.equal(
      'Kees Smit',
    );
    expect(fullName({ id: '1', name: 'kees@example.nl' })).to.equal('kees@example.nl');
    expect(nameOf({ code: 'N013', name: 'Basisvolmacht' })).to.equal('Basisvolmacht');
    expect(nameOf('N013')).to.equal(undefined);
  });

  it('builds detail links only for http(s) and relative URLs, with the id encoded', () => {
    expect(detailHref('/polis?id={id}', 'a b&c')).to.equal('/polis?id=a%20b%26c');
    expect(detailHref('javascript:alert({id})', '1')).to.equal(undefined);
    expect(detailHref(' JavaScript:alert(1)//{id}', '1')).to.equal(undefined);
    expect(detailHref('data:text/html,{id}', '1')).to.equal(undefined);
    expect(detailHref('{id}', 'javascript:alert(1)')).to.equal('javascript%3Aalert(1)');
    expect(detailHref('https://broker.example/p/{id}', '9')).to.equal('https://broker.example/p/9');
    expect(isHttpUrl('https://hub.example/i.svg')).to.equal(true);
    expect(isHttpUrl('javascript:alert(1)')).to.equal(false);
    expect(isHttpUrl('🛡️')).to.equal(false);
  });
});

describe('one day and one lookup per key for a whole list', () => {
  const contract = {
    id: '1',
    status: 'Lopend',
    metadata: { PP_INGDAT: '2030-01-01', PP_EXPDAT: '2031-01-01' },
  };

  it('judges Toekomstig and Verlopen against the day it is given', () => {
    expect(contractStatus(nl, contract, '2029-12-31').text).to.equal('Toekomstig');
    expect(contractStatus(nl, contract, '2030-06-01').text).to.equal('Lopend');
    expect(contractStatus(nl, contract, '2031-06-01').text).to.equal('Verlopen');
    // Without a day: today (the contract has not started yet).
    expect(contractStatus(nl, contract).text).to.equal('Toekomstig');
  });

  it('answers a key the same way every time it comes back', () => {
    for (let i = 0; i < 3; i++) {
      expect(fieldOf('PP_INGDAT')).to.equal('effectiveDate');
      expect(fieldOf('pp-ingdat')).to.equal('effectiveDate');
      expect(fieldOf('Contractnummer')).to.equal('contractNumber');
      expect(fieldOf('annualMileage')).to.equal(undefined);
    }
  });
});
