/** Registers `<anva-hub>` (guarded: loading the script twice changes nothing). */
import { AnvaHubElement } from './hub.component.js';

export { AnvaHubElement };

if (!customElements.get('anva-hub')) customElements.define('anva-hub', AnvaHubElement);

declare global {
  interface HTMLElementTagNameMap {
    'anva-hub': AnvaHubElement;
  }
}
