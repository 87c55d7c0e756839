import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { gzipSync } from 'node:zlib';

const POLICY = { ceiling: 4000, headroom: 500, slack: 100 };

function check(fileBytes, gzipBudget, policy = POLICY) {
  const dir = mkdtempSync(join(tmpdir(), 'anva-size-'));
  writeFileSync(join(dir, 'anva-widgets.js'), fileBytes);
  const budget = join(dir, 'budget.json');
  const files = { 'anva-widgets.js': { gzip: gzipBudget } };
  writeFileSync(budget, JSON.stringify({ ...policy, files }));
  return spawnSync(
    process.execPath,
    ['scripts/check-size.mjs', '--budget', budget, '--dist', dir],
    {
      encoding: 'utf8',
    },
  );
}

// Random bytes do not compress: their gzip size is a little over their length.
const bytes = randomBytes(2000);
const measured = gzipSync(bytes, { level: 9 }).length;

test('a bundle over its gzip budget fails the check', () => {
  const result = check(bytes, measured - 1);
  assert.equal(result.status, 1);
  assert.match(result.stderr, /size FAIL anva-widgets\.js.*over budget/);
});

test('a bundle within its budget and headroom passes', () => {
  const result = check(bytes, measured + 500);
  assert.equal(result.status, 0, result.stderr);
  assert.match(result.stdout, /size ok/);
});

test('a budget with more to spare than the headroom must be lowered, and says to what', () => {
  const result = check(bytes, measured + 700);
  assert.equal(result.status, 1);
  assert.match(result.stderr, new RegExp(`lower the budget in .* to ${measured + 500} B`));
});

test('no budget may pass the ceiling', () => {
  const result = check(bytes, 4001, { ...POLICY, headroom: 5000 });
  assert.equal(result.status, 1);
  assert.match(result.stderr, /over the ceiling of 4000 B/);
});
