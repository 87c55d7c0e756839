/** Generates custom-elements.json from the JSDoc on every element class. */
export default {
  // The elements only: the manifest describes tags, not the whole module graph.
  globs: ['src/components/**/*.ts'],
  exclude: ['src/**/*.test.ts'],
  outdir: process.env.CEM_OUTDIR ?? '.',
  litelement: true,
  // package.json names the manifest itself; the stale-check must not rewrite it.
  packagejson: false,
  plugins: [
    {
      // The analyzer reads files in parallel; a fixed order keeps the manifest stable.
      name: 'anva-sort-modules',
      packageLinkPhase({ customElementsManifest }) {
        customElementsManifest.modules.sort((a, b) => a.path.localeCompare(b.path));
      },
    },
  ],
};
