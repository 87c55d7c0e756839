/** The one-script-tag entry: the public core API, and every element registered. */
export * from './core/index.js';
