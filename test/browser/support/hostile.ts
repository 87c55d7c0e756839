/** API values that try to run script in the customer's page, and the checks that none ran. */
import { expect } from '@open-wc/testing';
import { textOf } from './dom.js';

/** Markup that sets `window.__xss` if any widget ever lets it become HTML. */
export const SCRIPT_MARKUP = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>';

/** A contract whose texts are script markup and whose addresses are `javascript:` URLs. */
export const SCRIPTED_CONTRACT = {
  id: 'javascript:alert(1)',
  status: SCRIPT_MARKUP,
  metadata: {
    contractNumber: SCRIPT_MARKUP,
    productDescription: SCRIPT_MARKUP,
    porCompany: 'javascript:alert(1)',
    website: 'javascript:alert(1)',
    nested: { deeper: [SCRIPT_MARKUP, { href: 'javascript:alert(2)' }] },
  },
};

/** Gives an injected `onerror` a moment to fire, then checks that no injected script ran. */
export async function expectNoScriptRan(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 50));
  expect((window as { __xss?: number }).__xss).to.equal(undefined);
}

/** A widget showing `SCRIPTED_CONTRACT` shows its markup as text: no element made of it, no script run. */
export async function expectShownAsText(el: Element): Promise<void> {
  await expectNoScriptRan();
  expect(el.shadowRoot!.querySelectorAll('img, script')).to.have.length(0);
  expect(textOf(el)).to.contain(SCRIPT_MARKUP);
}
