/** `<anva-hub>` / `configure()` settings: validated, defaulted, compared. */
import { AnvaError } from './errors.js';
import { isString } from './guards.js';
import type { AnvaConfig } from './types.js';
import { isHttpUrl } from './urls.js';
import './zod.js';
import * as z from 'zod/mini';

/** What a page gives: `<anva-hub>` attributes or `configure({...})`, before validation. */
export interface AnvaSettings {
  authority?: string;
  clientId?: string;
  apiBase?: string;
  scope?: string;
  redirectUri?: string;
  postLogoutRedirectUri?: string;
  organization?: string;
  lang?: string;
  loginMode?: string;
  storage?: string;
  /** ISO 4217 code of every amount (ANVA sends amounts without one). */
  currency?: string;
  /** Dutch form of address: `formal` (*u*) or `informal` (*je*). */
  tone?: string;
  /** Seconds a request may take before it counts as timed out. */
  timeout?: string | number;
}

/** The contract's defaults for the settings a page may leave out. */
export const DEFAULT_CURRENCY = 'EUR';
/** ANVA's back-end messages may take up to 60 s: a slow answer is not yet a failure. */
export const DEFAULT_TIMEOUT_SECONDS = 60;

const URLS = ['redirectUri', 'postLogoutRedirectUri'];

/** `clientId` → `client-id`: the attribute name the web team writes (and reads in errors). */
const attribute = (key: string) => key.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);

const URL_PROBLEM = 'must be an absolute http(s) URL';
const anything = () => true;

/**
 * A setting: text that passes `test`. The error's `"name" …` goes on with
 * `problem`, or with "is required" when the page left it out.
 */
const setting = <T extends string = string>(
  test: (value: string) => boolean = anything,
  problem = '',
) =>
  z.custom<T>((value) => isString(value) && test(value), {
    error: ({ input }) => (input === undefined ? 'is required' : problem),
  });
const optional = <T extends string = string>(test: (value: string) => boolean, problem: string) =>
  z.optional(setting<T>(test, problem));
const oneOf = <T extends string>(...values: T[]) =>
  optional<T>(
    (value) => values.some((allowed) => allowed === value),
    `must be "${values.join('" or "')}"`,
  );

/** Three letters, and one `Intl` knows where the browser can say. */
function isCurrency(value: string): boolean {
  if (!/^[A-Z]{3}$/.test(value)) return false;
  return !Intl.supportedValuesOf || Intl.supportedValuesOf('currency').includes(value);
}

const isTimeout = (value: string) => /^\d+(\.\d+)?$/.test(value) && +value > 0 && +value <= 600;

/** Three settings are required; the page may leave out the others. */
const settingsSchema = z.object({
  authority: setting(isHttpUrl, URL_PROBLEM),
  clientId: setting(),
  apiBase: setting(isHttpUrl, URL_PROBLEM),
  scope: optional((value) => value.split(/\s+/).includes('openid'), 'must include "openid"'),
  redirectUri: optional(isHttpUrl, URL_PROBLEM),
  postLogoutRedirectUri: optional(isHttpUrl, URL_PROBLEM),
  organization: optional(anything, ''),
  lang: oneOf('nl', 'en'),
  loginMode: oneOf('redirect', 'popup'),
  storage: oneOf('memory', 'session'),
  currency: optional(isCurrency, 'must be an ISO 4217 currency code such as "EUR"'),
  tone: oneOf('formal', 'informal'),
  timeout: optional(isTimeout, 'must be a number of seconds above 0, at most 600'),
});

/**
 * Validates settings and fills the contract's defaults. Throws a `config`
 * `AnvaError` that names the attribute at fault.
 */
export function parseSettings(settings: AnvaSettings): AnvaConfig {
  // Trimmed, empty ones dropped, relative URLs resolved: validation sees what the page meant.
  const tidy: Record<string, string> = {};
  for (const [key, raw] of Object.entries(settings)) {
    if (raw === undefined || raw === null) continue;
    let value = String(raw).trim();
    if (!value) continue;
    try {
      if (URLS.includes(key)) value = new URL(value, location.href).href;
    } catch {
      // Left as written: validation names it.
    }
    tidy[key] = key === 'currency' ? value.toUpperCase() : value;
  }
  const result = settingsSchema.safeParse(tidy);
  if (!result.success) {
    const { path, message } = result.error.issues[0]!;
    const key = String(path[0]);
    const name = attribute(key);
    throw new AnvaError(
      'config',
      `anva-widgets configuration: "${name}" ${message} (<anva-hub ${name}>, or ${key} in configure()).`,
    );
  }
  // What the page left out is absent (never undefined) in the result, so the defaults stay.
  const { authority, apiBase, timeout, ...rest } = result.data;
  const page = location.origin + location.pathname;
  return {
    scope: 'openid profile email',
    redirectUri: page,
    postLogoutRedirectUri: page,
    loginMode: 'redirect',
    storage: 'session',
    currency: DEFAULT_CURRENCY,
    tone: 'formal',
    ...rest,
    authority: authority.replace(/\/+$/, ''),
    apiBase: apiBase.replace(/\/+$/, ''),
    timeout: timeout === undefined ? DEFAULT_TIMEOUT_SECONDS : Number(timeout),
  };
}

/** The settings in which two configurations differ. */
export function differences(a: AnvaConfig, b: AnvaConfig): string[] {
  return Object.keys({ ...a, ...b }).filter(
    (key) => a[key as keyof AnvaConfig] !== b[key as keyof AnvaConfig],
  );
}
