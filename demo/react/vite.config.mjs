/**
 * The React demo page: a broker's React 19 app that imports the built widgets bundle like an
 * npm dependency. Served by the demo site at `/react/`. Vite 8 transforms JSX itself (oxc),
 * so no React plugin is needed for a production build.
 */
import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: here,
  base: '/react/',
  publicDir: false,
  oxc: { jsx: { runtime: 'automatic' } },
  resolve: {
    alias: {
      'anva-widgets': fileURLToPath(new URL('../../dist/anva-widgets.js', import.meta.url)),
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
  },
});
