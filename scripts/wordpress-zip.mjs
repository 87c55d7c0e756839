/**
 * Builds the installable WordPress plugin: `dist/anva-widgets-wordpress.zip` holds
 * `wordpress/anva-widgets/` with the current `dist/anva-widgets.js` and the compiled
 * translations. Needs `zip` and gettext's `msgfmt`.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureBuilt } from './start.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const source = join(root, 'wordpress', 'anva-widgets');
export const PLUGIN_ZIP = join(root, 'dist', 'anva-widgets-wordpress.zip');

function tool(name, args, options) {
  try {
    return execFileSync(name, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options });
  } catch (error) {
    const reason = error.code === 'ENOENT' ? `${name} is not installed` : String(error.stderr);
    throw new Error(`wordpress:zip: ${reason.trim()} (Debian: apt-get install zip gettext)`);
  }
}

/** Builds the zip (and the bundle, when stale); returns its path. */
export async function buildPluginZip({ quiet = false } = {}) {
  await ensureBuilt({ react: false, quiet });
  const stage = join(root, 'dist', 'wordpress');
  const plugin = join(stage, 'anva-widgets');
  rmSync(stage, { recursive: true, force: true });
  cpSync(source, plugin, { recursive: true });
  mkdirSync(join(plugin, 'assets'), { recursive: true });
  cpSync(join(root, 'dist', 'anva-widgets.js'), join(plugin, 'assets', 'anva-widgets.js'));
  const languages = join(plugin, 'languages');
  for (const file of readdirSync(languages).filter((name) => name.endsWith('.po'))) {
    const po = join(languages, file);
    tool('msgfmt', ['--check', '-o', po.replace(/\.po$/, '.mo'), po]);
  }
  mkdirSync(dirname(PLUGIN_ZIP), { recursive: true });
  rmSync(PLUGIN_ZIP, { force: true });
  tool('zip', ['-r', '-X', '-q', PLUGIN_ZIP, 'anva-widgets'], { cwd: stage });
  if (!quiet) {
    const kb = (statSync(PLUGIN_ZIP).size / 1024).toFixed(1);
    console.log(`${PLUGIN_ZIP.slice(root.length)}: ${kb} KB`);
  }
  return PLUGIN_ZIP;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  buildPluginZip().catch((error) => {
    console.error(error.message);
    process.exit(1);
  });
}
