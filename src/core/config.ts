/** `<anva-hub>` / `configure()` settings: validated, defaulted, compared. */
import { AnvaError } from './errors.js';
import type { AnvaConfig } from './types.js';
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
}

/** Setting key → the attribute name the web team writes (and reads in errors). */
export const ATTRIBUTES = {
  authority: 'authority',
  clientId: 'client-id',
  apiBase: 'api-base',
  scope: 'scope',
  redirectUri: 'redirect-uri',
  postLogoutRedirectUri: 'post-logout-redirect-uri',
  organization: 'organization',
  lang: 'lang',
  loginMode: 'login-mode',
  storage: 'storage',
} as const satisfies Record<keyof AnvaSettings, string>;

export type SettingKey = keyof typeof ATTRIBUTES;

const DEFAULT_SCOPE = 'openid profile email';

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

const httpUrl = z.string().check(z.refine(isHttpUrl, 'must be an absolute http(s) URL'));
const optionalUrl = z.optional(httpUrl);

const settingsSchema = z.object({
  authority: z
    .string('is required')
    .check(z.minLength(1, 'is required'), z.refine(isHttpUrl, 'must be an absolute http(s) URL')),
  clientId: z.string('is required').check(z.minLength(1, 'is required')),
  apiBase: z
    .string('is required')
    .check(z.minLength(1, 'is required'), z.refine(isHttpUrl, 'must be an absolute http(s) URL')),
  scope: z.optional(
    z
      .string()
      .check(z.refine((value) => value.split(/\s+/).includes('openid'), 'must include "openid"')),
  ),
  redirectUri: optionalUrl,
  postLogoutRedirectUri: optionalUrl,
  organization: z.optional(z.string()),
  lang: z.optional(z.enum(['nl', 'en'], 'must be "nl" or "en"')),
  loginMode: z.optional(z.enum(['redirect', 'popup'], 'must be "redirect" or "popup"')),
  storage: z.optional(z.enum(['memory', 'session'], 'must be "memory" or "session"')),
});

/** The current page without query and hash: the default `redirect-uri`. */
function currentPage(): string {
  return location.origin + location.pathname;
}

function resolve(value: string): string {
  try {
    return new URL(value, location.href).href;
  } catch {
    return value;
  }
}

/** Trims, drops empty optionals and resolves relative URLs, so validation sees what the page meant. */
function tidy(settings: AnvaSettings): AnvaSettings {
  const out: Record<string, string> = {};
  for (const key of Object.keys(ATTRIBUTES) as SettingKey[]) {
    const raw: unknown = settings[key];
    if (raw === undefined || raw === null) continue;
    const value = String(raw).trim();
    const required = key === 'authority' || key === 'clientId' || key === 'apiBase';
    if (value === '' && !required) continue;
    out[key] = key === 'redirectUri' || key === 'postLogoutRedirectUri' ? resolve(value) : value;
  }
  return out;
}

/**
 * Validates settings and fills the contract's defaults. Throws a `config`
 * `AnvaError` that names the attribute at fault.
 */
export function parseSettings(settings: AnvaSettings): AnvaConfig {
  const result = settingsSchema.safeParse(tidy(settings));
  if (!result.success) {
    const issue = result.error.issues[0];
    const key = String(issue?.path[0] ?? 'authority') as SettingKey;
    const attribute = ATTRIBUTES[key] ?? key;
    throw new AnvaError(
      'config',
      `anva-widgets configuration: "${attribute}" ${issue?.message ?? 'is invalid'} (the ${attribute} attribute of <anva-hub>, or "${key}" in configure()).`,
    );
  }
  const value = result.data;
  const config: AnvaConfig = {
    authority: value.authority.replace(/\/+$/, ''),
    clientId: value.clientId,
    apiBase: value.apiBase.replace(/\/+$/, ''),
    scope: value.scope ?? DEFAULT_SCOPE,
    redirectUri: value.redirectUri ?? currentPage(),
    postLogoutRedirectUri: value.postLogoutRedirectUri ?? currentPage(),
    loginMode: value.loginMode ?? 'redirect',
    storage: value.storage ?? 'session',
  };
  if (value.organization !== undefined) config.organization = value.organization;
  if (value.lang !== undefined) config.lang = value.lang;
  return config;
}

/** Two configurations are the same when every effective setting matches. */
export function sameConfig(a: AnvaConfig, b: AnvaConfig): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof AnvaConfig>;
  for (const key of keys) if (a[key] !== b[key]) return false;
  return true;
}

/** Settings the auth session is built from: changing one means a new session. */
export function sameSession(a: AnvaConfig, b: AnvaConfig): boolean {
  return (
    a.authority === b.authority &&
    a.clientId === b.clientId &&
    a.apiBase === b.apiBase &&
    a.scope === b.scope &&
    a.storage === b.storage &&
    a.loginMode === b.loginMode &&
    a.redirectUri === b.redirectUri &&
    a.postLogoutRedirectUri === b.postLogoutRedirectUri
  );
}
