/** Public types and functions of the shared core, for brokers who build their own views. */
export type * from './types.js';
export { AnvaError } from './errors.js';
export type { AnvaErrorCode, AnvaErrorDetail } from './errors.js';
