import { expect } from '@open-wc/testing';
import { decide } from '../../../src/core/config-decision.js';
import type { Configured } from '../../../src/core/config-decision.js';
import { parseSettings } from '../../../src/core/config.js';
import { AnvaError } from '../../../src/core/errors.js';

const base = {
  authority: 'https://login.example-hub.nl/identity',
  clientId: 'broker-website',
  apiBase: 'https://api.example-hub.nl',
};
const config = (extra = {}) => parseSettings({ ...base, ...extra });
const element = (extra = {}, source: object = {}): Configured => ({
  source,
  kind: 'element',
  config: config(extra),
});
const script = (extra = {}): Configured => ({
  source: Symbol.for('test'),
  kind: 'script',
  config: config(extra),
});
const broken = (kind: Configured['kind'], source: object | symbol = {}): Configured => ({
  source,
  kind,
  error: new AnvaError('config', '"client-id" is required'),
});

describe('configuration decision', () => {
  it('starts a session for the first configuration, or fails with its error', () => {
    expect(decide(undefined, element()).kind).to.equal('start');
    expect(decide(undefined, broken('script'))).to.deep.include({ kind: 'fail' });
  });

  it('lets configure() replace an <anva-hub>, and says so when they differ', () => {
    const replaced = decide(element({ apiBase: 'https://attacker.example/api' }), script());
    expect(replaced.kind).to.equal('start');
    expect(replaced.kind === 'start' && replaced.displaced?.message).to.contain('configure()');
    const same = decide(element(), script());
    expect(same).to.deep.equal({ kind: 'update', config: config(), invalidate: false });
  });

  it('never lets an <anva-hub> replace configure(), nor a second <anva-hub> the first', () => {
    const refused = decide(script(), element({ apiBase: 'https://attacker.example/api' }));
    expect(refused.kind).to.equal('refuse');
    expect(decide(element(), element({ clientId: 'other' })).kind).to.equal('refuse');
    expect(decide(element(), element())).to.deep.equal({ kind: 'ignore' });
    expect(decide(script(), broken('element')).kind).to.equal('refuse');
  });

  it('lets a broken owner be replaced by its own rank or higher, never lower', () => {
    expect(decide(broken('element'), element()).kind).to.equal('start');
    expect(decide(broken('element'), script()).kind).to.equal('start');
    expect(decide(broken('script', Symbol.for('test')), script()).kind).to.equal('start');
    expect(decide(broken('script'), element()).kind).to.equal('refuse');
  });

  it('lets an <anva-hub> change itself; display settings in place, the rest with a new session', () => {
    const hub = {};
    const current = element({}, hub);
    expect(decide(current, element({ organization: 'VDB' }, hub))).to.deep.include({
      kind: 'update',
      invalidate: true,
    });
    for (const change of [
      { lang: 'en' },
      { currency: 'USD' },
      { tone: 'informal' },
      { timeout: 30 },
    ])
      expect(decide(current, element(change, hub))).to.deep.include({
        kind: 'update',
        invalidate: false,
      });
    expect(decide(current, element({ storage: 'memory' }, hub)).kind).to.equal('start');
    expect(decide(current, broken('element', hub)).kind).to.equal('fail');
  });

  it('refuses any source naming an origin the page did not pin', () => {
    const pinned = ['https://login.example-hub.nl', 'https://api.example-hub.nl'];
    expect(decide(undefined, script(), pinned).kind).to.equal('start');
    const foreign = decide(undefined, script({ apiBase: 'https://attacker.example/api' }), pinned);
    expect(foreign.kind).to.equal('refuse');
    expect(foreign.kind === 'refuse' && foreign.error.message).to.contain(
      'https://attacker.example',
    );
    expect(decide(element(), script({ authority: 'https://evil.example' }), pinned).kind).to.equal(
      'refuse',
    );
  });
});
