/**
 * The rules for a password a customer chooses, after NIST SP 800-63B (5.1.1.2): at least 8
 * characters, any characters allowed, no composition rules, but never a password known from
 * breaches or common-password lists, and never the username (here the e-mail address).
 *
 * The list is zxcvbn-ts's common passwords (about 49 000, ranked from breached password
 * corpora), shipped in the package and read offline; it is compared without regard to case,
 * so "Password1" counts as the listed "password1".
 */
import { dictionary } from '@zxcvbn-ts/language-common';

export const MIN_LENGTH = 8;
/** NIST asks to allow at least 64 characters; far longer is refused so hashing stays cheap. */
export const MAX_LENGTH = 256;

const COMMON = new Set(dictionary['passwords-common']);

/**
 * What is wrong with a new password, as a message key, or undefined when it is fine.
 * @returns {'passwordTooShort' | 'passwordTooLong' | 'passwordCommon' | 'passwordIsEmail'
 *   | 'passwordMismatch' | undefined}
 */
export function passwordRuleBroken(password, repeat, email = '') {
  const value = String(password ?? '').normalize('NFC');
  const lower = value.toLowerCase();
  const username = String(email ?? '')
    .trim()
    .toLowerCase();
  if ([...value].length < MIN_LENGTH) return 'passwordTooShort';
  if (value.length > MAX_LENGTH) return 'passwordTooLong';
  if (COMMON.has(lower)) return 'passwordCommon';
  if (username && (lower === username || lower === username.split('@')[0]))
    return 'passwordIsEmail';
  if (password !== repeat) return 'passwordMismatch';
  return undefined;
}
