import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';

function check(fileBytes, gzipBudget) {
  const dir = mkdtempSync(join(tmpdir(), 'anva-size-'));
  writeFileSync(join(dir, 'anva-widgets.js'), fileBytes);
  const budget = join(dir, 'budget.json');
  writeFileSync(budget, JSON.stringify({ files: { 'anva-widgets.js': { gzip: gzipBudget } } }));
  return spawnSync(
    process.execPath,
    ['scripts/check-size.mjs', '--budget', budget, '--dist', dir],
    {
      encoding: 'utf8',
    },
  );
}

test('a bundle over its gzip budget fails the check', () => {
  // Random bytes do not compress, so 5 000 of them are well over a 1 000-byte budget.
  const result = check(randomBytes(5000), 1000);
  assert.equal(result.status, 1);
  assert.match(result.stderr, /size OVER anva-widgets\.js/);
});

test('a bundle within its budget passes', () => {
  const result = check('export const a = 1;\n'.repeat(100), 1000);
  assert.equal(result.status, 0, result.stderr);
  assert.match(result.stdout, /size ok/);
});
