/** People's names as the customer expects to read them. */
import type { Account } from '../core/types.js';

/** First, middle ("van der") and last name; the username or e-mail when those are missing. */
export function fullName(account: Account | undefined): string {
  if (!account) return '';
  const parts = [account.firstName, account.middleName, account.lastName]
    .map((part) => (typeof part === 'string' ? part.trim() : ''))
    .filter(Boolean);
  return parts.join(' ') || account.name?.trim() || account.email?.trim() || '';
}
