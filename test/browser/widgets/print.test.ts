import { expect, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { useSignedInHub } from '../support/fake-hub.js';
import { fixtureUntil } from '../support/dom.js';
import type { AnvaAccount } from '../../../src/components/account/account.component.js';
import type { AnvaContractDetail } from '../../../src/components/contract-detail/contract-detail.component.js';
import type { AnvaContracts } from '../../../src/components/contracts/contracts.component.js';
import '../../../src/components/account/account.js';
import '../../../src/components/contract-detail/contract-detail.js';
import '../../../src/components/contracts/contracts.js';
import '../../../src/components/login/login.js';
import type { AnvaLogin } from '../../../src/components/login/login.component.js';

const CONTRACTS = Array.from({ length: 12 }, (_, i) => ({
  id: `p${i}`,
  status: 'Lopend',
  metadata: { contractNumber: `P-${i}`, productDescription: 'Autoverzekering', premium: 10 },
}));

/** Elements of the widget's shadow root that take room on the sheet (a visually hidden one takes 1px). */
const shown = (el: Element, selector: string) =>
  [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)].filter(
    (node) => node.getBoundingClientRect().width > 1,
  );

describe('printed', () => {
  before(async function () {
    // Only Chromium's DevTools protocol emulates print media; the other engines have no such command.
    try {
      await emulateMedia({ media: 'print' });
    } catch {
      this.skip();
    }
  });
  after(async () => {
    await emulateMedia({ media: 'screen' }).catch(() => undefined);
    history.replaceState(null, '');
  });

  it('the list keeps its rows and headers, without search, filter, paging or buttons', async () => {
    await useSignedInHub({ endpoints: { contracts: { items: CONTRACTS } } });
    const el = await fixtureUntil<AnvaContracts>(
      html`<anva-contracts page-size="5"></anva-contracts>`,
      'ready',
    );
    expect(matchMedia('print').matches).to.equal(true);
    expect(
      shown(el, '[part~="toolbar"], input, select, [part~="pagination"], .btn, .arrow'),
    ).to.deep.equal([]);
    expect(shown(el, 'tbody tr')).to.have.length(5);
    expect(shown(el, 'th').map((th) => th.innerText.trim())).to.include('Omschrijving');
    // A printed page of a longer list says which page it is.
    expect(shown(el, 'caption')[0]!.textContent!.trim()).to.equal('Verzekeringen, pagina 1 van 3');
    expect(getComputedStyle(shown(el, 'tbody tr')[0]!).breakInside).to.equal('avoid');
  });

  it('the login bar is left out: on paper nobody signs in or out', async () => {
    await useSignedInHub();
    const el = await fixtureUntil<AnvaLogin>(html`<anva-login></anva-login>`, 'ready');
    expect(el.getBoundingClientRect().height).to.equal(0);
  });

  it('a policy leaves out the links to the broker’s forms', async () => {
    await useSignedInHub({ endpoints: { contract: { items: CONTRACTS } } });
    const el = await fixtureUntil<AnvaContractDetail>(
      html`<anva-contract-detail
        contract-id="p1"
        change-href="/w/{id}"
        claim-href="/s/{id}"
      ></anva-contract-detail>`,
      'ready',
    );
    expect(shown(el, '[part~="actions"], a, button, .btn')).to.deep.equal([]);
    expect(shown(el, '[part~="title"]')[0]!.textContent).to.equal('Autoverzekering');
    for (const group of shown(el, '[part~="group"]'))
      expect(getComputedStyle(group).breakInside).to.equal('avoid');
  });

  it('the account and a retry show no buttons', async () => {
    await useSignedInHub({ endpoints: { account: { status: 503, times: 10 } } });
    const el = await fixtureUntil<AnvaAccount>(html`<anva-account></anva-account>`, 'error');
    expect(el.shadowRoot!.querySelector('[part~="retry"]')).not.to.equal(null);
    expect(shown(el, 'button, .btn')).to.deep.equal([]);
  });
});
