import { expect, fixture, html } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import { signInAsCustomer, useFakeHub } from '../support/fake-hub.js';
import type { EndpointName, FakeHubScenario } from '../support/fake-hub.js';
import { until } from '../support/dom.js';
import type { Widget } from '../support/dom.js';
import type { WidgetState } from '../../../src/shared/data-controller.js';
import '../../../src/components/account/account.js';
import '../../../src/components/contract-detail/contract-detail.js';
import '../../../src/components/contracts/contracts.js';
import '../../../src/components/login/login.js';

interface Manifest {
  modules: { declarations?: { tagName?: string; cssParts?: { name: string }[] }[] }[];
}

/** A rendered state: how the Hub behaves, and the markup where it is not the widget's usual one. */
interface Case {
  name: string;
  state: WidgetState;
  hub?: FakeHubScenario;
  template?: TemplateResult;
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

/** Every widget renders signed out, before any Hub answers. */
const SIGNED_OUT: Case = { name: 'signed out', state: 'signed-out' };

/** The Hub answers `endpoint` late, so the widget shows it is loading. */
const loading = (endpoint: EndpointName): Case => ({
  name: 'loading',
  state: 'loading',
  hub: { endpoints: { [endpoint]: { delayMs: 400 } } },
});

/** Per widget, its usual markup and the states it renders besides signed out. */
const CASES: Record<string, { usual: TemplateResult; cases: Case[] }> = {
  'anva-login': {
    usual: html`<anva-login></anva-login>`,
    cases: [{ name: 'signed in', state: 'ready' }],
  },
  'anva-contracts': {
    usual: html`<anva-contracts></anva-contracts>`,
    cases: [
      loading('contracts'),
      {
        name: 'ready, paged, with links',
        state: 'ready',
        template: html`<anva-contracts page-size="2" detail-href="/c/{id}"></anva-contracts>`,
      },
      { name: 'ready, with buttons', state: 'ready' },
      { name: 'empty', state: 'empty', hub: { endpoints: { contracts: { items: [] } } } },
      {
        name: 'error',
        state: 'error',
        hub: { endpoints: { contracts: { status: 503, times: 10 } } },
      },
    ],
  },
  'anva-contract-detail': {
    usual: html`<anva-contract-detail contract-id="p1"></anva-contract-detail>`,
    cases: [
      loading('contract'),
      { name: 'ready', state: 'ready', hub: { endpoints: { contract: { items: [CONTRACT] } } } },
      {
        name: 'empty',
        state: 'empty',
        template: html`<anva-contract-detail></anva-contract-detail>`,
      },
      {
        name: 'not found',
        state: 'error',
        template: html`<anva-contract-detail contract-id="not-mine"></anva-contract-detail>`,
      },
      {
        name: 'error',
        state: 'error',
        hub: { endpoints: { contract: { status: 502, times: 10 } } },
      },
    ],
  },
  'anva-account': {
    usual: html`<anva-account></anva-account>`,
    cases: [
      loading('permissions'),
      {
        name: 'ready',
        state: 'ready',
        hub: {
          endpoints: {
            organizations: {
              items: [{ id: 1, name: 'Met logo', icon: 'https://hub.example/a.svg' }],
            },
          },
        },
      },
      { name: 'error', state: 'error', hub: { endpoints: { account: { drop: true, times: 10 } } } },
    ],
  },
};

describe('every state of every widget', () => {
  for (const [tag, { usual, cases }] of Object.entries(CASES)) {
    for (const { name, state, hub, template = usual } of [SIGNED_OUT, ...cases]) {
      it(`<${tag}> ${name}: every part it renders is documented, and no password field`, async () => {
        await useFakeHub(hub);
        // Every state but signed-out is one a signed-in customer sees.
        if (state !== 'signed-out') await signInAsCustomer();
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
