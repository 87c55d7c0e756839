/** Generates custom-elements.json from the JSDoc on every element class. */
import { readdirSync } from 'node:fs';

// The elements only (each folder's class and the module that registers its tag): the
// manifest describes tags, not styles or helpers, so a CSS tweak never makes it stale.
const folders = readdirSync('src/components', { withFileTypes: true }).filter((d) =>
  d.isDirectory(),
);

export default {
  globs: [
    // The theme every element inherits, documented once.
    'src/shared/anva-element.ts',
    ...folders.flatMap(({ name }) => [
      `src/components/${name}/${name}.component.ts`,
      `src/components/${name}/${name}.ts`,
    ]),
  ],
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
    {
      // The manifest describes what a page can use: private fields are the element's own
      // business, and listing them would make every internal change a manifest change.
      name: 'anva-public-only',
      packageLinkPhase({ customElementsManifest }) {
        for (const module of customElementsManifest.modules) {
          for (const declaration of module.declarations ?? []) {
            if (declaration.members)
              declaration.members = declaration.members.filter(
                (member) => member.privacy !== 'private',
              );
          }
        }
      },
    },
  ],
};
