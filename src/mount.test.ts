import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { mount, startMounting } from './mount.js';
import './components/login/login.js';
import './components/contracts/contracts.js';
import './components/contract-detail/contract-detail.js';
import './components/account/account.js';

describe('data-anva mounting', () => {
  before(() => startMounting());

  it('mounts a widget inside the div, data-* attributes as its attributes', async () => {
    const div = await fixture<HTMLDivElement>(
      html`<div
        data-anva="contracts"
        data-detail-href="/polis?id={id}"
        data-page-size="5"
        data-columns="contractNumber,status"
        data-onclick="window.__clicked=1"
        class="cms-block"
      ></div>`,
    );
    mount(div);
    const el = div.querySelector('anva-contracts')!;
    expect(el).not.to.equal(null);
    expect(el.detailHref).to.equal('/polis?id={id}');
    expect(el.pageSize).to.equal(5);
    expect(el.columns).to.equal('contractNumber,status');
    // Event-handler attributes a CMS filters out never come back through data-*.
    expect(el.hasAttribute('onclick')).to.equal(false);
    expect(el.hasAttribute('anva')).to.equal(false);
  });

  it('mounts each kind, and nodes added later', async () => {
    const box = await fixture<HTMLDivElement>(html`<div></div>`);
    box.innerHTML = `<p><br></p><div data-anva="login"></div><p></p>
      <div data-anva="contract-detail" data-contract-id="9001"><br><p> </p></div><br>
      <div data-anva=" Account "></div>`;
    await waitUntil(() => box.querySelector('anva-account'), 'later nodes were not mounted');
    expect(box.querySelector('[data-anva="login"] > anva-login')).not.to.equal(null);
    const detail = box.querySelector('anva-contract-detail')!;
    expect(detail.contractId).to.equal('9001');
    // The editor's stray <br> / empty <p> inside the block are tidied away.
    expect(detail.parentElement!.children).to.have.length(1);
  });

  it('moves slotted content into the widget and mounts a node once', async () => {
    const box = await fixture<HTMLDivElement>(html`<div></div>`);
    box.innerHTML = `<div data-anva="contracts"><p slot="empty">Nog niets.</p></div>`;
    await waitUntil(() => box.querySelector('anva-contracts'), 'not mounted');
    const el = box.querySelector('anva-contracts')!;
    expect(el.querySelector('[slot="empty"]')!.textContent).to.equal('Nog niets.');
    mount(box);
    startMounting();
    expect(box.querySelectorAll('anva-contracts')).to.have.length(1);
  });

  it('mounts a node whose data-anva is set later, and ignores unknown names', async () => {
    const box = await fixture<HTMLDivElement>(html`<div><div class="later"></div></div>`);
    box.querySelector('.later')!.setAttribute('data-anva', 'account');
    await waitUntil(() => box.querySelector('anva-account'), 'not mounted');
    const odd = document.createElement('div');
    odd.setAttribute('data-anva', 'kaart');
    box.append(odd);
    await new Promise((resolve) => setTimeout(resolve));
    expect(odd.children).to.have.length(0);
  });

  it('never configures: data-anva="hub" mounts nothing, configuration attributes never pass', async () => {
    const box = await fixture<HTMLDivElement>(html`<div></div>`);
    const warn = console.warn;
    const warnings: string[] = [];
    console.warn = (...args: unknown[]) => warnings.push(args.map(String).join(' '));
    try {
      box.innerHTML = `<div data-anva="hub" data-authority="https://attacker.example"
          data-client-id="broker-website" data-api-base="https://attacker.example/api"></div>
        <div data-anva="contracts" data-api-base="https://attacker.example/api"
          data-authority="https://attacker.example" data-storage="memory" data-login-mode="popup"
          data-scope="openid" data-redirect-uri="https://attacker.example/"
          data-post-logout-redirect-uri="https://attacker.example/" data-client-id="x"
          data-page-size="3"></div>`;
      await waitUntil(() => box.querySelector('anva-contracts'), 'not mounted');
    } finally {
      console.warn = warn;
    }
    expect(box.querySelector('anva-hub')).to.equal(null);
    expect(warnings.join('\n')).to.contain('data-anva="hub" is ignored');
    const contracts = box.querySelector('anva-contracts')!;
    expect(contracts.getAttributeNames().filter((name) => name !== 'state')).to.deep.equal([
      'page-size',
    ]);
  });
});
