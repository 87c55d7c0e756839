import { expect, html } from '@open-wc/testing';
import { useSignedInHub } from '../../../test/browser/support/fake-hub.js';
import { cellText, fixtureUntil, textOf } from '../../../test/browser/support/dom.js';
import {
  SCRIPTED_CONTRACT,
  SCRIPT_MARKUP,
  expectShownAsText,
} from '../../../test/browser/support/hostile.js';
import { CAR, field, headings, part } from '../../../test/browser/support/contract-detail.js';
import type { AnvaContractDetail } from './contract-detail.component.js';
import './contract-detail.js';

describe('<anva-contract-detail> fields', () => {
  it('groups and formats every known field', async () => {
    await useSignedInHub({ endpoints: { contract: { items: [CAR] } } });
    const el = await fixtureUntil<AnvaContractDetail>(
      html`<anva-contract-detail contract-id="48213001"></anva-contract-detail>`,
      'ready',
    );
    // One title block, then cover, premium, term, the object and the rest.
    expect(headings(el)).to.deep.equal([
      'Dekking',
      'Premie',
      'Looptijd',
      'Verzekerd object',
      'Overige gegevens',
    ]);
    expect(el.shadowRoot!.querySelector('h2')!.textContent).to.equal(
      'Autoverzekering, WA + Volledig casco',
    );
    expect(part(el, 'object')).to.equal('Toyota · GZ\u2011845\u2011T');
    expect(part(el, 'number')).to.equal('Polisnummer 60129384756');
    // The number once, never as a field again; plumbing not at all.
    expect(textOf(el).split('60129384756')).to.have.length(2);
    expect(field(el, 'Polisnummer')).to.equal(undefined);
    expect(textOf(el)).not.to.match(/AFD|Format|Organization/);
    expect(field(el, 'Verzekeraar')).to.equal('Basisvolmacht (N013)');
    expect(field(el, 'Product')).to.equal('Personenauto');
    // A code only beside its meaning.
    expect(field(el, 'Branche')).to.equal('Auto (020)');
    expect(field(el, 'Dossiernummer')).to.equal('100234');
    expect(field(el, 'Ingangsdatum')).to.equal('1 mrt 2021');
    expect(field(el, 'Einddatum')).to.equal(undefined);
    expect(field(el, 'Contractduur')).to.equal('12 maanden');
    expect(field(el, 'Betaaltermijn')).to.equal('per maand');
    expect(field(el, 'Premie per termijn')).to.match(/^€\s?48,12$/);
    expect(field(el, 'Assurantiebelasting')).to.match(/^€\s?10,11$/);
    expect(field(el, 'Totaal per termijn')).to.match(/^€\s?58,23$/);
    expect(field(el, 'Eigen risico')).to.match(/^€\s?150,00$/);
    // Each cell carries its column label for stacked rows on narrow containers; no codes.
    const cells = [...el.shadowRoot!.querySelectorAll('table td')].map(cellText);
    expect(cells).to.deep.equal([
      'Wettelijke aansprakelijkheid',
      '€ 6.100.000,00',
      '€ 0,00',
      'Pechhulp Nederland',
      '–',
      '€ 0,00',
    ]);
    // The car's no-claim data beside the car, in words and units.
    const object = el.shadowRoot!.querySelector('.group.object')!;
    const labels = [...object.querySelectorAll('dt')].map((dt) => dt.textContent!.trim());
    expect(labels).to.deep.equal([
      'Soort object',
      'Kenteken',
      'Merk',
      'Bouwjaar',
      'Bonus-malustrede',
      'No-claimkorting',
      'No-claimbeschermer',
      'Regelmatige bestuurders',
      'Laatste schade',
    ]);
    expect(field(el, 'Kenteken')).to.equal('GZ-845-T');
    expect(field(el, 'Bouwjaar')).to.equal('2019');
    expect(field(el, 'Bonus-malustrede')).to.equal('14');
    expect(field(el, 'No-claimkorting')).to.match(/^75\s?%$/);
    expect(field(el, 'No-claimbeschermer')).to.equal('Ja');
    expect(field(el, 'Regelmatige bestuurders')).to.equal('Jan van DijkEva van Dijk-Kok');
    expect(field(el, 'Laatste schade')).to.equal('14 aug 2022');
    await expect(el).to.be.accessible();
  });

  it('names the insured object’s kind in the customer’s language, unknown kinds as given', async () => {
    const object = (type: string) => ({
      ...CAR,
      metadata: { ...CAR.metadata, insuredObject: { type } },
    });
    await useSignedInHub({ endpoints: { contract: { items: [CAR] } } });
    const nlEl = await fixtureUntil<AnvaContractDetail>(
      html`<anva-contract-detail contract-id="48213001"></anva-contract-detail>`,
      'ready',
    );
    expect(field(nlEl, 'Soort object')).to.equal('Voertuig');
    const enEl = await fixtureUntil<AnvaContractDetail>(
      html`<anva-contract-detail contract-id="48213001" lang="en"></anva-contract-detail>`,
      'ready',
    );
    expect(field(enEl, 'Kind of object')).to.equal('Vehicle');
    for (const [type, nlText, enText] of [
      ['building', 'Adres', 'Address'],
      ['Person', 'Persoon', 'Person'],
      ['windmill', 'windmill', 'windmill'],
    ]) {
      await useSignedInHub({ endpoints: { contract: { items: [object(type!)] } } });
      for (const [lang, text] of [
        ['nl', nlText],
        ['en', enText],
      ]) {
        const el = await fixtureUntil<AnvaContractDetail>(
          html`<anva-contract-detail contract-id="48213001" lang=${lang!}></anva-contract-detail>`,
          'ready',
        );
        expect(field(el, lang === 'en' ? 'Kind of object' : 'Soort object')).to.equal(text);
      }
    }
  });

  it('lists unknown fields under Overige gegevens, labelled from their key, nested values as text', async () => {
    const extra = {
      ...CAR,
      organizationId: 1201,
      organizationName: 'Verzekeringen De Vries',
      documents: [],
      metadata: {
        ...CAR.metadata,
        annualMileage: 15000,
        towbar: { fitted: true, maxWeight: 1300 },
        insuredObject: { ...CAR.metadata.insuredObject, colour: 'blauw' },
      },
    };
    await useSignedInHub({ endpoints: { contract: { items: [extra] } } });
    const el = await fixtureUntil<AnvaContractDetail>(
      html`<anva-contract-detail contract-id="48213001"></anva-contract-detail>`,
      'ready',
    );
    const other = el.shadowRoot!.querySelector('.other')!;
    const labels = [...other.querySelectorAll(':scope > dl > [part~="field"] > dt')].map((dt) =>
      dt.textContent!.trim(),
    );
    // Internal ids, the format and an empty list are no customer's business.
    expect(labels).to.deep.equal(['Dossiernummer', 'Adviseur', 'Towbar']);
    expect(field(el, 'Adviseur')).to.equal('Verzekeringen De Vries');
    expect(field(el, 'Fitted')).to.equal('Ja');
    expect(field(el, 'Max weight')).to.equal('1.300');
    // An unknown field of the object stays with the object.
    expect(el.shadowRoot!.querySelector('.group.object')!.textContent).to.contain('Colour');
    expect(field(el, 'Kilometrage per jaar')).to.equal('15.000 km');
  });

  it('keeps fields the list does not have, and top-level extras', async () => {
    await useSignedInHub();
    const el = await fixtureUntil<AnvaContractDetail>(
      html`<anva-contract-detail contract-id="9003"></anva-contract-detail>`,
      'ready',
    );
    expect(field(el, 'Detail only')).to.equal('only in the detail');
    expect(field(el, 'Kept')).to.equal('Ja');
  });

  it('keeps HTML, scripts and javascript: URLs in values as text', async () => {
    await useSignedInHub({ endpoints: { contract: { items: [SCRIPTED_CONTRACT] } } });
    const el = await fixtureUntil<AnvaContractDetail>(
      html`<anva-contract-detail contract-id="x"></anva-contract-detail>`,
      'ready',
    );
    await expectShownAsText(el);
    expect(el.shadowRoot!.querySelectorAll('a')).to.have.length(0);
    expect(el.shadowRoot!.querySelector('h2')!.textContent).to.equal(SCRIPT_MARKUP);
    expect(field(el, 'Website')).to.equal('javascript:alert(1)');
    expect(field(el, 'Href')).to.equal('javascript:alert(2)');
  });
});
