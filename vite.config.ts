import minifyHtmlLiterals from '@lit-labs/rollup-plugin-minify-html-literals';
import { defineConfig } from 'vite';

/** The oldest engines the widgets run in: the first releases with CSS container queries. */
const cssTargets = { chrome: 105 << 16, firefox: 110 << 16, safari: 16 << 16 };

/**
 * oidc-client-ts logs through its own logger, which stays silent unless a page turns it on;
 * we never do, so its calls are dropped from the build. Each name is a whole callee: the
 * library's `logger.throw(...)` checks are not in the list and stay. The names hold for the
 * whole bundle, so no code of ours calls a `logger`; `test/tools/bundle.test.mjs` checks that
 * the library's checks are still in the build.
 */
const oidcClientLogCalls = [
  'logger.debug',
  'logger.info',
  'logger.warn',
  'logger.error',
  'logger2.debug',
  'logger2.info',
  'logger2.warn',
  'logger2.error',
  'Logger.createStatic',
];

/** Library build: one self-contained ES module that a broker loads with one script tag. */
export default defineConfig({
  plugins: [
    // Lit's `html` and `css` templates lose their whitespace and comments in the build only
    // (tests run the sources as written); a template the minifier cannot parse fails the build.
    minifyHtmlLiterals({
      include: ['src/**/*.ts'],
      failOnError: true,
      options: { minifyOptions: { minifyCSS: { minify: true, targets: cssTargets } } },
    }),
  ],
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
      treeshake: { manualPureFunctions: oidcClientLogCalls },
      output: { codeSplitting: false, minify: true, comments: { annotation: false } },
    },
  },
});
