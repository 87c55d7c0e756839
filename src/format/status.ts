/** Status badges and branch icons: what a customer recognises, derived tolerantly. */
import type { BranchKind, Messages, StatusKey } from '../i18n/messages.js';
import { en } from '../i18n/en.js';
import { nl } from '../i18n/nl.js';
import { nameLookup } from './lookup.js';

/** The status key a Hub's status stands for: the key, the other names below, or its Dutch or English word. */
export const statusKey = nameLookup<StatusKey>(
  {
    active: ['actief', 'running', 'inforce'],
    suspended: ['geschorst'],
    paidUp: ['premiumfree'],
    ended: ['geroyeerd', 'royement', 'terminated', 'cancelled', 'canceled'],
    future: [],
    expired: [],
  },
  [nl.status, en.status],
);

/**
 * The order a customer reads statuses in: what runs now (also suspended or
 * paid-up), then what starts later, then what has ended; unknown ones last.
 */
export const STATUS_ORDER: StatusKey[] = [
  'active',
  'suspended',
  'paidUp',
  'future',
  'expired',
  'ended',
];

/** A status's place in `STATUS_ORDER`; unknown statuses after every known one. */
export const statusRank = (key: StatusKey | undefined): number =>
  key ? STATUS_ORDER.indexOf(key) : STATUS_ORDER.length;

/** The catalogue's word for a known status; an unknown one as the Hub sent it. */
export function statusText(m: Messages, raw: string): string {
  const key = statusKey(raw);
  return key ? m.status[key] : raw;
}

/** The dates a status is judged against, each `YYYY-MM-DD` or absent. */
export interface StatusDates {
  start?: string;
  end?: string;
  suspendedFrom?: string;
  suspendedUntil?: string;
}

/**
 * The status a customer should see on `day`: a running (or missing) status
 * becomes Toekomstig before the start date and Verlopen after the expiry
 * date; a suspension runs only between its dates (one that ended in March is
 * no longer *Opgeschort*). Dates are `YYYY-MM-DD`, so they compare as text.
 */
export function deriveStatus(
  raw: string | undefined,
  { start, end, suspendedFrom, suspendedUntil }: StatusDates,
  day: string,
): StatusKey | undefined {
  let key = raw ? statusKey(raw) : undefined;
  const suspensionOver =
    (suspendedUntil && suspendedUntil < day) || (suspendedFrom && suspendedFrom > day);
  if (key === 'suspended' && suspensionOver) key = 'active';
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
