import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import { useSignedInHub } from '../support/fake-hub.js';
import type { EndpointName } from '../support/fake-hub.js';
import { until } from '../support/dom.js';
import type { Widget } from '../support/dom.js';
import { en, informal, nl } from '../../../src/i18n/index.js';
import '../../../src/components/account/account.js';
import '../../../src/components/contract-detail/contract-detail.js';
import '../../../src/components/contracts/contracts.js';
import '../../../src/components/login/login.js';

// The notice is due after 300 ms and the answer comes after 3 s: ten times apart, so a busy
// machine cannot make the notice miss its turn or the answer overtake it.
const SLOW_AFTER_MS = 300;
const ANSWER_MS = 3000;

/** The widget's live region for a slow answer (there, empty, from the start of the fetch). */
const notice = (el: Widget) => el.shadowRoot!.querySelector<HTMLElement>('.slow[role="status"]');
const noticeText = (el: Widget) => notice(el)?.textContent?.trim() ?? '';

/** A signed-in page whose `endpoint` answers after `delayMs`, against a Hub that waits long. */
async function slowHub(endpoint: EndpointName, delayMs: number, slowAfterMs: number) {
  await useSignedInHub(
    { endpoints: { [endpoint]: { delayMs } } },
    { settings: { timeout: 30 }, runtime: { slowAfterMs } },
  );
}

/** Waits for the sentence, checks it is calm, announced and moves nothing, then for the answer. */
async function showsSlowNotice(el: Widget, sentence: string): Promise<void> {
  await waitUntil(() => noticeText(el) !== '', 'no notice for a slow answer', { timeout: 2500 });
  expect(noticeText(el)).to.equal(sentence);
  expect(el.state).to.equal('loading');
  expect(notice(el)!.getAttribute('role')).to.equal('status');
  // Over the placeholder, not below it: the widget is exactly as tall as its skeleton.
  const skeleton = el.shadowRoot!.querySelector('[part~="skeleton"]')!.getBoundingClientRect();
  const box = notice(el)!.getBoundingClientRect();
  expect(el.shadowRoot!.querySelector('.waiting')!.getBoundingClientRect().height).to.equal(
    skeleton.height,
  );
  expect(box.top).to.be.at.least(skeleton.top);
  expect(box.bottom).to.be.at.most(skeleton.bottom);
  await expect(el).to.be.accessible();
  await until(el, 'ready', ANSWER_MS + 5000);
  expect(notice(el)).to.equal(null);
  expect(el.shadowRoot!.querySelector('[part~="error"]')).to.equal(null);
}

const CASES: [string, EndpointName, TemplateResult, string][] = [
  ['Dutch, formal', 'contracts', html`<anva-contracts></anva-contracts>`, nl.slowAnswer],
  [
    'Dutch, informal',
    'contract',
    html`<anva-contract-detail contract-id="9001" tone="informal"></anva-contract-detail>`,
    informal(nl.slowAnswer),
  ],
  ['English', 'permissions', html`<anva-account lang="en"></anva-account>`, en.slowAnswer],
];

describe('a slow answer', () => {
  it('has a sentence in each tone and language, the informal one with "je"', () => {
    expect(nl.slowAnswer).to.match(/^Dit duurt langer dan normaal\./);
    expect(nl.slowAnswer).to.match(/\buw\b/);
    expect(informal(nl.slowAnswer)).to.match(/\bje gegevens\b/);
    expect(informal(nl.slowAnswer)).not.to.match(/\b(u|uw)\b/i);
    expect(en.slowAnswer).to.match(/^This is taking longer than usual\./);
  });

  for (const [name, endpoint, template, sentence] of CASES) {
    it(`is told while waiting, then the data (${name})`, async function () {
      this.timeout(20_000);
      await slowHub(endpoint, ANSWER_MS, SLOW_AFTER_MS);
      const el = await fixture<Widget>(template);
      await showsSlowNotice(el, sentence);
    });
  }

  it('says nothing in the login bar, which has no room for it', async function () {
    this.timeout(20_000);
    await slowHub('account', ANSWER_MS, SLOW_AFTER_MS);
    const el = await fixture<Widget>(html`<anva-login></anva-login>`);
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="skeleton"]'), 'no skeleton');
    await new Promise((resolve) => setTimeout(resolve, SLOW_AFTER_MS * 3));
    expect(el.state).to.equal('loading');
    expect(el.shadowRoot!.querySelector('.slow')).to.equal(null);
    await until(el, 'ready', ANSWER_MS + 5000);
  });

  it('keeps its live region empty while the answer is not yet late', async function () {
    this.timeout(20_000);
    // Far apart the other way: the answer after 1.5 s, the notice not before 15 s.
    await slowHub('contracts', 1500, 15_000);
    const el = await fixture<Widget>(html`<anva-contracts></anva-contracts>`);
    await waitUntil(() => notice(el), 'no live region while fetching', { timeout: 1200 });
    expect(noticeText(el)).to.equal('');
    await until(el, 'ready', 5000);
    expect(notice(el)).to.equal(null);
  });
});
