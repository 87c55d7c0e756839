import { AnvaLogin } from './login.component.js';

export { AnvaLogin };

// Guarded: loading the script twice, or before the tags, changes nothing.
if (!customElements.get('anva-login')) customElements.define('anva-login', AnvaLogin);

declare global {
  interface HTMLElementTagNameMap {
    'anva-login': AnvaLogin;
  }
}
