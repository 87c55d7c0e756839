import { esbuildPlugin } from '@web/dev-server-esbuild';
import { selectedEngines } from './scripts/browsers.mjs';
import { bidiKeysPlugin, launcherFor, webdriverViewportPlugin } from './scripts/wtr-browsers.mjs';
import { fakeHubPlugin } from './test/fake-hub/plugin.mjs';

/**
 * Component and core tests in the machine's Chromium, Firefox and WebKit, with a fake ANVA Hub
 * on its own origin. `BROWSERS=firefox` (comma-separated) picks engines; `npm run
 * test:browser` runs one engine after the other.
 */
export default {
  files: ['src/**/*.test.ts', 'test/browser/**/*.test.ts'],
  nodeResolve: true,
  // One page at a time: a background tab gets no animation frames and no focus.
  concurrency: 1,
  browserStartTimeout: 60_000,
  testsStartTimeout: 60_000,
  testsFinishTimeout: 180_000,
  testFramework: { config: { timeout: 10000 } },
  browsers: selectedEngines([]).map(launcherFor),
  plugins: [
    fakeHubPlugin(),
    webdriverViewportPlugin(),
    bidiKeysPlugin(),
    esbuildPlugin({ ts: true, tsconfig: './tsconfig.json', target: 'es2022' }),
  ],
};
