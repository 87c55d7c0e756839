import { expect } from '@open-wc/testing';
import { safeIcon } from '../../../src/core/icons.js';
import { parseSettings } from '../../../src/core/config.js';

describe('organisation icons', () => {
  const config = parseSettings({
    authority: 'https://login.example.nl/identity',
    clientId: 'site',
    apiBase: 'https://api.example.nl',
  });

  it("load only from the Hub's or the API's origin", () => {
    expect(safeIcon('/icons/de-vries.svg', config)).to.equal(
      'https://api.example.nl/icons/de-vries.svg',
    );
    expect(safeIcon('https://login.example.nl/logo.png', config)).to.equal(
      'https://login.example.nl/logo.png',
    );
    expect(safeIcon('https://elsewhere.example/pixel.png', config)).to.equal(null);
    expect(safeIcon('javascript:alert(1)', config)).to.equal(null);
  });

  it('are never an address elsewhere that only the URL parser sees (a tab, a newline, a control character)', () => {
    for (const hidden of [
      'ht\ttps://elsewhere.example/pixel.png',
      'h\nttps://elsewhere.example/pixel.png',
      '\u0001https://elsewhere.example/pixel.png',
    ]) {
      expect(safeIcon(hidden, config), JSON.stringify(hidden)).to.equal(null);
    }
  });

  it('stay text when they are text (an emoji)', () => {
    expect(safeIcon('🛡️', config)).to.equal('🛡️');
  });
});
