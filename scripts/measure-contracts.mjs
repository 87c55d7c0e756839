/**
 * How long <anva-contracts> takes with 1 000 contracts, in Chromium with the production
 * bundle against the local Hub (demo customer Kees Smit): median of 7 runs per measurement.
 *   node scripts/measure-contracts.mjs
 */
import { CUSTOMERS, launchBrowser, openContext, signIn, startStack } from '../test/e2e/harness.mjs';

const stack = await startStack();
const browser = await launchBrowser();
try {
  const ctx = await openContext(browser, stack);
  const page = await ctx.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(stack.url('/index.html'));
  await signIn(page, stack, CUSTOMERS.kees);
  const loads = [];
  for (let run = 0; run < 7; run++) {
    const start = Date.now();
    await page.goto(stack.url('/mijn-verzekeringen.html'));
    await page.waitForFunction(
      () => document.querySelector('anva-contracts')?.getAttribute('state') === 'ready',
    );
    loads.push(Date.now() - start);
  }
  const result = await page.evaluate(async () => {
    const median = (times) => times.sort((a, b) => a - b)[Math.floor(times.length / 2)];
    const el = document.querySelector('anva-contracts');
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
    const measure = async (change) => {
      const times = [];
      for (let run = 0; run < 7; run++) {
        await frame();
        const start = performance.now();
        change(run);
        await el.updateComplete;
        el.shadowRoot.querySelector('table').getBoundingClientRect();
        times.push(performance.now() - start);
      }
      return median(times);
    };
    const columns = (run) => {
      el.columns = `type,contractNumber,description,provider,status${run % 2 ? ',premium' : ''}`;
    };
    const total = el.shadowRoot.querySelector('[part~="count"]').textContent.trim();
    const rebuildPage = await measure(columns);
    const sort = await measure(() => el.shadowRoot.querySelector('th:nth-child(3) button').click());
    const search = await measure((run) => {
      const input = el.shadowRoot.querySelector('input');
      input.value = run % 2 ? '' : '12';
      input.dispatchEvent(new Event('input'));
    });
    // A fresh element with every row in the DOM (the client serves the list from its cache).
    const fresh = async (attributes) => {
      const times = [];
      for (let run = 0; run < 7; run++) {
        await frame();
        const start = performance.now();
        const next = document.createElement('anva-contracts');
        for (const [name, value] of Object.entries(attributes)) next.setAttribute(name, value);
        el.parentElement.append(next);
        while (next.getAttribute('state') !== 'ready') await new Promise((r) => setTimeout(r));
        await next.updateComplete;
        next.shadowRoot.querySelector('table').getBoundingClientRect();
        times.push(performance.now() - start);
        next.remove();
      }
      return median(times);
    };
    const firstPage = await fresh({});
    const firstAll = await fresh({ 'page-size': '1000' });
    return { total, rebuildPage, sort, search, firstPage, firstAll };
  });
  const ms = (n) => `${n.toFixed(1)} ms`;
  console.log(`<anva-contracts> with ${result.total}, median of 7 runs:`);
  console.log(
    `  page load to "ready" (Hub on localhost, incl. fetch): ${loads.sort((a, b) => a - b)[3]} ms`,
  );
  console.log(`  all 1 000 rows rebuilt + first page rendered:          ${ms(result.rebuildPage)}`);
  console.log(`  sort by a column:                                      ${ms(result.sort)}`);
  console.log(`  search keystroke:                                      ${ms(result.search)}`);
  console.log(`  new element, first page shown (list cached):          ${ms(result.firstPage)}`);
  console.log(`  new element, all 1 000 rows at once (page-size=1000):  ${ms(result.firstAll)}`);
  await ctx.close();
} finally {
  await browser.close();
  await stack.close();
}
