/**
 * web-test-runner launchers for the three engines, all from Debian's packages: Chromium and
 * Firefox (WebDriver BiDi) through puppeteer-core, WebKit (MiniBrowser) through WebKitGTK's
 * WebDriver.
 */
import { chromeLauncher, puppeteerCore } from '@web/test-runner-chrome';
import { WebdriverLauncher } from '@web/test-runner-webdriver';
import { chromiumArgs } from './chromium.mjs';
import { executable } from './browsers.mjs';
import { startWebKitDriver, webkitRemoteOptions } from './webkit-driver.mjs';

/** Owns the WebKit driver (and its Xvfb) for the length of a run. */
class WebKitLauncher extends WebdriverLauncher {
  constructor() {
    super(webkitRemoteOptions(0));
  }

  async initialize(config, testFiles) {
    this.webkit = await startWebKitDriver();
    this.options.port = this.webkit.port;
    await super.initialize(config, testFiles);
    this.name = 'WebKit';
  }

  async stop() {
    try {
      await super.stop();
    } finally {
      this.webkit?.stop();
      this.webkit = undefined;
    }
  }
}

const LAUNCHERS = {
  chromium: () =>
    chromeLauncher({
      launchOptions: {
        executablePath: executable('chromium', 'chromium'),
        headless: true,
        // The two-tab tests open real windows with `window.open`.
        args: [...chromiumArgs, '--disable-popup-blocking'],
      },
    }),
  firefox: () =>
    chromeLauncher({
      puppeteer: puppeteerCore,
      launchOptions: {
        browser: 'firefox',
        executablePath: executable('firefox', 'firefox'),
        headless: true,
        protocolTimeout: 60_000,
        extraPrefsFirefox: {
          // The two-tab tests open real windows with `window.open`.
          'dom.disable_open_during_load': false,
          // Firefox repeats a request up to ten times when its connection drops, which would
          // blur the client's own retry count in the dropped-connection tests (as Chromium's
          // repeat on a reused connection would; the fake Hub closes each connection for it).
          'network.http.request.max-attempts': 1,
        },
      },
    }),
  webkit: () => new WebKitLauncher(),
};

export function launcherFor(engine) {
  return LAUNCHERS[engine]();
}

/**
 * web-test-runner runs its stock command plugins before the configured ones, and a stock one
 * throws for a session it cannot serve; these commands stand in only where a stock one
 * refuses, so when the server starts they move to the front of the list the test runner's
 * command API walks.
 */
function inFront(plugin) {
  return {
    ...plugin,
    serverStart({ config }) {
      const commands = config.plugins.find(
        (candidate) => candidate.name === 'test-runner-api',
      )?.plugins;
      if (!commands) throw new Error(`${plugin.name}: web-test-runner's command API not found`);
      const self = commands.findIndex((candidate) => candidate.name === plugin.name);
      commands.unshift(...commands.splice(self, 1));
    },
  };
}

/**
 * `setViewport` for WebKit: WebDriver sizes the window, so the window is sized to give the
 * wanted viewport. (The stock command supports only puppeteer and playwright sessions.)
 */
export function webdriverViewportPlugin() {
  return inFront({
    name: 'anva-webdriver-viewport',
    async executeCommand({ command, payload, session }) {
      if (command !== 'set-viewport' || session.browser.type !== 'webdriver') return undefined;
      const driver = session.browser.driver;
      const chrome = await driver.execute(() => ({
        width: window.outerWidth - window.innerWidth,
        height: window.outerHeight - window.innerHeight,
      }));
      await driver.setWindowSize(payload.width + chrome.width, payload.height + chrome.height);
      return true;
    },
  });
}

/** Key names puppeteer's WebDriver BiDi keyboard does not know, as the character they type. */
const BIDI_KEYS = { Space: ' ' };

/** `sendKeys({ press: 'Space' })` in Firefox, as in the other engines. */
export function bidiKeysPlugin() {
  return inFront({
    name: 'anva-bidi-keys',
    async executeCommand({ command, payload, session }) {
      if (command !== 'send-keys' || session.browser.name !== 'Firefox') return undefined;
      const [action, key] = Object.entries(payload)[0] ?? [];
      if (!['press', 'down', 'up'].includes(action) || !(key in BIDI_KEYS)) return undefined;
      await session.browser.getPage(session.id).keyboard[action](BIDI_KEYS[key]);
      return true;
    },
  });
}
