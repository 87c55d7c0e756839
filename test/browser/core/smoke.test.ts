import { expect } from '@open-wc/testing';
import { anva } from '../../../src/core/registry.js';
import { signInAsCustomer, useFakeHub } from '../support/fake-hub.js';

describe('smoke', () => {
  it('signs in and reads contracts', async () => {
    const hub = await useFakeHub();
    await signInAsCustomer();
    const contracts = await anva().client.contracts();
    expect(contracts.length).to.equal(3);
    const state = await hub.state();
    expect(state.counters.discovery).to.equal(1);
  });
});
