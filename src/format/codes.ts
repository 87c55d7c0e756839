/**
 * Codes a Hub writes in more than one way, each matched to the one code the
 * catalogues have words for, so that every language lists each code once.
 */
import { nameLookup } from './fields.js';

/** Collection methods (`m.methods`): the other names of a code. */
export const methodCode = nameLookup({
  directdebit: ['incasso', 'automatischeincasso'],
  invoice: ['nota', 'factuur'],
});

/** Kinds of insured object (`m.objectTypes`): the other names of a code. */
export const objectTypeCode = nameLookup({
  vehicle: ['car'],
  address: ['building'],
});
