import { expect, fixture, html } from '@open-wc/testing';
import { useFakeHub } from '../support/fake-hub.js';
import { textOf, until } from '../support/dom.js';
import type { Widget } from '../support/dom.js';
import '../../../src/components/account/account.js';
import '../../../src/components/contract-detail/contract-detail.js';
import '../../../src/components/contracts/contracts.js';
import '../../../src/components/login/login.js';

/** Every *Inloggen* button on the page, inside the widgets' shadow roots. */
const signInButtons = (root: Element) =>
  [...root.querySelectorAll<Widget>('*')]
    .filter((el) => el.localName.startsWith('anva-'))
    .flatMap((el) => [...el.shadowRoot!.querySelectorAll('[part~="sign-in"]')]);

async function signedOut(root: Element): Promise<Widget[]> {
  const widgets = [
    ...root.querySelectorAll<Widget>(
      'anva-login, anva-contracts, anva-contract-detail, anva-account',
    ),
  ];
  for (const widget of widgets) await until(widget, 'signed-out');
  return widgets;
}

describe('signed out, on one page', () => {
  it('each data widget says what it will show; <anva-login> holds the one Inloggen', async () => {
    await useFakeHub();
    const page = await fixture<HTMLDivElement>(
      html`<div>
        <anva-login></anva-login>
        <anva-contracts></anva-contracts>
        <anva-contract-detail contract-id="1"></anva-contract-detail>
        <anva-account></anva-account>
      </div>`,
    );
    const [, contracts, detail, account] = await signedOut(page);
    expect(textOf(contracts!)).to.equal('Log in om uw verzekeringen te bekijken.');
    expect(textOf(detail!)).to.equal('Log in om de gegevens van uw verzekering te bekijken.');
    expect(textOf(account!)).to.equal('Log in om uw gegevens te bekijken.');
    expect(signInButtons(page)).to.have.length(1);
    expect(signInButtons(page)[0]!.getRootNode()).to.equal(
      page.querySelector('anva-login')!.shadowRoot,
    );
    for (const widget of [contracts, detail, account]) await expect(widget).to.be.accessible();
  });

  it('without <anva-login>, only the first data widget offers Inloggen', async () => {
    await useFakeHub();
    const page = await fixture<HTMLDivElement>(
      html`<div>
        <anva-account tone="informal"></anva-account>
        <anva-contracts tone="informal"></anva-contracts>
        <anva-contracts lang="en"></anva-contracts>
      </div>`,
    );
    const [account, contracts, english] = await signedOut(page);
    expect(textOf(account!)).to.equal('Log in om je gegevens te bekijken. Inloggen');
    expect(textOf(contracts!)).to.equal('Log in om je verzekeringen te bekijken.');
    expect(textOf(english!)).to.equal('Sign in to see your insurance policies.');
    expect(signInButtons(page)).to.have.length(1);
    for (const widget of [account, contracts, english]) await expect(widget).to.be.accessible();
  });
});
