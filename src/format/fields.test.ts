import { expect } from '@open-wc/testing';
import { en, nl } from '../i18n/index.js';
import { detailHref, templateHref } from '../shared/href.js';
import { FIELDS, fieldOf, formatter, indexFields, statusText } from './index.js';
import type { FieldId } from '../i18n/messages.js';

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

describe('field names', () => {
  it('finds each field by its id, its aliases and its Dutch and English labels', () => {
    for (const [id, spec] of Object.entries(FIELDS) as [FieldId, (typeof FIELDS)[FieldId]][]) {
      const shared = id === 'organization'; // labelled Adviseur like the broker, who keeps the word
      for (const name of [id, ...spec.aliases]) expect(fieldOf(name), name).to.equal(id);
      // A hidden field is never found by its label: a key that looks like one stays in view.
      if (shared || spec.group === 'hidden') continue;
      expect(fieldOf(nl.fields[id]), nl.fields[id]).to.equal(id);
      expect(fieldOf(en.fields[id]), en.fields[id]).to.equal(id);
    }
    expect(fieldOf('Kenteken')).to.equal('licencePlate');
    expect(fieldOf('licence_plate')).to.equal('licencePlate');
    expect(fieldOf('adviseur')).to.equal('broker');
    expect(fieldOf('Adviser')).to.equal('broker');
    expect(fieldOf('Reden van beëindiging')).to.equal('cancellationReason');
  });

  it('never hides a key for its likeness to a label, nor takes a part of a label for the field', () => {
    for (const key of ['Organisation number', 'Data format', 'Addition'])
      expect(fieldOf(key), key).to.equal(undefined);
    expect(fieldOf('House number addition')).to.equal('houseNumberAddition');
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
