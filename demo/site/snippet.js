/**
 * The snippet builder: a live preview of the chosen widgets on this page, and the exact
 * embed code as text. Everything is built with DOM APIs and textContent, never innerHTML,
 * so the page runs under the strict CSP with Trusted Types.
 */
const WIDGETS = {
  login: { tag: 'anva-login' },
  contracts: { tag: 'anva-contracts', detail: true },
  'contract-detail': { tag: 'anva-contract-detail' },
  account: { tag: 'anva-account' },
};

const form = document.getElementById('builder');
const preview = document.getElementById('preview');
const codeHtml = document.getElementById('code-html');
const codeCss = document.getElementById('code-css');
const codeCsp = document.getElementById('code-csp');
const codeHint = document.getElementById('code-hint');
const copyStatus = document.getElementById('copy-status');

form.elements.scriptUrl.value = new URL('/anva-widgets.js', window.location.href).href;

let integrity = '';

/** The Subresource Integrity hash of the script at `url`, when this page may read it. */
async function integrityOf(url) {
  try {
    const response = await fetch(url, { cache: 'no-store' });
    if (!response.ok) return '';
    const digest = await crypto.subtle.digest('SHA-384', await response.arrayBuffer());
    return `sha384-${btoa(String.fromCharCode(...new Uint8Array(digest)))}`;
  } catch {
    return '';
  }
}

function escapeAttribute(value) {
  return String(value)
    .replaceAll('&', '&amp;')
    .replaceAll('"', '&quot;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;');
}

function attributes(pairs) {
  return pairs
    .filter(([, value]) => value !== undefined && value !== '')
    .map(([name, value]) => ` ${name}="${escapeAttribute(value)}"`)
    .join('');
}

function settings() {
  const data = new FormData(form);
  return {
    widgets: data.getAll('widget'),
    lang: data.get('lang'),
    primary: data.get('primary'),
    text: data.get('text'),
    surface: data.get('surface'),
    border: data.get('border'),
    radius: Number(data.get('radius')),
    authority: String(data.get('authority')).trim(),
    clientId: String(data.get('clientId')).trim(),
    apiBase: String(data.get('apiBase')).trim(),
    detailHref: String(data.get('detailHref')).trim(),
    scriptUrl: String(data.get('scriptUrl')).trim(),
    form: data.get('form'),
  };
}

function customProperties(s) {
  return [
    ['--anva-color-primary', s.primary],
    ['--anva-color-text', s.text],
    ['--anva-color-surface', s.surface],
    ['--anva-color-border', s.border],
    ['--anva-radius', `${s.radius}px`],
  ];
}

function scriptTag(s) {
  const sri = integrity
    ? [
        ['integrity', integrity],
        ['crossorigin', 'anonymous'],
      ]
    : [];
  return `<script type="module"${attributes([['src', s.scriptUrl], ...sri])}></script>`;
}

function hubTag(s) {
  const lang = s.lang === 'nl' ? undefined : s.lang;
  return `<anva-hub${attributes([
    ['authority', s.authority],
    ['client-id', s.clientId],
    ['api-base', s.apiBase],
    ['lang', lang],
  ])}></anva-hub>`;
}

function widgetLines(s) {
  return s.widgets.map((key) => {
    const { tag, detail } = WIDGETS[key];
    const href = detail ? s.detailHref : undefined;
    if (s.form === 'wordpress') {
      return `<div${attributes([
        ['data-anva', key],
        ['data-detail-href', href],
      ])}></div>`;
    }
    return `<${tag}${attributes([['detail-href', href]])}></${tag}>`;
  });
}

function embedCode(s) {
  const widgets = widgetLines(s);
  if (s.form === 'wordpress') {
    return [
      '<!-- In het thema (bijvoorbeeld header.php), één keer voor de hele site: -->',
      scriptTag(s),
      hubTag(s),
      '',
      '<!-- In de pagina, in een blok "Aangepaste HTML": -->',
      ...widgets,
    ].join('\n');
  }
  return [scriptTag(s), hubTag(s), '', ...widgets].join('\n');
}

function cssCode(s) {
  const selectors = Object.values(WIDGETS)
    .map(({ tag }) => tag)
    .join(',\n');
  const lines = customProperties(s).map(([name, value]) => `  ${name}: ${value};`);
  return `${selectors} {\n${lines.join('\n')}\n}`;
}

/** The origin of `url`, or undefined while the field holds no absolute URL. */
function originOf(url) {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

/**
 * The CSP directives the widgets need on the broker's site: the Hub's identity origin and
 * the API's origin (two hosts at ANVA) for connections and logos, and where the script lives.
 */
function cspCode(s) {
  const hubs = [...new Set([originOf(s.authority), originOf(s.apiBase)].filter(Boolean))];
  const scriptOrigin = originOf(s.scriptUrl);
  const script =
    !scriptOrigin || scriptOrigin === window.location.origin
      ? "'self'"
      : `'self' ${new URL('./', s.scriptUrl).href}`;
  return [
    `script-src ${script};`,
    "style-src 'self';",
    `connect-src ${hubs.join(' ')};`,
    `img-src 'self' ${hubs.join(' ')};`,
    "require-trusted-types-for 'script';",
    'trusted-types lit-html;',
  ].join('\n');
}

/** Keeps the preview's elements in step with the chosen widgets, reusing what is there. */
function renderPreview(s) {
  for (const [name, value] of customProperties(s)) preview.style.setProperty(name, value);
  const wanted = s.widgets.map((key) => WIDGETS[key].tag);
  for (const element of [...preview.children]) {
    if (!wanted.includes(element.localName)) element.remove();
  }
  wanted.forEach((tag, index) => {
    let element = preview.querySelector(tag);
    if (!element) element = document.createElement(tag);
    // The preview shares this page's <anva-hub>, so the language goes on each widget.
    element.lang = s.lang;
    if (tag === 'anva-contracts') element.setAttribute('detail-href', s.detailHref || '#');
    if (preview.children[index] !== element)
      preview.insertBefore(element, preview.children[index] ?? null);
  });
  if (wanted.length === 0) {
    const empty = document.createElement('p');
    empty.className = 'hint';
    empty.textContent = 'Kies minstens één widget.';
    preview.append(empty);
  }
}

function update() {
  const s = settings();
  form.elements.radiusOut.value = `${s.radius} px`;
  renderPreview(s);
  codeHtml.textContent = embedCode(s);
  codeCss.textContent = cssCode(s);
  codeCsp.textContent = cspCode(s);
  codeHint.textContent =
    s.form === 'wordpress'
      ? 'Het script en de instellingen horen in het thema; redacteuren plaatsen alleen de div-blokken.'
      : 'Plak dit in de HTML van de pagina. Het script mag ook in de <head>; de volgorde maakt niet uit.';
  copyStatus.textContent = '';
}

// In the preview a chosen contract opens in the detail widget instead of leaving the builder.
preview.addEventListener('anva-contract-select', (event) => {
  if (preview.querySelector('anva-contract-detail')) event.preventDefault();
});

for (const button of document.querySelectorAll('[data-copy]')) {
  button.addEventListener('click', async () => {
    const code = document.getElementById(button.dataset.copy);
    try {
      await navigator.clipboard.writeText(code.textContent);
      copyStatus.textContent = 'Gekopieerd.';
    } catch {
      const range = document.createRange();
      range.selectNodeContents(code);
      window.getSelection()?.removeAllRanges();
      window.getSelection()?.addRange(range);
      copyStatus.textContent = 'Kopiëren mag hier niet: de code is geselecteerd, druk op Ctrl+C.';
    }
  });
}

form.addEventListener('input', update);
form.addEventListener('change', update);
form.elements.scriptUrl.addEventListener('change', async () => {
  integrity = await integrityOf(form.elements.scriptUrl.value);
  update();
});

update();
integrity = await integrityOf(form.elements.scriptUrl.value);
update();
