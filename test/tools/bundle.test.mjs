import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

// Runs after `npm run build` in `npm test`: checks what the published file must contain.
const bundle = readFileSync('dist/anva-widgets.js', 'utf8');

test('the bundle switches zod to jitless mode (no eval under a strict CSP)', () => {
  assert.match(bundle, /\{jitless:!0\}/);
});

test('the bundle registers every element, each guarded', () => {
  for (const tag of [
    'anva-hub',
    'anva-login',
    'anva-contracts',
    'anva-contract-detail',
    'anva-account',
  ]) {
    assert.match(bundle, new RegExp(`define\\(.${tag}.`), tag);
  }
});

test('the bundle is one self-contained module: no imports of other files', () => {
  assert.doesNotMatch(bundle, /\bimport\s*[{*\w][^;]*from\s*["'`]/);
  assert.doesNotMatch(bundle, /\bimport\(/);
});
