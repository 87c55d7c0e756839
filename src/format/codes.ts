/**
 * Codes a Hub writes in more than one way, each matched to the one code the
 * catalogues have words for, so that every language lists each code once.
 */
import { en } from '../i18n/en.js';
import { nl } from '../i18n/nl.js';
import { nameLookup } from './lookup.js';

/** Collection methods (`m.methods`): the other names of a code, its Dutch and English words too. */
export const methodCode = nameLookup({ directdebit: ['incasso'], invoice: ['nota'] }, [
  nl.methods,
  en.methods,
]);

/** Kinds of insured object (`m.objectTypes`): the other names of a code. */
export const objectTypeCode = nameLookup({ vehicle: ['car'], address: ['building'] });
