import { RolldownMagicString } from 'rolldown';
import { defineConfig, type Plugin } from 'vite';

/** A node of the ESTree the bundler's parser returns, as far as the walk below needs it. */
interface Node {
  type: string;
  start: number;
  end: number;
  [key: string]: unknown;
}

const isNode = (value: unknown): value is Node =>
  typeof value === 'object' && value !== null && typeof (value as Node).type === 'string';

function* walk(node: Node): Generator<Node> {
  yield node;
  for (const value of Object.values(node))
    for (const child of Array.isArray(value) ? value : [value])
      if (isNode(child)) yield* walk(child);
}

/** Strings and comments are set aside first, so nothing inside a string is ever touched. */
const CSS_TOKEN = /\/\*[\s\S]*?\*\/|'(?:\\.|[^'\\])*'|"(?:\\.|[^"\\])*"/g;

/**
 * CSS without comments and without the whitespace that carries no meaning. A space before `:`
 * (`a :hover`) or around `(`/`+`/`~`/`*`/`/` (`and (`, `calc(a + b)`) stays; the parts between
 * `${…}` are minified one by one, so an interpolation is never joined to a neighbouring word.
 */
function minifyCss(text: string): string {
  const strings: string[] = [];
  return text
    .replace(CSS_TOKEN, (token) => (token[0] === '/' ? ' ' : `\0${strings.push(token) - 1}\0`))
    .replace(/\s+/g, ' ')
    .replace(/ ?([{};,>]) ?/g, '$1')
    .replace(/: /g, ':')
    .replace(/\( /g, '(')
    .replace(/ \)/g, ')')
    .replace(/;}/g, '}')
    .replace(/ !/g, '!')
    .replace(/([\s:,(]|^)0\.(\d)/g, '$1.$2')
    .replace(/\0(\d+)\0/g, (_, i: string) => strings[Number(i)]);
}

/** Elements laid out as blocks (or table parts): whitespace next to their tags is never shown. */
const BLOCK =
  'article|aside|main|div|p|h[1-6]|dl|dt|dd|ul|ol|li|table|caption|thead|tbody|tfoot|tr|th|td|section|header|footer|nav|form|fieldset|legend';
const SPACE_BEFORE_BLOCK = new RegExp(`\\s+(?=</?(?:${BLOCK})[\\s>/])`, 'g');
const SPACE_AFTER_BLOCK = new RegExp(`(</?(?:${BLOCK})(?:\\s[^<>\`]*)?>)\\s+`, 'g');

/**
 * HTML with each run of line-breaking whitespace as one space (how the browser renders it,
 * no `<pre>` or `<textarea>` in the widgets), none before a tag's `>` and none next to a
 * block-level tag. Text that may touch an inline element keeps its single space.
 */
function minifyHtml(text: string): string {
  return text
    .replace(/\s*\n\s*/g, ' ')
    .replace(/\s+(\/?>)/g, '$1')
    .replace(SPACE_BEFORE_BLOCK, '')
    .replace(SPACE_AFTER_BLOCK, '$1');
}

const MINIFIERS: Record<string, (text: string) => string> = { css: minifyCss, html: minifyHtml };

/**
 * Minifies the text of Lit's `css` and `html` tagged templates in the build only (tests run
 * the sources as written). Each literal part between `${…}` is rewritten in place.
 */
function minifyLitTemplates(): Plugin {
  return {
    name: 'anva-minify-lit-templates',
    apply: 'build',
    transform(code, id) {
      if (!/\/src\/.*\.ts$/.test(id) || !/\b(?:css|html)`/.test(code)) return null;
      const out = new RolldownMagicString(code);
      for (const node of walk(this.parse(code) as unknown as Node)) {
        const tag = node.tag as Node | undefined;
        const minify = node.type === 'TaggedTemplateExpression' && MINIFIERS[tag?.name as string];
        if (!minify) continue;
        for (const quasi of (node.quasi as Node).quasis as Node[]) {
          const raw = code.slice(quasi.start, quasi.end);
          const min = minify(raw);
          if (min !== raw) out.overwrite(quasi.start, quasi.end, min);
        }
      }
      return out.hasChanged() ? { code: out } : null;
    },
  };
}

/** Library build: one self-contained ES module that a broker loads with one script tag. */
export default defineConfig({
  plugins: [minifyLitTemplates()],
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: false,
    sourcemap: true,
    minify: 'oxc',
    lib: {
      entry: 'src/index.ts',
      formats: ['es'],
      fileName: () => 'anva-widgets.js',
    },
    rolldownOptions: {
      output: { codeSplitting: false, minify: true, comments: { annotation: false } },
    },
  },
});
