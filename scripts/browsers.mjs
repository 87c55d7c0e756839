/**
 * The three engines the tests run in, where Debian puts each, and which Debian packages bring
 * them. `BROWSERS=chromium,firefox` (or command-line names) picks a subset; all three by default.
 */
import { existsSync } from 'node:fs';
import { chromiumPath } from './chromium.mjs';

const firstExisting = (envName, candidates) => {
  const fromEnv = process.env[envName];
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : undefined;
  return candidates.find((path) => existsSync(path));
};

export const ENGINES = {
  chromium: {
    label: 'Chromium',
    packages: ['chromium', 'fonts-dejavu-core'],
    /** The executables the engine needs, by name; undefined where one is missing. */
    executables: () => ({ chromium: chromiumPath() }),
    hint: 'or set CHROME_PATH',
  },
  firefox: {
    label: 'Firefox',
    packages: ['firefox-esr'],
    executables: () => ({
      firefox: firstExisting('FIREFOX_PATH', ['/usr/bin/firefox-esr', '/usr/bin/firefox']),
    }),
    hint: 'or set FIREFOX_PATH',
  },
  webkit: {
    label: 'WebKit',
    // WebKitGTK's WebDriver brings MiniBrowser (libwebkit2gtk-4.1-0); it needs an X display.
    packages: ['webkit2gtk-driver', 'xvfb', 'xauth'],
    executables: () => ({
      driver: firstExisting('WEBKIT_DRIVER_PATH', ['/usr/bin/WebKitWebDriver']),
      miniBrowser: firstExisting('WEBKIT_MINIBROWSER_PATH', [
        '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
        '/usr/lib/aarch64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
        '/usr/libexec/webkit2gtk-4.1/MiniBrowser',
      ]),
      xvfb: process.env.DISPLAY ? 'DISPLAY' : firstExisting('XVFB_PATH', ['/usr/bin/Xvfb']),
    }),
    hint: 'or set WEBKIT_DRIVER_PATH and WEBKIT_MINIBROWSER_PATH',
  },
};

/** The engines asked for: command-line names, else `BROWSERS`, else all three. */
export function selectedEngines(names = process.argv.slice(2)) {
  const list = names.length ? names : (process.env.BROWSERS ?? '').split(',');
  const wanted = list.map((name) => name.trim().toLowerCase()).filter(Boolean);
  const chosen = wanted.length ? wanted : Object.keys(ENGINES);
  for (const name of chosen) {
    if (!ENGINES[name])
      throw new Error(`Unknown engine "${name}": use ${Object.keys(ENGINES).join(', ')}.`);
  }
  return chosen;
}

/** The path of one executable of an engine; throws a line that says what to install. */
export function executable(engine, name) {
  const path = ENGINES[engine].executables()[name];
  if (!path) {
    const { label, packages, hint } = ENGINES[engine];
    throw new Error(
      `${label} not found: run \`npm run browsers\` (Debian: \`apt-get install ${packages.join(' ')}\`) ${hint}.`,
    );
  }
  return path;
}

/** Whether everything an engine needs is on this machine. */
export function isInstalled(engine) {
  return Object.values(ENGINES[engine].executables()).every(Boolean);
}
