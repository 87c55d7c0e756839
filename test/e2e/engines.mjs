/**
 * The end-to-end tests in three engines. Chromium runs through Playwright (`launchBrowser`);
 * Debian's Firefox and WebKit cannot run under Playwright, so this module gives them the
 * small part of Playwright's browser, context, page and locator API the tests use: Firefox
 * over WebDriver BiDi with puppeteer-core, WebKit (MiniBrowser) over classic WebDriver with
 * webdriverio.
 *
 * `E2E_ENGINE` (chromium, firefox, webkit) picks the engine of a run; `npm run test:e2e`
 * runs each in turn. What an engine's driver cannot see is in `supports`:
 * - `network`: request and response events (Chromium, Firefox; Firefox shows no POST bodies);
 * - `loadEvents`: init scripts before the page's own (Chromium, Firefox). WebKit's classic
 *   WebDriver has no preload scripts: there they run once a page has loaded, so console
 *   output and events during load are not recorded.
 */
import { EventEmitter } from 'node:events';
import puppeteer from 'puppeteer-core';
import { remote } from 'webdriverio';
import { executable } from '../../scripts/browsers.mjs';
import { startWebKitDriver, webkitRemoteOptions } from '../../scripts/webkit-driver.mjs';
import { launchBrowser, WAIT } from './harness.mjs';

export const ENGINE = process.env.E2E_ENGINE ?? 'chromium';
if (!['chromium', 'firefox', 'webkit'].includes(ENGINE))
  throw new Error(`E2E_ENGINE=${ENGINE}: use chromium, firefox or webkit`);

/** Test options for the cases that run in Chromium only. */
export const CHROMIUM_ONLY = { skip: ENGINE !== 'chromium' && 'runs in Chromium only' };

const DEFAULT_TIMEOUT = WAIT.longStep;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `check` until it returns something truthy; `what` names it in the timeout error. */
async function poll(check, { timeout = DEFAULT_TIMEOUT, what }) {
  const deadline = Date.now() + timeout;
  let lastError;
  for (;;) {
    try {
      const value = await check();
      if (value) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline)
      throw new Error(
        `Timeout ${timeout} ms: ${what}${lastError ? ` (${lastError.message})` : ''}`,
      );
    await sleep(100);
  }
}

// ---- Locators: resolved in the page, piercing open shadow roots as Playwright's do ----------

/**
 * Runs in the page: the elements a chain of steps finds (`css`, `role`+`name`, `text`,
 * `label`, `nth`), in document order. Strings match case-insensitively as substrings.
 */
function findAll(steps) {
  const normalized = (text) => (text ?? '').replace(/\s+/g, ' ').trim();
  const test = (pattern, text) =>
    pattern.regex
      ? new RegExp(pattern.regex, pattern.flags).test(normalized(text))
      : normalized(text).toLowerCase().includes(pattern.text.toLowerCase());
  const descendants = (root) => {
    const found = [];
    const walk = (node) => {
      for (const child of node.children) {
        found.push(child);
        if (child.shadowRoot) walk(child.shadowRoot);
        walk(child);
      }
    };
    if (root.shadowRoot) walk(root.shadowRoot);
    walk(root);
    return found;
  };
  const byIds = (el, attribute) =>
    (el.getAttribute(attribute) ?? '')
      .split(/\s+/)
      .map((id) => el.getRootNode().getElementById?.(id)?.textContent)
      .join(' ');
  const roleOf = (el) => {
    const explicit = el.getAttribute('role');
    if (explicit) return explicit;
    const tag = el.localName;
    const type = (el.getAttribute('type') ?? 'text').toLowerCase();
    if (tag === 'button' || (tag === 'input' && ['button', 'submit', 'reset'].includes(type)))
      return 'button';
    if (tag === 'a' && el.hasAttribute('href')) return 'link';
    if (tag === 'tr') return 'row';
    if (tag === 'input' && type === 'search') return 'searchbox';
    if (tag === 'input' && ['text', 'email', 'tel', 'url'].includes(type)) return 'textbox';
    return undefined;
  };
  const nameOf = (el) =>
    el.getAttribute('aria-label') ||
    (el.hasAttribute('aria-labelledby') && byIds(el, 'aria-labelledby')) ||
    (el.localName === 'input' ? el.value : el.textContent) ||
    el.getAttribute('title');
  const labelOf = (el) =>
    [
      el.getAttribute('aria-label'),
      el.hasAttribute('aria-labelledby') ? byIds(el, 'aria-labelledby') : '',
      ...Array.from(el.labels ?? [], (label) => label.textContent),
    ]
      .filter(Boolean)
      .join(' ');
  const matches = (el, step) => {
    if (step.css) return el.matches(step.css);
    if (step.role) return roleOf(el) === step.role && (!step.name || test(step.name, nameOf(el)));
    if (step.label) return 'labels' in el && test(step.label, labelOf(el));
    // The innermost elements with the text, as Playwright's getByText.
    return (
      test(step.text, el.textContent) &&
      !Array.from(el.children).some((child) => test(step.text, child.textContent))
    );
  };
  let scope = [document.documentElement];
  for (const step of steps) {
    if ('nth' in step) {
      scope = scope.slice(step.nth, step.nth + 1);
      continue;
    }
    const next = new Set();
    for (const root of scope) {
      const candidates = root === document.documentElement ? [root] : [];
      for (const el of [...candidates, ...descendants(root)]) if (matches(el, step)) next.add(el);
    }
    scope = [...next];
  }
  return scope;
}

/** Runs in the page: whether an element is shown (Playwright's "visible"). */
function isVisible(el) {
  return el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
}

const pattern = (value) =>
  value instanceof RegExp ? { regex: value.source, flags: value.flags } : { text: String(value) };

/** A lazy chain of steps; the page's driver resolves it on each action. */
class Locator {
  constructor(page, steps) {
    this.page = page;
    this.steps = steps;
  }

  locator(css) {
    return new Locator(this.page, [...this.steps, { css }]);
  }
  getByRole(role, { name } = {}) {
    return new Locator(this.page, [
      ...this.steps,
      { role, ...(name === undefined ? {} : { name: pattern(name) }) },
    ]);
  }
  getByText(text) {
    return new Locator(this.page, [...this.steps, { text: pattern(text) }]);
  }
  getByLabel(label) {
    return new Locator(this.page, [...this.steps, { label: pattern(label) }]);
  }
  first() {
    return this.nth(0);
  }
  nth(index) {
    return new Locator(this.page, [...this.steps, { nth: index }]);
  }

  count() {
    return this.page.driver.count(this.steps);
  }
  async waitFor({ timeout = DEFAULT_TIMEOUT } = {}) {
    await poll(() => this.page.driver.visible(this.steps), {
      timeout,
      what: `waiting for ${JSON.stringify(this.steps)} on ${this.page.url()}`,
    });
  }
  async click() {
    await this.waitFor();
    await poll(() => this.page.driver.click(this.steps).then(() => true), {
      what: `clicking ${JSON.stringify(this.steps)}`,
    });
  }
  async fill(value) {
    await this.waitFor();
    await this.page.driver.fill(this.steps, value);
  }
  async evaluate(fn, arg) {
    await this.waitFor();
    return this.page.driver.evaluateOn(this.steps, fn, arg);
  }
}

/** What the tests use of Playwright's Page, over an engine's driver. */
class Page extends EventEmitter {
  constructor(driver) {
    super();
    this.driver = driver;
    this.closed = false;
  }

  url() {
    return this.driver.currentUrl();
  }
  isClosed() {
    return this.closed;
  }
  locator(css) {
    return new Locator(this, [{ css }]);
  }
  getByRole(role, options) {
    return new Locator(this, []).getByRole(role, options);
  }
  getByText(text) {
    return new Locator(this, []).getByText(text);
  }
  getByLabel(label) {
    return new Locator(this, []).getByLabel(label);
  }
  goto(url) {
    return this.driver.goto(url);
  }
  evaluate(fn, arg) {
    return this.driver.evaluate(fn, arg);
  }
  waitForTimeout(ms) {
    return sleep(ms);
  }
  async waitForURL(expected, { timeout = DEFAULT_TIMEOUT } = {}) {
    const fits = (href) =>
      typeof expected === 'function'
        ? expected(new URL(href))
        : expected instanceof RegExp
          ? expected.test(href)
          : href === expected;
    await poll(async () => fits(await this.driver.refreshUrl()), {
      timeout,
      what: `URL ${expected} (at ${this.url()})`,
    });
  }
  async close() {
    if (this.closed) return;
    this.closed = true;
    await this.driver.close();
  }
}

// ---- Firefox: puppeteer-core over WebDriver BiDi -------------------------------------------

/** Runs in the page: focuses a field and selects its text, so typing replaces it. */
function focusAndSelect(el) {
  el.focus();
  el.select?.();
}

/** Marks the console lines that carry binding calls (see `bindViaConsole`). */
const BINDING_LINE = '\u2063e2e-binding\u2063';

/**
 * Runs in the page before its own scripts. Each binding becomes one console line: BiDi sends
 * a log entry with its text at once, so a call made just before the page navigates away
 * still arrives (puppeteer's own exposed functions read their arguments back from the page,
 * which is gone by then). Calls are counted per document, so the driver can wait for all.
 */
function bindViaConsole(names, marker) {
  const documentId = Math.random().toString(36).slice(2);
  window.__e2eDocument = documentId;
  window.__e2eSent = 0;
  const debug = console.debug.bind(console);
  for (const name of names) {
    window[name] = (...args) => {
      window.__e2eSent += 1;
      debug(marker + JSON.stringify({ documentId, name, args }));
    };
  }
}

class FirefoxPageDriver {
  constructor(page) {
    this.page = page;
    /** Binding calls received, per document. */
    this.received = new Map();
  }

  currentUrl() {
    return this.page.url();
  }
  async refreshUrl() {
    return this.page.url();
  }
  async goto(url) {
    return this.page.goto(url);
  }
  /** Resolves once every binding call the current document made has arrived. */
  async settle() {
    const sent = await this.page
      .evaluate(() => [window.__e2eDocument, window.__e2eSent ?? 0])
      .catch(() => undefined);
    if (!sent?.[0]) return;
    await poll(() => (this.received.get(sent[0]) ?? 0) >= sent[1], {
      timeout: 5_000,
      what: 'binding calls from the page',
    });
  }
  async evaluate(fn, arg) {
    const result = await this.page.evaluate(fn, arg);
    await this.settle();
    return result;
  }
  async first(steps) {
    const all = await this.page.evaluateHandle(findAll, steps);
    const element = (await all.getProperty('0')).asElement();
    await all.dispose();
    if (!element) throw new Error(`nothing matches ${JSON.stringify(steps)}`);
    return element;
  }
  count(steps) {
    return this.page.evaluate(`(${findAll})(${JSON.stringify(steps)}).length`);
  }
  async visible(steps) {
    const shown = await this.page.evaluate(
      `(${findAll})(${JSON.stringify(steps)}).some((el) => (${isVisible})(el))`,
    );
    if (shown) await this.settle();
    return shown;
  }
  async click(steps) {
    await (await this.first(steps)).click();
  }
  async fill(steps, value) {
    const element = await this.first(steps);
    await element.evaluate(focusAndSelect);
    if (value) await this.page.keyboard.type(value);
    else await this.page.keyboard.press('Backspace');
  }
  async evaluateOn(steps, fn, arg) {
    return (await this.first(steps)).evaluate(fn, arg);
  }
  close() {
    return this.page.close();
  }
}

/** The request and response objects the tests read, as Playwright names them. */
const firefoxRequest = (request) => ({
  method: () => request.method(),
  url: () => request.url(),
  // WebDriver BiDi gives puppeteer no request bodies.
  postData: () => undefined,
});
const firefoxResponse = (response) => ({
  url: () => response.url(),
  status: () => response.status(),
  headers: () => response.headers(),
  request: () => firefoxRequest(response.request()),
  json: () => response.json(),
});

class FirefoxContext extends EventEmitter {
  constructor(context, viewport) {
    super();
    this.context = context;
    this.viewport = viewport;
    this.initScripts = [];
    this.bindings = [];
  }

  async exposeBinding(name, callback) {
    this.bindings.push([name, callback]);
  }
  async addInitScript(script) {
    this.initScripts.push(script);
  }
  async newPage() {
    const raw = await this.context.newPage();
    const page = new Page(new FirefoxPageDriver(raw));
    if (this.viewport) await raw.setViewport(this.viewport);
    const { received } = page.driver;
    const bindings = new Map(this.bindings);
    await raw.evaluateOnNewDocument(bindViaConsole, [...bindings.keys()], BINDING_LINE);
    for (const script of this.initScripts) await raw.evaluateOnNewDocument(script);
    raw.on('console', (message) => {
      const text = message.text();
      if (!text.startsWith(BINDING_LINE)) {
        page.emit('console', { type: () => message.type(), text: () => text });
        return;
      }
      const { documentId, name, args } = JSON.parse(text.slice(BINDING_LINE.length));
      received.set(documentId, (received.get(documentId) ?? 0) + 1);
      bindings.get(name)?.({ page }, ...args);
    });
    raw.on('pageerror', (error) => page.emit('pageerror', error));
    raw.on('request', (request) => page.emit('request', firefoxRequest(request)));
    raw.on('response', (response) => page.emit('response', firefoxResponse(response)));
    this.emit('page', page);
    return page;
  }
  close() {
    return this.context.close();
  }
}

async function launchFirefox() {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: executable('firefox', 'firefox'),
    headless: true,
    protocolTimeout: 60_000,
    extraPrefsFirefox: {
      'intl.accept_languages': 'nl-NL, nl',
      // As for the browser tests: the client's own retries, not Firefox's.
      'network.http.request.max-attempts': 1,
    },
  });
  return {
    supports: { network: true, loadEvents: true },
    async newContext({ viewport } = {}) {
      return new FirefoxContext(await browser.createBrowserContext(), viewport);
    },
    close: () => browser.close(),
  };
}

// ---- WebKit: MiniBrowser over classic WebDriver --------------------------------------------

/**
 * Runs in the page: installs the context's bindings (calls are queued for the driver to
 * collect) and init scripts once per document, and records console errors and uncaught
 * errors from then on. Returns the queue since the last call.
 */
function collect(bindingNames) {
  if (!window.__e2eQueue) {
    const queue = (window.__e2eQueue = []);
    for (const name of bindingNames)
      window[name] = (...args) => queue.push(['binding', name, args]);
    for (const type of ['log', 'info', 'warn', 'error', 'debug']) {
      const original = console[type];
      console[type] = (...args) => {
        queue.push(['console', type, args.map(String).join(' ')]);
        original.apply(console, args);
      };
    }
    window.addEventListener('error', (event) => queue.push(['pageerror', String(event.message)]));
    window.addEventListener('unhandledrejection', (event) =>
      queue.push(['pageerror', String(event.reason)]),
    );
  }
  return window.__e2eQueue.splice(0);
}

class WebKitContext extends EventEmitter {
  constructor(browser, viewport, driver) {
    super();
    this.browser = browser;
    this.driver = driver;
    this.viewport = viewport;
    this.bindings = new Map();
    this.initScripts = [];
    this.pages = new Map();
    this.current = undefined;
    this.queue = Promise.resolve();
    this.timer = setInterval(() => this.drainCurrent().catch(() => {}), 250);
  }

  /** WebDriver serves one window at a time: every command runs in turn, in its window. */
  run(page, command) {
    const next = this.queue.then(async () => {
      if (page && this.current !== page.handle) {
        await this.browser.switchToWindow(page.handle);
        this.current = page.handle;
      }
      return command();
    });
    this.queue = next.catch(() => {});
    return next;
  }

  /** Installs the probe in the current document if it is new, and hands out what it saw. */
  async drainCurrent() {
    const page = [...this.pages.values()].find((candidate) => candidate.handle === this.current);
    if (!page) return;
    await this.run(page, async () => {
      const scripts = this.initScripts.map((script) => `(${script})();`).join('\n');
      const names = JSON.stringify([...this.bindings.keys()]);
      const entries = await this.browser.execute(
        `const fresh = !window.__e2eQueue;
         const entries = (${collect})(${names});
         if (fresh) { ${scripts} }
         return { entries, url: location.href };`,
      );
      page.driver.lastUrl = entries.url;
      for (const [kind, ...data] of entries.entries) {
        if (kind === 'binding') this.bindings.get(data[0])?.({ page }, ...data[1]);
        if (kind === 'console') page.emit('console', { type: () => data[0], text: () => data[1] });
        if (kind === 'pageerror') page.emit('pageerror', new Error(data[0]));
      }
    });
  }

  async exposeBinding(name, callback) {
    this.bindings.set(name, callback);
  }
  async addInitScript(script) {
    this.initScripts.push(script);
  }
  async newPage() {
    const handle =
      this.pages.size === 0
        ? await this.browser.getWindowHandle()
        : (await this.run(undefined, () => this.browser.createWindow('window'))).handle;
    const page = new Page(new WebKitPageDriver(this));
    page.handle = handle;
    page.driver.page = page;
    this.pages.set(handle, page);
    if (this.viewport && this.pages.size === 1) {
      await this.browser.setWindowSize(this.viewport.width, this.viewport.height);
    }
    this.emit('page', page);
    return page;
  }
  async close() {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.timer);
    await this.queue;
    await this.browser.deleteSession().catch(() => {});
    this.driver.stop();
  }
}

class WebKitPageDriver {
  constructor(context) {
    this.context = context;
    this.lastUrl = 'about:blank';
  }

  run(command) {
    return this.context.run(this.page, command);
  }
  get browser() {
    return this.context.browser;
  }
  currentUrl() {
    return this.lastUrl;
  }
  async refreshUrl() {
    this.lastUrl = await this.run(() => this.browser.getUrl());
    await this.context.drainCurrent();
    return this.lastUrl;
  }
  async goto(url) {
    await this.run(() => this.browser.url(url));
    await this.refreshUrl();
    // WebDriver shows no responses: the headers come from the same request made again.
    const response = await fetch(url);
    return { status: () => response.status, headers: () => Object.fromEntries(response.headers) };
  }
  async evaluate(fn, arg) {
    await this.context.drainCurrent();
    const result = await this.run(() =>
      this.browser.execute(`return (${fn})(arguments[0]);`, arg ?? null),
    );
    await this.context.drainCurrent();
    return result;
  }
  async count(steps) {
    return this.run(() => this.browser.execute(`return (${findAll})(arguments[0]).length;`, steps));
  }
  async visible(steps) {
    await this.context.drainCurrent();
    return this.run(() =>
      this.browser.execute(
        `return (${findAll})(arguments[0]).some((el) => (${isVisible})(el));`,
        steps,
      ),
    );
  }
  async element(steps) {
    const reference = await this.browser.execute(
      `return (${findAll})(arguments[0])[0] ?? null;`,
      steps,
    );
    if (!reference) throw new Error(`nothing matches ${JSON.stringify(steps)}`);
    return this.browser.$(reference);
  }
  async click(steps) {
    await this.run(async () => (await this.element(steps)).click());
  }
  async fill(steps, value) {
    await this.run(async () => {
      const element = await this.element(steps);
      await element.clearValue();
      if (value) await element.addValue(value);
    });
  }
  async evaluateOn(steps, fn, arg) {
    return this.run(() =>
      this.browser.execute(
        `return (${fn})((${findAll})(arguments[0])[0], arguments[1]);`,
        steps,
        arg ?? null,
      ),
    );
  }
  async close() {
    await this.run(() => this.browser.closeWindow());
    this.context.pages.delete(this.page.handle);
    this.context.current = undefined;
  }
}

async function launchWebKit() {
  let open;
  return {
    supports: { network: false, loadEvents: false },
    async newContext({ viewport } = {}) {
      // A driver and session per context: its own MiniBrowser, so its own storage and cookies;
      // a fresh driver each time, as a second session on one driver now and then never starts.
      // The driver serves one session at a time, so a context a failed test left open ends.
      await open?.close();
      const driver = await startWebKitDriver();
      try {
        const options = { ...webkitRemoteOptions(driver.port), logLevel: 'silent' };
        open = new WebKitContext(await remote(options), viewport, driver);
      } catch (error) {
        driver.stop();
        throw error;
      }
      return open;
    },
    async close() {
      await open?.close();
    },
  };
}

/** The browser of this run's engine: Playwright's Chromium, or the API above. */
export async function launchEngine(engine = ENGINE) {
  if (engine === 'firefox') return launchFirefox();
  if (engine === 'webkit') return launchWebKit();
  const browser = await launchBrowser();
  browser.supports = { network: true, loadEvents: true };
  return browser;
}
