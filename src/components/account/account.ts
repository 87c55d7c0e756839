import { AnvaAccount } from './account.component.js';

export { AnvaAccount };

// Guarded: loading the script twice, or before the tags, changes nothing.
if (!customElements.get('anva-account')) customElements.define('anva-account', AnvaAccount);

declare global {
  interface HTMLElementTagNameMap {
    'anva-account': AnvaAccount;
  }
}
