import { expect } from '@open-wc/testing';
import { en, nl } from '../i18n/index.js';
import { isHttpUrl } from '../core/urls.js';
import { detailHref } from '../shared/href.js';
import { insuredObjectText } from './contract.js';
import {
  branchKind,
  contractStatus,
  deriveStatus,
  fieldOf,
  fullName,
  indexFields,
  nameOf,
  statusText,
} from './index.js';

describe('format: contracts, statuses and links', () => {
  it('names an insured car so that no dash can break it across lines', () => {
    const car = {
      id: 'c1',
      metadata: {
        insuredObject: { make: 'Mercedes-Benz', model: 'C 200', licensePlate: 'X-123-YZ' },
      },
    };
    expect(insuredObjectText(car)).to.equal('Mercedes\u2011Benz C 200 · X\u2011123\u2011YZ');
  });

  it('labels statuses and derives Toekomstig and Verlopen', () => {
    expect(statusText(nl, 'Geroyeerd')).to.equal('Beëindigd');
    expect(statusText(en, 'lopend')).to.equal('Active');
    expect(statusText(nl, 'In behandeling')).to.equal('In behandeling');
    // Every status is known by its Dutch and English word.
    for (const key of Object.keys(nl.status) as (keyof typeof nl.status)[]) {
      expect(statusText(en, nl.status[key]), nl.status[key]).to.equal(en.status[key]);
      expect(statusText(nl, en.status[key]), en.status[key]).to.equal(nl.status[key]);
    }
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
