/**
 * `npm run bench`: builds the bundle, starts the local Hub (behind a benchmark proxy) and the
 * demo site on free 127.0.0.1 ports, drives Chromium through the demo contracts page and prints
 * one markdown table: bundle sizes, requests per endpoint, contracts response → first row,
 * render / keystroke / sort times of <anva-contracts> next to a plain-DOM baseline, and JS heap.
 * Progress goes to stderr, the table to stdout. A benchmark, not a test: it fails only when it
 * cannot measure.
 *
 * How each figure is timed is described in test/bench/page.mjs.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compressedSizes } from './sizes.mjs';
import { contractsOf, loadDossier } from '../demo/hub/dossier.mjs';
import { startHub } from '../demo/hub/server.mjs';
import { startSite } from '../demo/site-server.mjs';
import { CUSTOMERS, launchBrowser, listening, signIn } from '../test/e2e/harness.mjs';
import { benchProbe } from '../test/bench/page.mjs';
import { BASELINE_PATH, startBenchProxy } from '../test/bench/proxy.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');
const PAGE = '/mijn-verzekeringen.html';
const CONTRACTS = '/contract/contracts/mycontracts';
const SIZES = [100, 1000, 5000];
/** Default paging for every size, and once without paging (`page-size` = all rows). */
const CONFIGS = [...SIZES.map((count) => ({ count, all: false })), { count: 1000, all: true }];
const RUNS = 7;
const RELOADS = 5;
const QUERY = 'vracht';
/** Each column header twice: ascending, then descending. */
const SORT_ORDER = [0, 0, 1, 1, 2, 2, 3, 3, 4, 4];
const WIDGETS = ['anva-login', 'anva-contracts', 'anva-contract-detail', 'anva-account'];
const CUSTOMER = CUSTOMERS.kees;

const clock = performance.now();
const progress = (line) =>
  process.stderr.write(`bench: ${((performance.now() - clock) / 1000).toFixed(0)} s: ${line}\n`);
const notes = [];

/** `npm run build`; an over-budget bundle still gets measured (the size check runs last). */
async function build() {
  const bundle = join(dist, 'anva-widgets.js');
  const started = Date.now();
  const npm = process.env.npm_execpath;
  const [command, args] = npm
    ? [process.execPath, [npm, 'run', 'build']]
    : ['npm', ['run', 'build']];
  const result = spawnSync(command, args, { cwd: root, encoding: 'utf8' });
  const built = await stat(bundle).then(
    (info) => info.mtimeMs >= started - 1000,
    () => false,
  );
  if (result.status === 0) return;
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim();
  if (!built) {
    process.stderr.write(`${output}\n`);
    throw new Error('npm run build failed before the bundle was written');
  }
  const over = output.split('\n').find((line) => line.startsWith('size OVER'));
  notes.push(`\`npm run build\` failed after writing the bundle: ${over ?? 'see its output'}.`);
}

/** Every built script's sizes, measured as the size budget measures them. */
async function sizes() {
  const files = (await readdir(dist, { recursive: true })).filter((name) => name.endsWith('.js'));
  const budget = JSON.parse(await readFile(join(root, 'size-budget.json'), 'utf8')).files ?? {};
  return files.sort().map((name) => ({
    name,
    ...compressedSizes(join(dist, name)),
    budget: budget[name]?.gzip,
  }));
}

async function startStack() {
  const dir = await mkdtemp(join(os.tmpdir(), 'anva-bench-'));
  // Servers already listening on free ports: none can lose its port to another process.
  const [hubServer, proxyServer, siteServer] = [
    await listening(),
    await listening(),
    await listening(),
  ];
  const portOf = (server) => server.address().port;
  const siteOrigin = `http://127.0.0.1:${portOf(siteServer)}`;
  const servers = [];
  const close = async () => {
    await Promise.allSettled(servers.map((server) => server.close()));
    await rm(dir, { recursive: true, force: true });
  };
  try {
    // One origin for the Hub, behind the proxy that counts and enlarges its answers.
    const proxyOrigin = `http://127.0.0.1:${portOf(proxyServer)}`;
    const hub = await startHub({
      servers: { identity: hubServer },
      singleOrigin: true,
      host: '127.0.0.1',
      issuer: `${proxyOrigin}/identity`,
      apiBase: `${proxyOrigin}/api`,
      siteOrigin,
      dataFile: join(dir, 'hub.json'),
      accessTokenTtl: 3600,
      log: () => {},
    });
    servers.push(hub);
    const proxy = await startBenchProxy({
      server: proxyServer,
      targetPort: portOf(hubServer),
      siteOrigin,
    });
    servers.push(proxy);
    const site = await startSite({
      server: siteServer,
      publicHost: '127.0.0.1',
      hubIssuer: hub.issuer,
      apiBase: hub.apiBase,
    });
    servers.push(site);
    return {
      hub,
      site,
      proxy: proxy.control,
      baselineUrl: `${proxyOrigin}${BASELINE_PATH}`,
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/** A contract of the customer, so <anva-contract-detail> has one to fetch (`?contract=`). */
function firstContractId() {
  const dossier = loadDossier();
  const account = dossier.accounts.find((a) => a.email === CUSTOMER.email);
  const dossiers = {};
  for (const contactId of account.contactIds) {
    const contact = dossier.contacts.find((c) => c.id === contactId);
    dossiers[String(contact.organizationId)] = contact.dossierNumber;
  }
  return contractsOf(dossier, dossiers)[0].id;
}

/** Which of the four widgets the contracts page lacks: the page probe adds them while it loads. */
async function missingWidgets(siteUrl) {
  // The page as served: the site server fills in shared parts such as the header.
  const html = await (await fetch(`${siteUrl}${PAGE}`)).text();
  const missing = WIDGETS.filter((tag) => !html.includes(`<${tag}`));
  if (missing.length)
    notes.push(
      `${PAGE} lacks ${missing.map((t) => `\`<${t}>\``).join(', ')}: the bench adds them after \`<anva-contracts>\` while the page loads.`,
    );
  return missing;
}

async function waitForWidgets(page, state = 'ready', tags = WIDGETS.slice(1)) {
  for (const tag of tags)
    await page.locator(`${tag}[state="${state}"]`).first().waitFor({ timeout: 30_000 });
}

/** Requests from index `from` on: per Hub endpoint, plus how often the bundle was loaded. */
function countRequests(requests, from, { hubOrigin, apiBase, issuer, contractId }) {
  const counts = new Map([
    ['discovery', 0],
    ['token', 0],
    ['GET /account/mine', 0],
    ['GET /organization/organizations/mine', 0],
    ['GET /permission/permissions/mine', 0],
    [`GET ${CONTRACTS}`, 0],
    ['GET /contract/contracts/{id}/mine', 0],
  ]);
  const add = (key) => counts.set(key, (counts.get(key) ?? 0) + 1);
  let bundle = 0;
  for (const { method, url } of requests.slice(from)) {
    if (url.endsWith('/anva-widgets.js')) bundle += 1;
    if (!url.startsWith(hubOrigin)) continue;
    const path = url.split('?')[0];
    if (path === `${issuer}/.well-known/openid-configuration`) add('discovery');
    else if (path === `${issuer}/token`) add('token');
    else if (path.startsWith(`${apiBase}/`)) {
      const rest = path.slice(apiBase.length);
      add(
        `${method} ${rest === `/contract/contracts/${contractId}/mine` ? '/contract/contracts/{id}/mine' : rest}`,
      );
    } else add(`${method} ${path.slice(hubOrigin.length)}`);
  }
  return { counts, bundle };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

async function main() {
  progress('building (npm run build) ...');
  await build();
  const files = await sizes();

  const stack = await startStack();
  let browser;
  try {
    browser = await launchBrowser();
    return { files, ...(await measure(stack, browser)), chromium: browser.version() };
  } finally {
    await browser?.close();
    await stack.close();
  }
}

async function measure(stack, browser) {
  const siteOrigin = new URL(stack.site.url).origin;
  const hubOrigin = new URL(stack.hub.issuer).origin;
  const contractId = firstContractId();
  const context = await browser.newContext({
    locale: 'nl-NL',
    viewport: { width: 1280, height: 900 },
  });
  await context.addInitScript(benchProbe, {
    siteOrigin,
    extraWidgets: await missingWidgets(stack.site.url),
  });
  const page = await context.newPage();
  const tools = await helpers(page);
  const { bench } = tools;
  const requests = [];
  page.on('request', (request) => requests.push({ method: request.method(), url: request.url() }));
  const where = { hubOrigin, apiBase: stack.hub.apiBase, issuer: stack.hub.issuer, contractId };

  // Sign in through the Hub's login page; count what the page that comes back loads.
  progress(`signing in as ${CUSTOMER.email} on ${PAGE} ...`);
  await page.goto(`${stack.site.url}${PAGE}?contract=${contractId}`);
  await signIn(page, stack, CUSTOMER);
  await waitForWidgets(page);
  await page.waitForTimeout(1000);
  const callback = requests.findIndex(
    ({ url }) => url.startsWith(`${siteOrigin}${PAGE}?`) && url.includes('code='),
  );
  const afterSignIn = countRequests(requests, callback, where);
  const firstRows = [await bench('firstRow', CONTRACTS)];

  progress(`reloading ${RELOADS}× (signed in, 1 000 contracts from the Hub) ...`);
  let afterReload;
  for (let i = 0; i < RELOADS; i++) {
    const from = requests.length;
    await page.reload();
    await waitForWidgets(page);
    firstRows.push(await bench('firstRow', CONTRACTS));
    if (i === 0) {
      await page.waitForTimeout(1000);
      afterReload = countRequests(requests, from, where);
    }
  }

  const timings = [];
  for (const config of CONFIGS) timings.push(await measureContracts(page, stack, tools, config));
  const memory = await measureMemory(page, stack, tools);
  await context.close();
  return { afterSignIn, afterReload, firstRows, timings, memory };
}

/** For one page: call a `window.__anvaBench` method, force a garbage collection. */
async function helpers(page) {
  const cdp = await page.context().newCDPSession(page);
  return {
    cdp,
    gc: () => cdp.send('HeapProfiler.collectGarbage'),
    bench: (method, ...args) =>
      page.evaluate(([name, rest]) => window.__anvaBench[name](...rest), [method, args]),
  };
}

/** Reloads the page with `count` contracts and leaves <anva-contracts> alone on it. */
async function reloadWith(page, stack, count, state = 'ready') {
  stack.proxy.count = count;
  await page.reload();
  await waitForWidgets(page, state, ['anva-contracts']);
  await page.evaluate(() => window.__anvaBench.isolate());
}

/**
 * <anva-contracts> fed `count` contracts by the proxy, next to the plain-DOM baseline: render,
 * keystrokes, sort clicks. A fresh page load per configuration, so no sort order carries over.
 */
async function measureContracts(page, stack, { gc, bench }, { count, all }) {
  progress(`${count} contracts, ${all ? 'all rows shown' : 'default page size'} ...`);
  await reloadWith(page, stack, count);
  if (all) await bench('setPageSize', count);
  const pageSize = await page.evaluate(() => document.querySelector('anva-contracts').pageSize);
  const render = { widget: [], plain: [] };
  // Run 0 warms both up; widget and baseline alternate so drift hits both alike.
  for (let run = 0; run <= RUNS; run++) {
    await gc();
    const widget = await bench('renderWidget', CONTRACTS);
    await gc();
    const plain = await bench('renderPlain', stack.baselineUrl, pageSize);
    await bench('clearPlain', true);
    const shown = Math.min(count, pageSize);
    if (widget.rows !== shown || plain.rows !== shown)
      throw new Error(
        `expected ${shown} rows, widget showed ${widget.rows}, baseline ${plain.rows}`,
      );
    if (run === 0) continue;
    render.widget.push(widget.busy);
    render.plain.push(plain.busy);
  }
  await gc();
  const typeWidget = await bench('typeWidget', QUERY);
  await bench('showPlain', pageSize);
  await gc();
  const typePlain = await bench('typePlain', QUERY);
  await bench('clearPlain', true);
  await gc();
  const sortWidget = await bench('sortWidget', SORT_ORDER);
  await bench('showPlain', pageSize);
  await gc();
  const sortPlain = await bench('sortPlain', SORT_ORDER);
  await bench('clearPlain');
  return {
    count,
    all,
    pageSize,
    render: { widget: median(render.widget), plain: median(render.plain) },
    keystroke: { widget: median(typeWidget), plain: median(typePlain) },
    sort: { widget: median(sortWidget), plain: median(sortPlain) },
  };
}

/**
 * JS heap (and DOM nodes) with no contracts, then with the most contracts at the default page
 * size: first the plain-DOM baseline, then the widget, so neither keeps the other's leftovers.
 */
async function measureMemory(page, stack, { cdp, gc, bench }) {
  progress('memory ...');
  const heap = async () => {
    await gc();
    await gc();
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    const { nodes } = await cdp.send('Memory.getDOMCounters');
    return { used: usedSize, nodes };
  };
  const count = SIZES.at(-1);
  await reloadWith(page, stack, 0, 'empty');
  const pageSize = await page.evaluate(() => document.querySelector('anva-contracts').pageSize);
  const before = await heap();
  stack.proxy.count = count;
  await bench('renderPlain', stack.baselineUrl, pageSize);
  const plain = await heap();
  await bench('clearPlain');
  const plainGone = await heap();
  await bench('refetch', 'ready');
  const widget = await heap();
  return { count, pageSize, before, plain, plainGone, widget };
}

const ms = (value) => `${value < 10 ? value.toFixed(2) : value.toFixed(1)} ms`;
const bytes = (value) => `${value.toLocaleString('en-US').replaceAll(',', ' ')} B`;
const mb = (value) => `${(value / 1024 / 1024).toFixed(1)} MB`;
const ratio = (a, b) => `${(a / b).toFixed(1)}×`;
const thousands = (n) => n.toLocaleString('en-US').replaceAll(',', ' ');

function table(result, started) {
  const { files, afterSignIn, afterReload, firstRows, timings, memory } = result;
  const cpus = os.cpus();
  const rows = [
    ['Measured', `${started.toISOString().slice(0, 16).replace('T', ' ')} UTC`, '', ''],
    [
      'Machine',
      `${cpus[0]?.model.trim() ?? 'unknown CPU'}, ${cpus.length} cores, Node ${process.version}, Chromium ${result.chromium}`,
      '',
      '',
    ],
  ];
  for (const file of files) {
    const budget = file.budget ? ` (budget ${bytes(file.budget)})` : '';
    rows.push([
      `Size \`dist/${file.name}\``,
      `gzip -9 **${bytes(file.gzip)}**${budget} · brotli ${bytes(file.brotli)} · raw ${bytes(file.raw)}`,
      '',
      '',
    ]);
  }
  const keys = new Set([...afterSignIn.counts.keys(), ...afterReload.counts.keys()]);
  for (const key of keys) {
    rows.push([
      `Requests: ${key}`,
      `${afterSignIn.counts.get(key) ?? 0} after sign-in · ${afterReload.counts.get(key) ?? 0} on reload`,
      '',
      '',
    ]);
  }
  rows.push([
    'Requests: `anva-widgets.js`',
    `${afterSignIn.bundle} after sign-in · ${afterReload.bundle} on reload`,
    '',
    '',
  ]);
  const reloads = firstRows.slice(1);
  rows.push([
    'Contracts response → first row painted (1 000 contracts, real Hub)',
    `${ms(median(reloads.map((r) => r.wall)))} (main thread ${ms(median(reloads.map((r) => r.busy)))}); after sign-in ${ms(firstRows[0].wall)}`,
    '',
    '',
  ]);
  for (const t of timings) {
    const shown = t.all ? `all ${thousands(t.count)} rows` : `page size ${t.pageSize}`;
    const label = `${thousands(t.count)} contracts, ${shown}`;
    for (const [name, what] of [
      ['render', 'Render'],
      ['keystroke', 'Search keystroke'],
      ['sort', 'Sort click'],
    ]) {
      const { widget, plain } = t[name];
      rows.push([`${what}: ${label}`, ms(widget), ms(plain), ratio(widget, plain)]);
    }
  }
  const { count, pageSize, before, plain, plainGone, widget } = memory;
  const heapOf = (after, from) =>
    `${mb(after.used)} (+${mb(after.used - from.used)}), ${thousands(after.nodes)} DOM nodes`;
  rows.push([
    'JS heap before (signed in, no contracts)',
    `${mb(before.used)}, ${thousands(before.nodes)} DOM nodes`,
    '',
    '',
  ]);
  rows.push([
    `JS heap after ${thousands(count)} contracts, page size ${pageSize}`,
    heapOf(widget, plainGone),
    heapOf(plain, before),
    ratio(widget.used - plainGone.used, plain.used - before.used),
  ]);

  const lines = [
    '| Measure | anva-widgets | plain DOM | ratio |',
    '| --- | --- | --- | --- |',
    ...rows.map((cells) => `| ${cells.join(' | ')} |`),
    '',
    `Requests: counted with Playwright \`page.on('request')\` on ${PAGE} holding the four widgets, signed in as ${CUSTOMER.email} through the Hub's login page (CORS preflights are not counted). ` +
      `Times are medians: render of ${RUNS} runs after a warm-up, keystrokes of ${QUERY.length * 2} (typing and erasing "${QUERY}"), sort clicks of ${SORT_ORDER.length} (each column twice), first row of ${RELOADS} signed-in reloads. ` +
      'Render is from the contracts response (ResourceTiming `responseEnd`) to rows painted, main-thread time without the idle wait for the next frame; it includes parsing and validating the response. ' +
      'The plain-DOM baseline fetches the same body and builds the same five cells per shown row with `document.createElement` in the same page (widget hidden meanwhile); on a keystroke or sort it rebuilds the shown rows, where Lit patches the existing ones, hence ratios below 1. ' +
      'JS heap is V8 `usedSize` after forced garbage collection (CDP `HeapProfiler.collectGarbage`, `Runtime.getHeapUsage`); growth is against the "before" line.',
    ...notes.map((note) => `Note: ${note}`),
  ];
  return lines.join('\n');
}

const started = new Date();
main().then(
  (result) => {
    process.stdout.write(`${table(result, started)}\n`);
    progress(`done in ${((performance.now() - clock) / 1000).toFixed(0)} s`);
    process.exit(0);
  },
  (error) => {
    process.stderr.write(`bench: ${error.stack ?? error}\n`);
    process.exit(1);
  },
);
