/** Dates, euros, month terms, status labels and field labels in the customer's language. */
export * from './fields.js';
export * from './lookup.js';
export * from './format.js';
export * from './status.js';
export * from './names.js';
export * from './contract.js';
export * from './terms.js';
