/** Public types and functions of the shared core, for brokers who build their own views. */
export type * from './types.js';
export { AnvaError } from './errors.js';
export type { AnvaErrorCode, AnvaErrorDetail } from './errors.js';
export { anva, configure } from './registry.js';
export type { AnvaSettings } from './config.js';
export { may } from './permissions.js';
export type {
  AnvaContractSelectDetail,
  AnvaEventDetailMap,
  AnvaEventName,
  AnvaSignedInDetail,
  AnvaSignedOutDetail,
} from './events.js';
