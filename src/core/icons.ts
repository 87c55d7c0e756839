/**
 * Organisation icons load only from the Hub's or the API's own origin: the
 * API cannot plant a tracking pixel from anywhere else. An address elsewhere
 * (or of another scheme) is dropped and the widget shows the broker's
 * initials; a short text icon (an emoji) stays text.
 */
import type { AnvaConfig, Organization } from './types.js';
import { httpUrl, isHttpUrl } from './urls.js';

/** Looks like an address rather than text: a scheme, `//host` or a path. */
const ADDRESS = /^([a-z][a-z\d+.-]*:|\/)/i;

export function safeIcon(icon: string, config: AnvaConfig): string | null {
  // Text only when no reader sees an address: the URL parser also drops control characters
  // and tabs that `trim()` keeps (`ht\ttps://…` is an https address to it).
  if (!ADDRESS.test(icon.trim()) && !isHttpUrl(icon)) return icon;
  const url = httpUrl(icon.trim(), `${config.apiBase}/`);
  const allowed = [new URL(config.authority).origin, new URL(config.apiBase).origin];
  return url && allowed.includes(url.origin) ? url.href : null;
}

export function withSafeIcons(organizations: Organization[], config: AnvaConfig): Organization[] {
  return organizations.map((organization) =>
    organization.icon
      ? { ...organization, icon: safeIcon(organization.icon, config) }
      : organization,
  );
}
