import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { chromiumPath, chromiumArgs } from './scripts/chromium.mjs';
import { fakeHubPlugin } from './test/fake-hub/plugin.mjs';

/** Component and core tests in the machine's Chromium, with a fake ANVA Hub on its own origin. */
export default {
  files: ['src/**/*.test.ts', 'test/browser/**/*.test.ts'],
  nodeResolve: true,
  concurrency: 1,
  testFramework: { config: { timeout: 10000 } },
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: chromiumPath(),
        headless: true,
        // The two-tab tests open real windows with `window.open`.
        args: [...chromiumArgs, '--disable-popup-blocking'],
      },
    }),
  ],
  plugins: [
    fakeHubPlugin(),
    esbuildPlugin({ ts: true, tsconfig: './tsconfig.json', target: 'es2022' }),
  ],
};
