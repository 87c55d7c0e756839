/** A port of 127.0.0.1 nobody listens on right now. */
import { createServer } from 'node:net';

/**
 * For servers that take a port number, not a listening socket (PHP's built-in server,
 * WebKitWebDriver): the one place a port is picked before it is used. Everything of our
 * own listens on port 0 instead, so it can never lose its port to another process.
 */
export function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}
