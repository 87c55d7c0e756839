/**
 * What the benchmark runs inside the demo page. `benchProbe` is installed as an init script
 * (before the page's own scripts) and defines `window.__anvaBench`; the Node side calls its
 * methods through `page.evaluate`. It is serialised into the page, so it must stay
 * self-contained.
 *
 * Timing method. Paint itself is not observable from script, so "painted" is the end of the
 * frame that renders the change: a task posted from inside that frame's requestAnimationFrame
 * callback runs only after Chromium finished style, layout and paint of the frame on the main
 * thread. Work triggered inside the rAF callback (a keystroke, a sort click, the plain-DOM
 * build) is then timed as "rAF start → that task", so the figure never contains the idle wait
 * for the next vsync. Work triggered by a response arriving cannot be started inside a frame;
 * it is timed as (DOM committed − ResourceTiming responseEnd) + (the next frame's rAF start →
 * the posted task), i.e. the main-thread time from the last byte to pixels, without the idle
 * wait between commit and the next vsync. `wall` keeps the plain responseEnd → painted time.
 */
export function benchProbe({ siteOrigin, extraWidgets }) {
  if (location.origin !== siteOrigin) return;
  const bench = {};
  window.__anvaBench = bench;

  // Widgets the page lacks go right after <anva-contracts> while the parser inserts it, before
  // the bundle runs (a rewritten response would lose the page's loopback address space).
  if (extraWidgets.length) {
    const adder = new MutationObserver(() => {
      const contracts = document.querySelector('anva-contracts');
      if (!contracts) return;
      adder.disconnect();
      contracts.after(...extraWidgets.map((tag) => document.createElement(tag)));
    });
    adder.observe(document, { childList: true, subtree: true });
  }

  const afterFrame = (resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve(performance.now());
    channel.port2.postMessage(null);
  };

  /** Runs `action` at the start of a frame; resolves with the ms until that frame is painted. */
  const timeInFrame = (action) =>
    new Promise((resolve) =>
      requestAnimationFrame(() => {
        const start = performance.now();
        action();
        afterFrame((end) => resolve(end - start));
      }),
    );

  /** Committed now; resolves once the next frame (which paints it) is done. */
  const paintOf = (committed) =>
    new Promise((resolve) =>
      requestAnimationFrame(() => {
        const frameStart = performance.now();
        afterFrame((painted) => resolve({ committed, frameStart, painted }));
      }),
    );

  const lastResponseEnd = (path) =>
    performance
      .getEntriesByType('resource')
      .filter((entry) => new URL(entry.name).pathname.endsWith(path))
      .at(-1)?.responseEnd;

  const timing = (responseEnd, { committed, frameStart, painted }) => ({
    busy: committed - responseEnd + (painted - frameStart),
    wall: painted - responseEnd,
  });

  const ROW = 'tr[part~="row"]';

  // The first <anva-contracts> row of this page load: its shadow root is observed from the
  // moment Lit creates it, so the commit is seen in the same microtask checkpoint.
  const attachShadow = Element.prototype.attachShadow;
  let firstRow;
  Element.prototype.attachShadow = function (init) {
    const root = attachShadow.call(this, init);
    if (this.localName === 'anva-contracts' && !firstRow) {
      firstRow = new Promise((resolve) => {
        const observer = new MutationObserver(() => {
          if (!root.querySelector(ROW)) return;
          observer.disconnect();
          paintOf(performance.now()).then(resolve);
        });
        observer.observe(root, { childList: true, subtree: true });
      });
    }
    return root;
  };

  bench.firstRow = async (path) => timing(lastResponseEnd(path), await firstRow);

  const widget = () => document.querySelector('anva-contracts');
  const runtime = () => globalThis[Symbol.for('anva-widgets.runtime')];

  /** Leaves `<anva-contracts>` alone on the page, so refetches concern it only. */
  bench.isolate = () => {
    for (const other of document.querySelectorAll('anva-login, anva-account, anva-contract-detail'))
      other.remove();
  };

  /**
   * Drops the Hub client's cache so the widget fetches again; resolves when its rows are
   * painted (`state="ready"` after having left it).
   */
  bench.renderWidget = (path) =>
    new Promise((resolve, reject) => {
      const host = widget();
      const root = host.shadowRoot;
      performance.clearResourceTimings();
      let left = false;
      const timer = setTimeout(() => reject(new Error('anva-contracts did not render')), 30_000);
      const observer = new MutationObserver(() => {
        if (host.getAttribute('state') !== 'ready') {
          left = true;
          return;
        }
        if (!left || !root.querySelector(ROW)) return;
        observer.disconnect();
        clearTimeout(timer);
        paintOf(performance.now()).then((marks) =>
          resolve({
            ...timing(lastResponseEnd(path), marks),
            rows: root.querySelectorAll(ROW).length,
          }),
        );
      });
      observer.observe(root, { childList: true, subtree: true, characterData: true });
      observer.observe(host, { attributes: true, attributeFilter: ['state'] });
      runtime().client.invalidate();
    });

  /** Resolves when `<anva-contracts>` shows `state` (e.g. after an unmeasured invalidate). */
  bench.settle = (state) =>
    new Promise((resolve) => {
      const check = () =>
        widget().getAttribute('state') === state ? resolve() : requestAnimationFrame(check);
      check();
    });

  bench.refetch = (state) => {
    runtime().client.invalidate();
    return new Promise((resolve) => requestAnimationFrame(() => bench.settle(state).then(resolve)));
  };

  bench.setPageSize = (size) => {
    if (size) widget().setAttribute('page-size', String(size));
    else widget().removeAttribute('page-size');
    return new Promise((resolve) => requestAnimationFrame(() => afterFrame(resolve)));
  };

  const type = (input, text) => {
    const times = [];
    const key = (value) => () => {
      input.value = value;
      input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    };
    return (async () => {
      for (let i = 1; i <= text.length; i++) times.push(await timeInFrame(key(text.slice(0, i))));
      for (let i = text.length - 1; i >= 0; i--)
        times.push(await timeInFrame(key(text.slice(0, i))));
      return times;
    })();
  };

  const clickEach = async (buttons, order) => {
    const times = [];
    for (const index of order) times.push(await timeInFrame(() => buttons()[index].click()));
    return times;
  };

  bench.typeWidget = (text) =>
    type(widget().shadowRoot.querySelector('input[part~="input"]'), text);
  bench.sortWidget = (order) =>
    clickEach(() => widget().shadowRoot.querySelectorAll('button[part~="sort"]'), order);

  // The plain-DOM baseline: the same five cells per shown row (type, contract number as a
  // link, description, provider, status badge), the same search and sort semantics, built with
  // document.createElement into a container next to the widget.
  const collator = new Intl.Collator('nl', { numeric: true, sensitivity: 'base' });
  const plain = { container: undefined, items: [], rows: [], query: '', sort: -1, dir: 1 };
  const LABELS = ['Soort', 'Polisnummer', 'Omschrijving', 'Maatschappij', 'Status'];

  const el = (tag, text) => {
    const node = document.createElement(tag);
    if (text !== undefined) node.textContent = text;
    return node;
  };

  const plainRow = (contract) => {
    const m = contract.metadata ?? {};
    const cells = [
      String(m.afdDefinitionName ?? ''),
      String(m.contractNumber ?? contract.id),
      String(m.productDescription ?? ''),
      String(m.porCompany?.name ?? ''),
      String(contract.status ?? ''),
    ];
    return { id: contract.id, cells, search: cells.join(' ').toLowerCase() };
  };

  const plainBody = () => {
    const query = plain.query.trim().toLowerCase();
    let shown = plain.rows.filter((row) => !query || row.search.includes(query));
    if (plain.sort >= 0)
      shown = [...shown].sort(
        (a, b) => collator.compare(a.cells[plain.sort], b.cells[plain.sort]) * plain.dir,
      );
    const tbody = el('tbody');
    for (const row of shown.slice(0, plain.pageSize)) {
      const tr = el('tr');
      row.cells.forEach((text, i) => {
        const td = el('td');
        // The widget's per-cell label is shown on narrow cards only; hidden here as there.
        const label = el('span', LABELS[i]);
        label.hidden = true;
        td.append(label);
        if (i === 1) {
          const link = el('a', text);
          link.href = `polis.html?contract=${encodeURIComponent(row.id)}`;
          td.append(link);
        } else if (i === 4) td.append(el('span', text));
        else td.append(text);
        tr.append(td);
      });
      tbody.append(tr);
    }
    plain.table.tBodies[0].replaceWith(tbody);
  };

  const plainTable = () => {
    const input = el('input');
    input.type = 'search';
    input.addEventListener('input', () => {
      plain.query = input.value;
      plainBody();
    });
    const table = el('table');
    const head = el('tr');
    LABELS.forEach((label, i) => {
      const button = el('button', label);
      button.addEventListener('click', () => {
        plain.dir = plain.sort === i ? -plain.dir : 1;
        plain.sort = i;
        plainBody();
      });
      const th = el('th');
      th.append(button);
      head.append(th);
    });
    table.append(el('thead'), el('tbody'));
    table.tHead.append(head);
    plain.input = input;
    plain.table = table;
    plainBody();
    plain.container.replaceChildren(input, table);
  };

  // The widget is hidden while the baseline is on show (and the baseline empty while the widget
  // is measured), so neither pays for the other's layout.
  const plainReset = (pageSize) => {
    if (!plain.container) {
      const host = el('div');
      widget().after(host);
      plain.container = host.attachShadow({ mode: 'open' });
    }
    widget().style.display = 'none';
    Object.assign(plain, { query: '', sort: -1, dir: 1, pageSize });
  };

  /** Fetches the same body the widget got, parses it, builds the table; times like the widget. */
  bench.renderPlain = async (url, pageSize) => {
    plainReset(pageSize);
    performance.clearResourceTimings();
    const response = await fetch(url, { credentials: 'omit' });
    plain.items = (await response.json()).data.items;
    plain.rows = plain.items.map(plainRow);
    plainTable();
    const marks = await paintOf(performance.now());
    return {
      ...timing(lastResponseEnd(new URL(url).pathname), marks),
      rows: plain.table.tBodies[0].rows.length,
    };
  };

  /** Builds the baseline table without timing it (before keystrokes and sort clicks). */
  bench.showPlain = (pageSize) => {
    plainReset(pageSize);
    plainTable();
    return new Promise((resolve) => requestAnimationFrame(() => afterFrame(resolve)));
  };

  bench.clearPlain = (keepData) => {
    plain.container?.replaceChildren();
    plain.table = undefined;
    plain.input = undefined;
    if (!keepData) {
      plain.items = [];
      plain.rows = [];
    }
    widget().style.display = '';
    return new Promise((resolve) => requestAnimationFrame(() => afterFrame(resolve)));
  };

  bench.typePlain = (text) => type(plain.input, text);
  bench.sortPlain = (order) => clickEach(() => plain.table.tHead.querySelectorAll('button'), order);
}
