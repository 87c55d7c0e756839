import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { anva } from '../../core/registry.js';
import { useSignedInHub } from '../../../test/browser/support/fake-hub.js';
import { fixtureUntil, tabTo, until } from '../../../test/browser/support/dom.js';
import { SCRIPTED_CONTRACT, expectShownAsText } from '../../../test/browser/support/hostile.js';
import { q, qa } from '../../../test/browser/support/contracts.js';
import type { AnvaContracts } from './contracts.component.js';
import './contracts.js';

describe('<anva-contracts> choosing a contract', () => {
  // The list keeps its page, search, filter and sort in the history entry: each test starts afresh.
  afterEach(() => history.replaceState(null, ''));

  it('chooses a contract with the keyboard: a cancelable event, then the page-wide selection', async () => {
    await useSignedInHub();
    const el = await fixture<AnvaContracts>(
      html`<div><button>voor</button><anva-contracts></anva-contracts></div>`,
    ).then((div) => div.querySelector('anva-contracts')!);
    await until(el, 'ready');
    document.querySelector<HTMLButtonElement>('button')!.focus();
    await tabTo((e) => e.textContent!.trim() === 'Verzekering, Polisnummer PP-77-2, Opgeschort');
    const event = oneEvent(el, 'anva-contract-select');
    await sendKeys({ press: 'Enter' });
    const { detail, bubbles, composed, cancelable } = await event;
    expect([detail.id, bubbles, composed, cancelable]).to.deep.equal(['9002', true, true, true]);
    expect(detail.contract!.metadata.contractNumber).to.equal('PP-77-2');
    expect(anva().selection.current?.id).to.equal('9002');

    el.addEventListener('anva-contract-select', (e) => e.preventDefault(), { once: true });
    q<HTMLButtonElement>(el, 'tbody tr:nth-child(3) [part~="choose"]').click();
    expect(anva().selection.current?.id).to.equal('9002');
  });

  it('makes rows real links with detail-href, the id URL-encoded', async () => {
    await useSignedInHub({
      endpoints: { contracts: { items: [{ id: 'a/b c', status: 'Lopend', metadata: {} }] } },
    });
    const el = await fixtureUntil<AnvaContracts>(
      html`<anva-contracts detail-href="/polis?id={id}&amp;x=1"></anva-contracts>`,
      'ready',
    );
    const link = q<HTMLAnchorElement>(el, 'a[part~="link"]');
    expect(link.getAttribute('href')).to.equal('/polis?id=a%2Fb%20c&x=1');
    // Cancelling the event stops the navigation.
    el.addEventListener('anva-contract-select', (e) => e.preventDefault(), { once: true });
    const click = new MouseEvent('click', { bubbles: true, cancelable: true, composed: true });
    link.dispatchEvent(click);
    expect(click.defaultPrevented).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('never builds a javascript: link from detail-href', async () => {
    await useSignedInHub();
    const el = await fixtureUntil<AnvaContracts>(
      html`<anva-contracts detail-href="javascript:alert('{id}')"></anva-contracts>`,
      'ready',
    );
    expect(qa(el, 'a')).to.have.length(0);
    expect(qa(el, '[part~="choose"]')).to.have.length(3);
  });

  it('keeps HTML and scripts in API values as text', async () => {
    await useSignedInHub({ endpoints: { contracts: { items: [SCRIPTED_CONTRACT] } } });
    const el = await fixtureUntil<AnvaContracts>(
      html`<anva-contracts detail-href="/polis/{id}"></anva-contracts>`,
      'ready',
    );
    await expectShownAsText(el);
    expect(q(el, 'a').getAttribute('href')).to.equal('/polis/javascript%3Aalert(1)');
  });
});
