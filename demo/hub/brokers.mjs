/**
 * The brokers behind the local Hub (staff.json): how customers reach each organisation,
 * which registered website invites its customers, the staff of the broker console, and the
 * branding the customer pages take from a website's registration in clients.json.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { HubConfigError } from './config.mjs';

export const DEFAULT_STAFF_FILE = fileURLToPath(new URL('./staff.json', import.meta.url));

export const ROLES = ['Relatiebeheerder', 'Organisatie-beheerder'];

/**
 * @typedef {{ organizationId: string | number, website: string, email: string, phone: string }} Broker
 * @typedef {{ username: string, password: string, name: string, role: string,
 *   organizationId: string | number }} StaffMember
 */

/** @returns {{ brokers: Broker[], staff: StaffMember[] }} */
export function loadStaff(file = DEFAULT_STAFF_FILE) {
  let parsed;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new HubConfigError(`staff file ${file} is not readable JSON (${error.message})`);
  }
  if (!Array.isArray(parsed?.brokers) || !Array.isArray(parsed?.staff)) {
    throw new HubConfigError(`staff file ${file} needs "brokers" and "staff" lists`);
  }
  for (const member of parsed.staff) {
    if (!ROLES.includes(member.role)) {
      throw new HubConfigError(
        `staff file ${file}: ${member.username} has unknown role "${member.role}"`,
      );
    }
  }
  return { brokers: parsed.brokers, staff: parsed.staff };
}

export const sameId = (a, b) => String(a) === String(b);

/** The broker (organisation, contact details, website) of an organisation id. */
export function brokerOf(dossier, staffData, organizationId) {
  const organization = dossier.organizations.find((o) => sameId(o.id, organizationId));
  const broker = staffData.brokers.find((b) => sameId(b.organizationId, organizationId));
  return organization ? { ...broker, organizationId, name: organization.name } : undefined;
}

/** An account's organisation: the one asked for when the account has a contact there, else its first. */
export function organizationOfAccount(dossier, account, organizationId) {
  const contacts = dossier.contacts.filter((c) => account.contactIds.includes(c.id));
  const match = contacts.find((c) => sameId(c.organizationId, organizationId)) ?? contacts[0];
  return match?.organizationId;
}

const HEX = /^#[0-9a-f]{6}$/i;

/** WCAG relative luminance of #rrggbb. */
function luminance(hex) {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** A colour usable behind white button text (contrast at least 4.5:1), else undefined. */
export function usableBrandColor(value) {
  if (!HEX.test(String(value ?? ''))) return undefined;
  return 1.05 / (luminance(value) + 0.05) >= 4.5 ? value.toLowerCase() : undefined;
}

/** The same hue, darker, for hover. */
function darker(hex) {
  return `#${[1, 3, 5]
    .map((i) =>
      Math.round(parseInt(hex.slice(i, i + 2), 16) * 0.78)
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
}

/**
 * What the customer pages show of a website: the name and logo from its registration, its
 * colour when it is readable behind white text. Undefined for an unknown client.
 * @returns {{ clientId: string, name: string, logo?: string, stylesheet?: string } | undefined}
 */
export function brandingOf(hub, clientId) {
  const client = hub.clients.find((c) => c.client_id === clientId);
  if (!client) return undefined;
  return {
    clientId: client.client_id,
    name: client.client_name,
    // The Hub's own logos by path: the page's CSP allows images from its own origin only.
    logo: client.logo_uri?.replace(new URL(hub.issuer).origin, ''),
    stylesheet: usableBrandColor(client.brand_color)
      ? `${hub.assetsPath}/brand/${encodeURIComponent(client.client_id)}.css`
      : undefined,
  };
}

/** The stylesheet of a website's colour, or undefined when it has none (or an unreadable one). */
export function brandStylesheet(hub, clientId) {
  const color = usableBrandColor(hub.clients.find((c) => c.client_id === clientId)?.brand_color);
  if (!color) return undefined;
  return `:root {\n  --hub-blue: ${color};\n  --hub-blue-dark: ${darker(color)};\n}\n`;
}

/**
 * Where *Inloggen* takes the customer: the website's page with its sign-in (`sign_in_page` in
 * its registration; OpenID's `initiate_login_uri` would have to be https), else its first
 * redirect URI.
 */
export function signInUrl(hub, clientId) {
  const client = hub.clients.find((c) => c.client_id === clientId);
  return client?.sign_in_page ?? client?.redirect_uris?.[0];
}

/** The broker whose website is `clientId`, with its contact details. */
export function brokerOfWebsite(dossier, staffData, clientId) {
  const broker = staffData.brokers.find((b) => b.website === clientId);
  return broker ? brokerOf(dossier, staffData, broker.organizationId) : undefined;
}
