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

test("the build drops oidc-client-ts's silent log calls and keeps every one of its checks", () => {
  assert.doesNotMatch(bundle, /Received state from storage/);
  for (const check of [
    'No matching state found in storage',
    'State does not match',
    'nonce in id_token does not match nonce in client storage',
    'authority mismatch on settings vs. signin state',
    'client_id mismatch on settings vs. signin state',
    'azp in id_token does not match original azp',
    'sub in id_token does not match current sub',
    'Only the Authorization Code flow (with PKCE) is supported',
  ]) {
    assert.ok(bundle.includes(check), check);
  }
});
