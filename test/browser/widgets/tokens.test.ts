/**
 * Every `--anva-*` property an element documents changes how it looks: setting it to
 * an unusual value changes a computed style somewhere in the element's shadow root.
 */
import { expect, fixture, html } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import { signInAsCustomer, useFakeHub } from '../support/fake-hub.js';
import type { FakeHubScenario } from '../support/fake-hub.js';
import { sendKeys } from '@web/test-runner-commands';
import { focused, until } from '../support/dom.js';
import type { Widget } from '../support/dom.js';
import type { WidgetState } from '../../../src/shared/data-controller.js';
import '../../../src/components/account/account.js';
import '../../../src/components/contract-detail/contract-detail.js';
import '../../../src/components/contracts/contracts.js';
import '../../../src/components/login/login.js';

interface Manifest {
  modules: {
    declarations?: { tagName?: string; cssProperties?: { name: string }[] }[];
  }[];
}

/** A state to look at: how the Hub behaves, whether the customer signs in. */
interface View {
  state: WidgetState;
  signedIn: boolean;
  hub?: FakeHubScenario;
  /** The page has no configuration: the web team's error shows. */
  unconfigured?: boolean;
}

/** Values no default uses, so any effect shows. */
const PROBES: Record<string, string> = {
  '--anva-color-primary': 'rgb(1, 2, 3)',
  '--anva-color-on-primary': 'rgb(4, 5, 6)',
  '--anva-color-text': 'rgb(7, 8, 9)',
  '--anva-color-surface': 'rgb(10, 11, 12)',
  '--anva-color-border': 'rgb(13, 14, 15)',
  '--anva-color-danger': 'rgb(16, 17, 18)',
  '--anva-color-focus': 'rgb(19, 20, 21)',
  '--anva-radius': '7px',
  '--anva-space': '13px',
  '--anva-font-family': '"Anva Probe", monospace',
};

/** The computed styles a theme property can reach. */
const STYLES = [
  'color',
  'background-color',
  'background-image',
  'border-top-color',
  'border-bottom-color',
  'border-inline-start-color',
  'border-top-left-radius',
  'outline-color',
  'box-shadow',
  'padding-top',
  'padding-inline-start',
  'gap',
  'margin-top',
  'font-family',
  'fill',
  'text-decoration-color',
];

const SIGNED_OUT: View = { state: 'signed-out', signedIn: false };
const READY: View = { state: 'ready', signedIn: true };
const UNCONFIGURED: View = { state: 'error', signedIn: false, unconfigured: true };
const failing = (endpoint: string): View => ({
  state: 'error',
  signedIn: true,
  hub: { endpoints: { [endpoint]: { status: 503, times: 10 } } },
});

/** Each element with the states that, together, show every part of its theme. */
const ELEMENTS: [string, TemplateResult, View[]][] = [
  ['anva-login', html`<anva-login></anva-login>`, [SIGNED_OUT, READY, UNCONFIGURED]],
  [
    'anva-contracts',
    html`<anva-contracts></anva-contracts>`,
    [SIGNED_OUT, READY, failing('contracts')],
  ],
  [
    'anva-contract-detail',
    html`<anva-contract-detail contract-id="9001"></anva-contract-detail>`,
    [SIGNED_OUT, READY, failing('contract')],
  ],
  ['anva-account', html`<anva-account></anva-account>`, [SIGNED_OUT, READY, failing('account')]],
];

let manifest: Promise<Manifest> | undefined;

async function documented(tag: string): Promise<string[]> {
  manifest ??= fetch('/custom-elements.json').then((r) => r.json() as Promise<Manifest>);
  const declarations = (await manifest).modules.flatMap((module) => module.declarations ?? []);
  const element = declarations.find((declaration) => declaration.tagName === tag);
  return (element?.cssProperties ?? []).map((property) => property.name);
}

/** Presses Tab until focus is inside `el`, if it has anything to focus. */
async function focusInside(el: Widget): Promise<void> {
  for (let press = 0; press < 10 && !el.shadowRoot!.contains(focused()); press++)
    await sendKeys({ press: 'Tab' });
}

/** Every element's (and pseudo-element's) styles in the shadow root, focus on its first control. */
async function looks(el: Widget): Promise<string> {
  await focusInside(el);
  const nodes = [...el.shadowRoot!.querySelectorAll('*')];
  return nodes
    .flatMap((node) =>
      [null, '::before', '::after'].map((pseudo) => {
        const style = getComputedStyle(node, pseudo);
        return STYLES.map((name) => style.getPropertyValue(name)).join('|');
      }),
    )
    .join('\n');
}

async function render(template: TemplateResult, view: View, property?: string): Promise<string> {
  await useFakeHub(view.hub, view.unconfigured ? { settings: false } : {});
  if (view.signedIn) await signInAsCustomer();
  const wrapper = await fixture<HTMLDivElement>(html`<div>${template}</div>`);
  if (property) wrapper.style.setProperty(property, PROBES[property]!);
  const el = wrapper.firstElementChild as Widget;
  await until(el, view.state);
  return looks(el);
}

describe('theme properties', () => {
  for (const [tag, template, views] of ELEMENTS) {
    it(`<${tag}>: every documented --anva-* property changes how it looks`, async function () {
      this.timeout(60_000);
      const properties = await documented(tag);
      expect(properties.length).to.be.above(0);
      expect(properties.filter((property) => !(property in PROBES))).to.deep.equal([]);
      const plain = [];
      for (const view of views) plain.push(await render(template, view));
      const withoutEffect = [];
      for (const property of properties) {
        let changed = false;
        for (const [index, view] of views.entries()) {
          if ((await render(template, view, property)) !== plain[index]) changed = true;
          if (changed) break;
        }
        if (!changed) withoutEffect.push(property);
      }
      expect(withoutEffect).to.deep.equal([]);
    });
  }
});
