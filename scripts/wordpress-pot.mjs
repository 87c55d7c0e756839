/**
 * Regenerates the plugin's translation template from its PHP sources and merges new strings
 * into the Dutch translation (`npm run wordpress:pot`). Needs gettext.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const plugin = fileURLToPath(new URL('../wordpress/anva-widgets/', import.meta.url));
const php = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? php(join(dir, entry.name))
      : entry.name.endsWith('.php')
        ? [relative(plugin, join(dir, entry.name))]
        : [],
  );
const keywords = ['__', '_e', 'esc_html__', 'esc_html_e', 'esc_attr__', 'esc_attr_e', '_x:1,2c'];
const pot = 'languages/anva-widgets.pot';

execFileSync(
  'xgettext',
  [
    '--language=PHP',
    '--from-code=UTF-8',
    '--add-comments=translators:',
    '--sort-by-file',
    '--package-name=anva-widgets',
    '--msgid-bugs-address=https://github.com/anva-widgets/anva-widgets/issues',
    ...keywords.map((keyword) => `--keyword=${keyword}`),
    '-o',
    pot,
    ...php(plugin).sort(),
  ],
  { cwd: plugin, stdio: 'inherit' },
);
// xgettext leaves the header's charset as a placeholder; the sources are UTF-8.
const potFile = join(plugin, pot);
writeFileSync(potFile, readFileSync(potFile, 'utf8').replace('charset=CHARSET', 'charset=UTF-8'));
for (const po of readdirSync(join(plugin, 'languages')).filter((name) => name.endsWith('.po'))) {
  execFileSync('msgmerge', ['--quiet', '--update', '--backup=off', `languages/${po}`, pot], {
    cwd: plugin,
    stdio: 'inherit',
  });
}
console.log(`wordpress/anva-widgets/${pot} updated`);
