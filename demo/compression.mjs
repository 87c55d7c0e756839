/**
 * Compression for the demo servers' text answers (node:zlib only): brotli when the browser
 * accepts it, else gzip, else the body as it is. Every compressible answer says
 * `Vary: Accept-Encoding`, compressed or not, so no cache hands one browser's encoding to
 * another.
 */
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const COMPRESSIBLE = /^(text\/|application\/(json|javascript|manifest\+json)|image\/svg\+xml)/;

/** Below this a compressed body hardly gets smaller, and the headers cost more than it saves. */
const MIN_BYTES = 512;

const ENCODERS = {
  // A file is compressed once and kept, so it gets the best quality; a page is compressed
  // per request (its nonce changes), so it gets a fast one.
  br: (body, once) =>
    brotliCompressSync(body, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: once ? constants.BROTLI_MAX_QUALITY : 5,
        [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
      },
    }),
  gzip: (body, once) => gzipSync(body, { level: once ? 9 : 6 }),
};

/**
 * The encoding to answer with for an `Accept-Encoding` header: `br`, `gzip` or undefined.
 * An encoding with `q=0` is refused; `*` stands for every encoding not named.
 */
export function chooseEncoding(acceptEncoding = '') {
  const quality = new Map();
  for (const part of String(acceptEncoding).split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((param) => /^\s*q=([\d.]+)\s*$/.exec(param)).find(Boolean);
    quality.set(name, q ? Number(q[1]) : 1);
  }
  const of = (name) => quality.get(name) ?? quality.get('*') ?? 0;
  return ['br', 'gzip'].find((name) => of(name) > 0);
}

/** `Vary` for an answer of `type` that may be compressed (also for a 304 of one). */
export function varyFor(type) {
  return COMPRESSIBLE.test(type) ? { Vary: 'Accept-Encoding' } : {};
}

/** A file's compressed body per encoding, with the version it was made from. */
const cache = new Map();

/**
 * The body to send and the headers that go with it, for a body of `type`. A file's `path` and
 * `version` (its modification time) keep the compressed body until the file changes.
 */
export function compress(req, type, body, { path, version } = {}) {
  const headers = varyFor(type);
  if (!headers.Vary) return { body, headers };
  const encoding =
    body.length >= MIN_BYTES ? chooseEncoding(req.headers['accept-encoding']) : undefined;
  if (!encoding) return { body, headers };
  const key = path && `${path} ${encoding}`;
  const kept = key && cache.get(key);
  let encoded = kept && kept.version === version ? kept.body : undefined;
  if (!encoded) {
    encoded = ENCODERS[encoding](body, Boolean(key));
    if (key) cache.set(key, { version, body: encoded });
  }
  return { body: encoded, headers: { ...headers, 'Content-Encoding': encoding } };
}
