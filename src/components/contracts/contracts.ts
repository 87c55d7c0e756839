import { AnvaContracts } from './contracts.component.js';

export { AnvaContracts };

// Guarded: loading the script twice, or before the tags, changes nothing.
if (!customElements.get('anva-contracts')) customElements.define('anva-contracts', AnvaContracts);

declare global {
  interface HTMLElementTagNameMap {
    'anva-contracts': AnvaContracts;
  }
}
