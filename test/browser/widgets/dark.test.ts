import { expect, fixture, html } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import { useFakeHub, useSignedInHub } from '../support/fake-hub.js';
import { until } from '../support/dom.js';
import type { Widget } from '../support/dom.js';
import '../../../src/components/account/account.js';
import '../../../src/components/contract-detail/contract-detail.js';
import '../../../src/components/contracts/contracts.js';
import '../../../src/components/login/login.js';

/** Contracts in every status tone, so every badge is checked. */
const CONTRACTS = ['Lopend', 'Opgeschort', 'Premievrij', 'Geroyeerd', 'In onderzoek'].map(
  (status, i) => ({
    id: `d${i}`,
    status,
    metadata: {
      contractNumber: `D-${i}`,
      productDescription: 'Autoverzekering',
      porCompany: 'Basisvolmacht',
      effectiveDate: i === 4 ? '2999-01-01' : '2020-01-01',
      expiryDate: i === 3 ? '2001-01-01' : null,
      premium: 48.12,
      insuredObject: { type: 'vehicle' },
      regularDrivers: ['Jan van Dijk'],
    },
  }),
);

const WIDGETS: [string, TemplateResult][] = [
  ['anva-login', html`<anva-login></anva-login>`],
  ['anva-contracts', html`<anva-contracts page-size="3"></anva-contracts>`],
  ['anva-contracts with links', html`<anva-contracts detail-href="/c/{id}"></anva-contracts>`],
  ['anva-contract-detail', html`<anva-contract-detail contract-id="d0"></anva-contract-detail>`],
  ['anva-account', html`<anva-account></anva-account>`],
];

describe('on a dark page', () => {
  const sheet = document.createElement('style');
  sheet.textContent = '.dark { background: #111; color: #eee; padding: 1rem; }';
  before(() => document.head.append(sheet));
  after(() => sheet.remove());

  for (const [name, widget] of WIDGETS) {
    it(`<${name}> stays readable when ready`, async () => {
      await useSignedInHub({
        endpoints: { contracts: { items: CONTRACTS }, contract: { items: [CONTRACTS[0]] } },
      });
      const wrapper = await fixture<HTMLDivElement>(html`<div class="dark">${widget}</div>`);
      const el = wrapper.firstElementChild as Widget;
      await until(el, 'ready');
      await expect(el).to.be.accessible();
    });
  }

  it('<anva-contract-detail> stays readable when not found, with its way back', async () => {
    await useSignedInHub();
    const wrapper = await fixture<HTMLDivElement>(
      html`<div class="dark"><anva-contract-detail contract-id="x"></anva-contract-detail></div>`,
    );
    const el = wrapper.firstElementChild as Widget;
    await until(el, 'error');
    await expect(el).to.be.accessible();
  });

  it('<anva-login> stays readable when signed out', async () => {
    await useFakeHub();
    const wrapper = await fixture<HTMLDivElement>(
      html`<div class="dark"><anva-login></anva-login></div>`,
    );
    const el = wrapper.firstElementChild as Widget;
    await until(el, 'signed-out');
    await expect(el).to.be.accessible();
  });
});
