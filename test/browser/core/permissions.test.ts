import { expect } from '@open-wc/testing';
import { may } from '../../../src/core/permissions.js';

describe('may()', () => {
  it('does not hide anything when the list is absent, empty or of an unknown shape', () => {
    expect(may(undefined, 'contracts')).to.equal(true);
    expect(may(null, 'contracts')).to.equal(true);
    expect(may([], 'contracts')).to.equal(true);
    expect(may([{ weird: 1 }], 'contracts')).to.equal(true);
  });

  it('does not hide a thing the list does not mention', () => {
    expect(may(['account.read'], 'contracts')).to.equal(true);
  });

  it('allows what a string or an object grants', () => {
    expect(may(['contracts'], 'contracts')).to.equal(true);
    expect(may(['portal.contracts'], 'contracts')).to.equal(true);
    expect(may([{ name: 'contracts', granted: true }], 'contracts')).to.equal(true);
  });

  it('hides what an entry explicitly denies', () => {
    expect(may([{ name: 'contracts', granted: false }], 'contracts')).to.equal(false);
    expect(may([{ code: 'Portal:Contracts', allowed: false }], 'contracts')).to.equal(false);
  });
});
