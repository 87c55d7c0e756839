import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { SessionController } from '../../../src/shared/session-controller.js';
import { anva } from '../../../src/core/registry.js';
import { signInAsCustomer, useFakeHub, waitForStatus } from '../support/fake-hub.js';

class SessionProbe extends LitElement {
  readonly session = new SessionController(this);
  renders = 0;

  protected override render() {
    this.renders += 1;
    return html`<p>${this.session.state.status} ${this.session.revision}</p>`;
  }
}
customElements.define('anva-session-probe', SessionProbe);

describe('SessionController', () => {
  it('re-renders its host on sign-in, sign-out and client invalidation', async () => {
    await useFakeHub();
    const probe = await fixture<SessionProbe>(html`<anva-session-probe></anva-session-probe>`);
    await waitForStatus('signed-out');
    await probe.updateComplete;
    expect(probe.shadowRoot?.textContent).to.contain('signed-out 0');
    expect(probe.session.runtime).to.equal(anva());
    expect(probe.session.config?.clientId).to.equal('broker-website');

    await signInAsCustomer();
    await probe.updateComplete;
    expect(probe.shadowRoot?.textContent).to.contain('signed-in');
    expect(probe.session.signedIn).to.equal(true);

    const before = probe.session.revision;
    probe.session.client.invalidate();
    await probe.updateComplete;
    expect(probe.session.revision).to.equal(before + 1);

    await probe.session.signOut();
    await probe.updateComplete;
    expect(probe.shadowRoot?.textContent).to.contain('signed-out');
  });

  it('stops listening when its host leaves the page', async () => {
    await useFakeHub();
    const probe = await fixture<SessionProbe>(html`<anva-session-probe></anva-session-probe>`);
    await waitForStatus('signed-out');
    await probe.updateComplete;
    probe.remove();
    const renders = probe.renders;
    anva().client.invalidate();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(probe.renders).to.equal(renders);
  });
});
