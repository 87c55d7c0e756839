/**
 * `<div data-anva="contracts" data-detail-href="/polis?id={id}"></div>` for CMS
 * editors whose editor strips unknown tags: the widget is created inside the
 * div, every other `data-*` attribute becomes one of its presentational
 * attributes. Runs once at startup and for nodes added later; stray `<p>` /
 * `<br>` are tidied away.
 *
 * Editors never configure: there is no `data-anva="hub"`, and the settings
 * that decide where customers sign in and where tokens go never pass.
 */
const WIDGETS = ['login', 'contracts', 'contract-detail', 'account'];

/** `<anva-hub>` settings: only the web team's `<anva-hub>` or `configure()` give them. */
const CONFIGURATION = [
  'authority',
  'client-id',
  'api-base',
  'redirect-uri',
  'post-logout-redirect-uri',
  'scope',
  'storage',
  'login-mode',
];

const KEY = Symbol.for('anva-widgets.mount');

type MountState = { done: WeakSet<Element>; observer?: MutationObserver };

/** Shared by every copy of the script, so a node is mounted once. */
const shared = (): MountState =>
  ((globalThis as { [KEY]?: MountState })[KEY] ??= { done: new WeakSet() });

/** Empty text, `<br>` and empty `<p>` that rich-text editors insert. */
function isStray(node: Node): boolean {
  if (node.nodeType === Node.TEXT_NODE) return !node.textContent?.trim();
  return (
    node instanceof HTMLBRElement ||
    (node instanceof HTMLParagraphElement && !node.textContent?.trim())
  );
}

function mountOne(host: Element, done: WeakSet<Element>): void {
  if (done.has(host)) return;
  done.add(host);
  const name = host.getAttribute('data-anva')?.trim().toLowerCase() ?? '';
  if (name === 'hub') {
    console.warn(
      '[anva-widgets] data-anva="hub" is ignored: editors never configure; the web team adds <anva-hub> or configure().',
    );
    return;
  }
  if (!WIDGETS.includes(name)) {
    console.warn(`[anva-widgets] data-anva="${name}" is not a widget (${WIDGETS.join(', ')}).`);
    return;
  }
  const widget = document.createElement(`anva-${name}`);
  for (const { name: attribute, value } of [...host.attributes]) {
    const target = attribute.slice(5);
    // Event-handler attributes never pass: a CMS that strips onclick must not get it back this way.
    if (
      attribute.startsWith('data-') &&
      target !== 'anva' &&
      !/^on/i.test(target) &&
      target !== 'style' &&
      !CONFIGURATION.includes(target)
    )
      widget.setAttribute(target, value);
  }
  for (const child of [...host.childNodes]) {
    if (child instanceof Element && child.hasAttribute('slot')) widget.append(child);
    else if (isStray(child)) child.remove();
  }
  host.append(widget);
}

/** Mounts every `[data-anva]` at or below `root` that is not mounted yet. */
export function mount(root: ParentNode = document): void {
  const { done } = shared();
  if (root instanceof Element && root.matches('[data-anva]')) mountOne(root, done);
  root.querySelectorAll('[data-anva]').forEach((host) => mountOne(host, done));
}

/** Mounts what is there and watches for more; once per page. */
export function startMounting(): void {
  const state = shared();
  if (state.observer) return;
  state.observer = new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'attributes') mount(record.target as Element);
      record.addedNodes.forEach((node) => node instanceof Element && mount(node));
    }
  });
  state.observer.observe(document.documentElement, {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: ['data-anva'],
  });
  mount();
}
