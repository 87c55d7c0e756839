/** The one-script-tag entry: the public core API, and every element registered. */
import { startMounting } from './mount.js';

export * from './core/index.js';
export { AnvaHubElement } from './components/hub/hub.js';
export { AnvaLogin } from './components/login/login.js';
export { AnvaContracts } from './components/contracts/contracts.js';
export { AnvaContractDetail } from './components/contract-detail/contract-detail.js';
export { AnvaAccount } from './components/account/account.js';
export { setMessages } from './i18n/index.js';
export type { Lang, Messages } from './i18n/messages.js';
export { mount } from './mount.js';

startMounting();
