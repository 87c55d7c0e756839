/**
 * Lighthouse keeps every demo page at 100 for accessibility and best practices, signed out
 * and signed in (`npm run lighthouse` reports all four categories).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { audit } from '../../scripts/lighthouse.mjs';

test(
  'every demo page scores 100 for accessibility and best practices',
  { timeout: 600_000 },
  async () => {
    const results = await audit({ categories: ['accessibility', 'best-practices'] });
    const below = results.filter((r) => r.accessibility < 100 || r['best-practices'] < 100);
    assert.deepEqual(
      below.map(
        (r) =>
          `${r.path} (${r.state}): ${r.accessibility}/${r['best-practices']} ${r.failing.join(', ')}`,
      ),
      [],
    );
  },
);
