import { expect, fixture, html } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import { signInAsCustomer, useFakeHub } from '../support/fake-hub.js';
import type { FakeHubScenario } from '../support/fake-hub.js';
import { until } from '../support/dom.js';
import type { WidgetState } from '../../../src/shared/data-controller.js';
import '../../../src/components/account/account.js';
import '../../../src/components/contract-detail/contract-detail.js';
import '../../../src/components/contracts/contracts.js';
import '../../../src/components/login/login.js';

type Widget = HTMLElement & { state: WidgetState; updateComplete: Promise<boolean> };

interface Manifest {
  modules: { declarations?: { tagName?: string; cssParts?: { name: string }[] }[] }[];
}

/** A rendered state: how the Hub behaves, whether the customer signs in, the markup. */
interface Case {
  name: string;
  state: WidgetState;
  hub?: FakeHubScenario;
  signedIn?: boolean;
  template: TemplateResult;
}

let manifest: Promise<Manifest> | undefined;

/** The parts an element documents in its JSDoc, as the generated manifest lists them. */
async function documented(tag: string): Promise<string[]> {
  manifest ??= fetch('/custom-elements.json').then((r) => r.json() as Promise<Manifest>);
  const declarations = (await manifest).modules.flatMap((module) => module.declarations ?? []);
  const element = declarations.find((declaration) => declaration.tagName === tag);
  return (element?.cssParts ?? []).map((part) => part.name).sort();
}

/** Every part name used in the element's shadow root. */
function rendered(el: Element): string[] {
  const names = [...el.shadowRoot!.querySelectorAll('[part]')].flatMap((node) =>
    node.getAttribute('part')!.split(/\s+/).filter(Boolean),
  );
  return [...new Set(names)].sort();
}

const CONTRACT = {
  id: 'p1',
  status: 'Lopend',
  metadata: {
    contractNumber: 'P-1',
    productDescription: 'Autoverzekering',
    afdDefinitionName: 'Personenauto',
    porCompany: { code: 'N013', name: 'Basisvolmacht' },
    effectiveDate: '2021-03-01',
    premium: 48.12,
    coverages: [{ code: '2001', label: 'WA', insuredAmount: 6100000, deductible: 0 }],
    insuredObject: { type: 'vehicle', licensePlate: 'GZ-845-T' },
    regularDrivers: ['Jan van Dijk', 'Eva van Dijk-Kok'],
    bonusMalus: { step: 14 },
  },
};

const CASES: Record<string, Case[]> = {
  'anva-login': [
    { name: 'signed out', state: 'signed-out', template: html`<anva-login></anva-login>` },
    {
      name: 'signed in',
      state: 'ready',
      signedIn: true,
      template: html`<anva-login></anva-login>`,
    },
  ],
  'anva-contracts': [
    { name: 'signed out', state: 'signed-out', template: html`<anva-contracts></anva-contracts>` },
    {
      name: 'loading',
      state: 'loading',
      signedIn: true,
      hub: { endpoints: { contracts: { delayMs: 400 } } },
      template: html`<anva-contracts></anva-contracts>`,
    },
    {
      name: 'ready, paged, with links',
      state: 'ready',
      signedIn: true,
      template: html`<anva-contracts page-size="2" detail-href="/c/{id}"></anva-contracts>`,
    },
    {
      name: 'ready, with buttons',
      state: 'ready',
      signedIn: true,
      template: html`<anva-contracts></anva-contracts>`,
    },
    {
      name: 'empty',
      state: 'empty',
      signedIn: true,
      hub: { endpoints: { contracts: { items: [] } } },
      template: html`<anva-contracts></anva-contracts>`,
    },
    {
      name: 'error',
      state: 'error',
      signedIn: true,
      hub: { endpoints: { contracts: { status: 503, times: 10 } } },
      template: html`<anva-contracts></anva-contracts>`,
    },
  ],
  'anva-contract-detail': [
    {
      name: 'signed out',
      state: 'signed-out',
      template: html`<anva-contract-detail contract-id="p1"></anva-contract-detail>`,
    },
    {
      name: 'loading',
      state: 'loading',
      signedIn: true,
      hub: { endpoints: { contract: { delayMs: 400 } } },
      template: html`<anva-contract-detail contract-id="p1"></anva-contract-detail>`,
    },
    {
      name: 'ready',
      state: 'ready',
      signedIn: true,
      hub: { endpoints: { contract: { items: [CONTRACT] } } },
      template: html`<anva-contract-detail contract-id="p1"></anva-contract-detail>`,
    },
    {
      name: 'empty',
      state: 'empty',
      signedIn: true,
      template: html`<anva-contract-detail></anva-contract-detail>`,
    },
    {
      name: 'not found',
      state: 'error',
      signedIn: true,
      template: html`<anva-contract-detail contract-id="not-mine"></anva-contract-detail>`,
    },
    {
      name: 'error',
      state: 'error',
      signedIn: true,
      hub: { endpoints: { contract: { status: 502, times: 10 } } },
      template: html`<anva-contract-detail contract-id="p1"></anva-contract-detail>`,
    },
  ],
  'anva-account': [
    { name: 'signed out', state: 'signed-out', template: html`<anva-account></anva-account>` },
    {
      name: 'loading',
      state: 'loading',
      signedIn: true,
      hub: { endpoints: { permissions: { delayMs: 400 } } },
      template: html`<anva-account></anva-account>`,
    },
    {
      name: 'ready',
      state: 'ready',
      signedIn: true,
      hub: {
        endpoints: {
          organizations: {
            items: [{ id: 1, name: 'Met logo', icon: 'https://hub.example/a.svg' }],
          },
        },
      },
      template: html`<anva-account></anva-account>`,
    },
    {
      name: 'error',
      state: 'error',
      signedIn: true,
      hub: { endpoints: { account: { drop: true, times: 10 } } },
      template: html`<anva-account></anva-account>`,
    },
  ],
};

describe('every state of every widget', () => {
  for (const [tag, cases] of Object.entries(CASES)) {
    for (const { name, state, hub, signedIn, template } of cases) {
      it(`<${tag}> ${name}: every part it renders is documented, and no password field`, async () => {
        await useFakeHub(hub);
        if (signedIn) await signInAsCustomer();
        const el = await fixture<Widget>(template);
        await until(el, state);
        const parts = rendered(el);
        expect(parts.length).to.be.above(0);
        const known = await documented(tag);
        expect(parts.filter((part) => !known.includes(part))).to.deep.equal([]);
        // The password is typed on the Hub's own page only, never into a widget.
        expect(el.shadowRoot!.querySelector('input[type="password"]')).to.equal(null);
      });
    }
  }
});
