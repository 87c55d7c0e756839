import { expect } from '@open-wc/testing';
import { en, nl } from '../i18n/index.js';
import { detailHref, isHttpUrl, templateHref } from '../shared/href.js';
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

  it('labels statuses and derives Toekomstig and Verlopen', () => {
    expect(statusText(nl, 'Geroyeerd')).to.equal('Beëindigd');
    expect(statusText(en, 'lopend')).to.equal('Active');
    expect(statusText(nl, 'In behandeling')).to.equal('In behandeling');
    const day = '2026-06-01';
    expect(deriveStatus('Lopend', { start: '2026-07-01' }, day)).to.equal('future');
    expect(deriveStatus('Lopend', { start: '2020-01-01', end: '2025-06-30' }, day)).to.equal(
      'expired',
    );
    expect(deriveStatus(undefined, { end: '2025-06-30' }, day)).to.equal('expired');
    expect(deriveStatus('Geroyeerd', { start: '2020-01-01', end: '2021-01-01' }, day)).to.equal(
      'ended',
    );
    expect(deriveStatus('Opgeschort', { start: '2027-01-01' }, day)).to.equal('suspended');
    expect(deriveStatus('Onbekend', {}, day)).to.equal(undefined);
    // A suspension is judged against its dates: ended in March, not yet begun, or running.
    const suspension = { suspendedFrom: '2025-11-01', suspendedUntil: '2026-03-31' };
    expect(deriveStatus('Opgeschort', suspension, day)).to.equal('active');
    expect(deriveStatus('Opgeschort', suspension, '2026-01-15')).to.equal('suspended');
    expect(deriveStatus('Opgeschort', suspension, '2025-10-01')).to.equal('active');
    expect(
      deriveStatus('Opgeschort', { suspendedUntil: '2026-03-31', end: '2026-04-30' }, day),
    ).to.equal('expired');
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
    const { known, entries } = indexFields({
      id: '7',
      status: 'Lopend',
      format: 'AFD 2.0',
      organizationId: 1201,
      metadata: {
        PP_NUMMER: 'A',
        contractNumber: 'B',
        status: 'Geroyeerd',
        bonus: 1,
        insuredObject: { kenteken: 'GZ-845-T', colour: 'blauw' },
        bonusMalus: { step: 14, protected: true },
        noClaimProtection: false,
      },
    });
    expect(known.get('contractNumber')!.value).to.equal('A');
    // The API's own top-level status wins over the metadata's.
    expect(known.get('status')!.value).to.equal('Lopend');
    // Containers are opened in place; their own fields sit in the object group.
    expect(known.get('licencePlate')).to.include({ key: 'kenteken', group: 'object' });
    expect(known.get('bonusMalusStep')!.value).to.equal(14);
    // The first no-claim protection wins; the one inside bonusMalus is no second row.
    expect(entries.filter((entry) => entry.id === 'noClaimProtection')).to.have.length(1);
    expect(entries.map(({ key, group }) => `${key}:${group}`)).to.deep.equal([
      'id:hidden',
      'status:title',
      'format:hidden',
      'organizationId:hidden',
      'PP_NUMMER:title',
      'bonus:other',
      'kenteken:object',
      'colour:object',
      'step:object',
      'protected:object',
    ]);
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
      expect(fieldOf('annualMileage')).to.equal('annualMileage');
      expect(fieldOf('somethingNew')).to.equal(undefined);
    }
  });
});

describe('every field the local Hub serves', () => {
  /** Every key of every contract in the demo seed, nested ones as `parent.key`. */
  async function seedKeys(): Promise<Map<string, unknown>> {
    const seed = (await (await fetch('/demo/hub/seed.json')).json()) as {
      contracts: Record<string, unknown>[];
    };
    const keys = new Map<string, unknown>();
    for (const contract of seed.contracts)
      for (const entry of indexFields(contract).entries) keys.set(entry.key, entry);
    return keys;
  }

  it('has a Dutch and an English label, or is plumbing no customer sees', async () => {
    const keys = await seedKeys();
    expect(keys.size).to.be.above(40);
    const unlabelled = [...keys.values()]
      .map((entry) => entry as { key: string; id?: string; group: string })
      .filter((entry) => !entry.id && entry.group !== 'hidden')
      .map((entry) => entry.key);
    expect(unlabelled).to.deep.equal([]);
    for (const [key, entry] of keys) {
      const { id, group } = entry as { id?: keyof typeof nl.fields; group: string };
      if (group === 'hidden' || !id) continue;
      expect(formatter(nl).label(key), key).to.equal(nl.fields[id]);
      expect(formatter(en).label(key), key).to.equal(en.fields[id]);
    }
  });

  it('knows the ANVA keys a new dossier uses', () => {
    const anva = {
      verzekerdBedrag: 'insuredAmount',
      eigenRisico: 'deductible',
      premie: 'premium',
      termijn: 'paymentTerm',
      ingangsdatum: 'effectiveDate',
      einddatum: 'expiryDate',
      postcodeCijfers: 'postalCodeDigits',
      postcodeLetters: 'postalCodeLetters',
      huisnummer: 'houseNumber',
      straat: 'street',
      woonplaats: 'city',
      kenteken: 'licencePlate',
      merk: 'make',
      model: 'model',
      bouwjaar: 'buildYear',
      geboortedatum: 'birthDate',
      schadevrijeJaren: 'claimFreeYears',
    };
    for (const [key, id] of Object.entries(anva)) expect(fieldOf(key), key).to.equal(id);
    const f = formatter(nl);
    expect(f.field('verzekerdBedrag', 250000)).to.match(/^€\s?250\.000,00$/);
    expect(f.field('termijn', 12)).to.equal('per jaar');
    expect(f.field('schadevrijeJaren', 9)).to.equal('9');
    expect(f.label('schadevrijeJaren')).to.equal('Schadevrije jaren');
    expect(formatter(en).label('postcodeCijfers')).to.equal('Postcode digits');
  });
});

describe('own keys only', () => {
  const f = formatter(nl);

  it('never reads a message table through Object.prototype', () => {
    for (const value of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf']) {
      expect(f.kind('method', value), value).to.equal(value);
      expect(f.kind('objectType', value), value).to.equal(value);
      expect(f.kind('status', value), value).to.equal(value);
      expect(f.text(f.field(value, value)), value).to.equal(value);
      expect(statusText(nl, value), value).to.equal(value);
    }
  });

  it('links no id made only of dots', () => {
    expect(detailHref('/polis/{id}', '..')).to.equal(undefined);
    expect(detailHref('/polis/{id}', '.')).to.equal(undefined);
    expect(detailHref('/polis?id={id}', '')).to.equal(undefined);
    expect(detailHref('/polis/{id}', '..a')).to.equal('/polis/..a');
    expect(templateHref('/wijzig?polis={number}&id={id}', { id: '7', number: 'A 1' })).to.equal(
      '/wijzig?polis=A%201&id=7',
    );
  });
});
