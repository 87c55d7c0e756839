import { AnvaContractDetail } from './contract-detail.component.js';

export { AnvaContractDetail };

// Guarded: loading the script twice, or before the tags, changes nothing.
if (!customElements.get('anva-contract-detail'))
  customElements.define('anva-contract-detail', AnvaContractDetail);

declare global {
  interface HTMLElementTagNameMap {
    'anva-contract-detail': AnvaContractDetail;
  }
}
