/**
 * Lighthouse keeps every demo page at 100 for accessibility and best practices, and its
 * layout shift at 0, signed out and signed in (`npm run lighthouse` reports all four
 * categories and CLS).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { audit } from '../../scripts/lighthouse.mjs';

test(
  'every demo page scores 100 for accessibility and best practices, and does not shift',
  { timeout: 600_000 },
  async () => {
    const results = await audit({
      categories: ['accessibility', 'best-practices'],
      audits: ['cumulative-layout-shift'],
    });
    const below = results.filter(
      (r) => r.accessibility < 100 || r['best-practices'] < 100 || !(r.cls === 0),
    );
    assert.deepEqual(
      below.map(
        (r) =>
          `${r.path} (${r.state}): ${r.accessibility}/${r['best-practices']} CLS ${r.cls} ${r.failing.join(', ')}`,
      ),
      [],
    );
  },
);
