import { expect } from '@open-wc/testing';
import { httpUrl, isHttpUrl } from '../../../src/core/urls.js';

describe('http(s) URLs', () => {
  it('takes absolute http(s) URLs only', () => {
    for (const url of ['https://hub.example/i.svg', 'HTTP://Hub.Example', ' https://hub.example '])
      expect(isHttpUrl(url), url).to.equal(true);
    for (const odd of [
      'javascript:alert(1)',
      'data:image/svg+xml,x',
      'ftp://hub.example',
      '/i.svg',
    ])
      expect(isHttpUrl(odd), odd).to.equal(false);
    for (const odd of ['🛡️', 'https://', '', null, 42, {}])
      expect(isHttpUrl(odd), String(odd)).to.equal(false);
  });

  it('resolves a relative address against its base, and refuses other schemes there too', () => {
    expect(httpUrl('/polis?id=7', 'https://broker.example/mijn/')?.href).to.equal(
      'https://broker.example/polis?id=7',
    );
    expect(httpUrl('javascript:alert(1)', 'https://broker.example/')).to.equal(undefined);
    expect(httpUrl('https://[broken', 'https://broker.example/')).to.equal(undefined);
  });
});
