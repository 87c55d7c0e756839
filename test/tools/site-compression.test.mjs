/**
 * The demo site and the local Hub send their text compressed (brotli or gzip, as the browser
 * accepts), with `Vary: Accept-Encoding`, and answer an unchanged file with 304.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { readFile } from 'node:fs/promises';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { ensureBuilt } from '../../scripts/start.mjs';
import { startSite } from '../../demo/site-server.mjs';
import { startHub } from '../../demo/hub/server.mjs';
import { chooseEncoding } from '../../demo/compression.mjs';
import { listening } from '../e2e/harness.mjs';
import { JAN, startTestHub, tokensFor } from '../hub/helpers.mjs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

let site;
let hub;
let dir;

before(async () => {
  await ensureBuilt({ react: false, quiet: true });
  dir = await mkdtemp(join(tmpdir(), 'anva-compression-'));
  const [identity, api, server] = await Promise.all([listening(), listening(), listening()]);
  const origin = (each) => `http://127.0.0.1:${each.address().port}`;
  hub = await startHub({
    servers: { identity, api },
    host: '127.0.0.1',
    issuer: `${origin(identity)}/identity`,
    apiBase: origin(api),
    siteOrigin: origin(server),
    dataFile: join(dir, 'hub.json'),
    log: () => {},
  });
  site = await startSite({ server, hubIssuer: hub.issuer, apiBase: hub.apiBase });
});

after(async () => {
  await Promise.allSettled([site?.close(), hub?.close()]);
  await rm(dir, { recursive: true, force: true });
});

/** One raw HTTP answer: status, headers and the body's bytes as sent. */
function get(url, headers = {}, method = 'GET') {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers }, (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

const decode = { br: brotliDecompressSync, gzip: gunzipSync };

test('Accept-Encoding: brotli first, gzip next, nothing refused with q=0', () => {
  assert.equal(chooseEncoding('gzip, deflate, br, zstd'), 'br');
  assert.equal(chooseEncoding('gzip, deflate'), 'gzip');
  assert.equal(chooseEncoding('br;q=0, gzip;q=0.8'), 'gzip');
  assert.equal(chooseEncoding('br;q=0, *;q=0.5'), 'gzip');
  assert.equal(chooseEncoding('gzip;q=0'), undefined);
  assert.equal(chooseEncoding('identity'), undefined);
  assert.equal(chooseEncoding(undefined), undefined);
});

test('the bundle comes compressed as asked, byte for byte the built file', async () => {
  const built = await readFile(new URL('../../dist/anva-widgets.js', import.meta.url));
  for (const encoding of ['br', 'gzip']) {
    const answer = await get(`${site.url}/anva-widgets.js`, { 'Accept-Encoding': encoding });
    assert.equal(answer.headers['content-encoding'], encoding);
    assert.equal(answer.headers.vary, 'Accept-Encoding');
    assert.equal(Number(answer.headers['content-length']), answer.body.length);
    assert.ok(answer.body.length < built.length / 2, `${encoding}: ${answer.body.length} B`);
    assert.deepEqual(decode[encoding](answer.body), built);
  }
  const plain = await get(`${site.url}/anva-widgets.js`);
  assert.equal(plain.headers['content-encoding'], undefined);
  assert.equal(plain.headers.vary, 'Accept-Encoding');
  assert.deepEqual(plain.body, built);
});

test('a page is compressed too; HEAD says what GET sends', async () => {
  const headers = { 'Accept-Encoding': 'gzip' };
  const page = await get(`${site.url}/index.html`, headers);
  assert.equal(page.headers['content-encoding'], 'gzip');
  assert.equal(page.headers.vary, 'Accept-Encoding');
  assert.match(gunzipSync(page.body).toString('utf8'), /<anva-hub\s+authority="http:\/\/127/);
  const head = await get(`${site.url}/site.css`, headers, 'HEAD');
  const css = await get(`${site.url}/site.css`, headers);
  assert.equal(head.headers['content-length'], css.headers['content-length']);
  assert.equal(head.body.length, 0);
});

test('an unchanged file is answered 304; a page always in full', async () => {
  const first = await get(`${site.url}/anva-widgets.js`, { 'Accept-Encoding': 'br' });
  assert.ok(first.headers.etag);
  const again = await get(`${site.url}/anva-widgets.js`, {
    'Accept-Encoding': 'br',
    'If-None-Match': first.headers.etag,
  });
  assert.equal(again.status, 304);
  assert.equal(again.body.length, 0);
  assert.equal(again.headers.vary, 'Accept-Encoding');
  const page = await get(`${site.url}/index.html`);
  assert.equal(page.headers.etag, undefined);
});

test('a body too small to gain is sent as it is, still varying by encoding', async () => {
  const icon = await get(`${site.url}/favicon.svg`, { 'Accept-Encoding': 'gzip' });
  assert.ok(icon.body.length < 512);
  assert.equal(icon.headers['content-encoding'], undefined);
  assert.equal(icon.headers.vary, 'Accept-Encoding');
});

test("the Hub's stylesheets come compressed", async () => {
  const issuer = new URL(hub.issuer);
  const css = await get(`${issuer.origin}/assets/hub.css`, { 'Accept-Encoding': 'gzip, br' });
  assert.equal(css.headers['content-encoding'], 'br');
  assert.equal(css.headers.vary, 'Accept-Encoding');
  const file = await readFile(new URL('../../demo/hub/assets/hub.css', import.meta.url));
  assert.deepEqual(brotliDecompressSync(css.body), file);
});

test("the Hub's API answers compressed, varying by origin and encoding", async () => {
  const testHub = await startTestHub();
  try {
    const { access_token: token } = await tokensFor(testHub, JAN);
    const answer = await get(`${testHub.apiBase}/contract/contracts/mycontracts`, {
      Authorization: `Bearer ${token}`,
      Origin: testHub.site,
      'Accept-Encoding': 'gzip',
    });
    assert.equal(answer.status, 200);
    assert.equal(answer.headers['content-encoding'], 'gzip');
    assert.equal(answer.headers.vary, 'Origin, Accept-Encoding');
    assert.ok(JSON.parse(gunzipSync(answer.body)).data.items.length > 0);
  } finally {
    await testHub.close();
  }
});
