import { expect } from '@open-wc/testing';
import { normalizeValues, parseAmount, parseDate } from '../../../src/core/values.js';

describe('value parsers', () => {
  it('reads amounts as numbers or numeric strings, Dutch first', () => {
    expect(parseAmount(2500000)).to.equal(2500000);
    expect(parseAmount('2500000')).to.equal(2500000);
    expect(parseAmount('1.234,56')).to.equal(1234.56);
    expect(parseAmount('1234.56')).to.equal(1234.56);
    expect(parseAmount('1234,5')).to.equal(1234.5);
    expect(parseAmount('1,234.56')).to.equal(1234.56);
    expect(parseAmount(' -12,50 ')).to.equal(-12.5);
    expect(parseAmount('1.234')).to.equal(1234);
    for (const odd of ['', '12a', '1.2.3,4,5', 'EUR 12', Number.NaN, null, {}])
      expect(parseAmount(odd)).to.equal(undefined);
  });

  it('reads dates as ISO or YYYYMMDD and only real calendar dates', () => {
    expect(parseDate('19791018')).to.equal('1979-10-18');
    expect(parseDate('2031-01-01')).to.equal('2031-01-01');
    expect(parseDate('2031-01-01T10:00:00Z')).to.equal('2031-01-01T10:00:00Z');
    for (const odd of ['20230230', '2023-13-01', '1979101', 'morgen', 19791018, null])
      expect(parseDate(odd)).to.equal(undefined);
  });

  it('normalises by key at any depth and keeps what does not parse', () => {
    const input = JSON.parse(
      '{"verzekerdBedrag":"2500000","PP_INGDAT":"19791018","contractNumber":"20240101",' +
        '"dekkingen":[{"eigenRisico":"250,00","ingangsdatum":"onbekend"}],"__proto__":{"premie":"1"}}',
    ) as Record<string, unknown>;
    const output = normalizeValues(input) as Record<string, unknown>;
    expect(output.verzekerdBedrag).to.equal(2500000);
    expect(output.PP_INGDAT).to.equal('1979-10-18');
    expect(output.contractNumber).to.equal('20240101');
    expect(output.dekkingen).to.deep.equal([{ eigenRisico: 250, ingangsdatum: 'onbekend' }]);
    expect(Object.getPrototypeOf(output)).to.equal(Object.prototype);
    expect(Object.hasOwn(output, '__proto__')).to.equal(true);
  });
});
