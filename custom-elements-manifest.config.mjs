/** Generates custom-elements.json from the JSDoc on every element class. */
export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts'],
  outdir: process.env.CEM_OUTDIR ?? '.',
  litelement: true,
  // package.json names the manifest itself; the stale-check must not rewrite it.
  packagejson: false,
};
