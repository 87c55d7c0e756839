/** Status badges and branch icons: what a customer recognises, derived tolerantly. */
import type { BranchKind, Messages, StatusKey } from '../i18n/messages.js';
import { nameMap, normalize } from './fields.js';

/** Each status key's other names; the key itself (lower case) is a name too. */
const STATUS_NAMES: Record<StatusKey, string> = {
  active: 'lopend actief running inforce',
  suspended: 'opgeschort geschorst',
  paidUp: 'premievrij premiumfree',
  ended: 'geroyeerd beeindigd royement terminated cancelled canceled',
  future: 'toekomstig',
  expired: 'verlopen',
};

let statuses: Map<string, StatusKey> | undefined;

export function statusKey(raw: string): StatusKey | undefined {
  statuses ??= nameMap(Object.entries(STATUS_NAMES));
  return statuses.get(normalize(raw));
}

/** The catalogue's word for a known status; an unknown one as the Hub sent it. */
export function statusText(m: Messages, raw: string): string {
  const key = statusKey(raw);
  return key ? m.status[key] : raw;
}

/**
 * The status a customer should see: a running (or missing) status becomes
 * Toekomstig before the start date and Verlopen after the expiry date.
 * Dates are `YYYY-MM-DD`, so they compare as text.
 */
export function deriveStatus(
  raw: string | undefined,
  start: string | undefined,
  end: string | undefined,
  day: string,
): StatusKey | undefined {
  const key = raw ? statusKey(raw) : undefined;
  if (raw && key !== 'active') return key;
  if (start && start > day) return 'future';
  if (end && end < day) return 'expired';
  return key;
}

const BRANCHES: [BranchKind, RegExp][] = [
  ['car', /auto|car\b|motor|voertuig|vehicle|bromfiets|camper/],
  ['contents', /inboedel|contents/],
  ['home', /opstal|woonhuis|woning|home|house|building/],
  ['travel', /reis|travel|annulering/],
  ['liability', /aansprakelijk|liability|avp/],
  ['legal', /rechtsbijstand|legal/],
  ['health', /zorg|ziekte|health|tandarts/],
  ['life', /leven|life|overlijden|uitvaart|funeral/],
  ['accident', /ongeval|accident/],
  ['bike', /fiets|bicycle|bike/],
];

/** Which icon fits: from the branch name first, else the product or description. */
export function branchKind(...texts: unknown[]): BranchKind {
  for (const text of texts) {
    if (typeof text !== 'string' || !text) continue;
    const lower = text.toLowerCase();
    const found = BRANCHES.find(([, pattern]) => pattern.test(lower));
    if (found) return found[0];
  }
  return 'other';
}
