/**
 * A proxy in front of the local Hub (identity and API on one origin) for the benchmark. It
 * passes everything through, except that while `control.count` is set it answers
 * `/api/contract/contracts/mycontracts` with that many contracts: the Hub still checks the
 * token, then its own items (shaped like the seed's) are repeated with fresh ids and contract
 * numbers. `/__bench/contracts` serves the same body without a token, for the plain-DOM
 * baseline in the page.
 */
import { request as httpRequest } from 'node:http';

const CONTRACTS_PATH = '/api/contract/contracts/mycontracts';
export const BASELINE_PATH = '/__bench/contracts';

/** `count` contracts built from the Hub's own answer, as the JSON envelope the API sends. */
function envelope(templates, count) {
  const items = Array.from({ length: count }, (_, index) => {
    const template = templates[index % templates.length];
    return {
      ...template,
      id: 90_000_000 + index,
      metadata: { ...template.metadata, contractNumber: String(70_000_000_000 + index) },
    };
  });
  return Buffer.from(JSON.stringify({ data: { items } }));
}

function collect(stream) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    stream.on('data', (chunk) => chunks.push(chunk));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });
}

/**
 * Starts the proxy on 127.0.0.1:`port`, forwarding to the Hub on 127.0.0.1:`targetPort`.
 * `siteOrigin` may read the baseline body (CORS).
 */
export async function startBenchProxy({ server, targetPort, siteOrigin }) {
  const control = { count: undefined };
  const bodies = new Map();
  let templates;
  const sockets = new Set();

  const bodyFor = (count) => {
    if (!bodies.has(count)) bodies.set(count, envelope(templates, count));
    return bodies.get(count);
  };

  server.on('request', (req, res) => {
    const path = req.url.split('?')[0];
    if (path === BASELINE_PATH) {
      res.writeHead(templates && control.count !== undefined ? 200 : 404, {
        'Content-Type': 'application/json; charset=utf-8',
        'Cache-Control': 'no-store',
        'Access-Control-Allow-Origin': siteOrigin,
      });
      res.end(templates && control.count !== undefined ? bodyFor(control.count) : undefined);
      return;
    }
    const replace = control.count !== undefined && req.method === 'GET' && path === CONTRACTS_PATH;
    const upstream = httpRequest(
      {
        host: '127.0.0.1',
        port: targetPort,
        method: req.method,
        path: req.url,
        // The replaced answer is read here, so it must come uncompressed; others pass as sent.
        headers: replace ? { ...req.headers, 'accept-encoding': 'identity' } : req.headers,
      },
      async (answer) => {
        if (!replace || answer.statusCode !== 200) {
          res.writeHead(answer.statusCode, answer.rawHeaders);
          answer.pipe(res);
          return;
        }
        const original = JSON.parse((await collect(answer)).toString('utf8'));
        templates ??= original.data.items;
        const body = bodyFor(control.count);
        const headers = { ...answer.headers, 'content-length': body.length };
        delete headers['transfer-encoding'];
        res.writeHead(200, headers);
        res.end(body);
      },
    );
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  return {
    control,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
