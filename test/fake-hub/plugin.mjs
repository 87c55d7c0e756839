/**
 * web-test-runner plugin: starts the fake Hub (identity and API on two origins)
 * next to the test server and tells test pages where it is
 * (`GET /__fake-hub__.json`).
 */
import { startFakeHub } from './server.mjs';

export function fakeHubPlugin() {
  let hub;
  return {
    name: 'anva-fake-hub',
    async serverStart() {
      hub = await startFakeHub();
    },
    async serverStop() {
      await hub?.close();
    },
    serve(context) {
      if (context.path !== '/__fake-hub__.json') return undefined;
      return {
        body: JSON.stringify({
          origin: hub.origin,
          apiOrigin: hub.apiOrigin,
          authority: hub.issuer,
          apiBase: hub.apiBase,
          clientId: hub.clientId,
        }),
        type: 'application/json',
      };
    },
  };
}
