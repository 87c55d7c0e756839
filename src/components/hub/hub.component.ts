import { LitElement, css, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import type { AnvaSettings } from '../../core/config.js';
import { configureFrom } from '../../core/registry.js';

/**
 * The configuration of every anva widget on the page. Renders nothing. One
 * per page: a second `<anva-hub>` (or `configure()` call) with different
 * settings is reported as a `config` error and ignored. Session events are
 * dispatched on this element (they bubble to `document`).
 *
 * @summary Connects the page's widgets to ANVA Hub: one sign-in, one session, one API client.
 *
 * @fires anva-signed-in - The customer signed in (also when a stored session is picked up); `detail: { profile: { name, email } }`.
 * @fires anva-signed-out - The session ended; `detail: { reason: 'user' | 'expired' | 'revoked' }`.
 * @fires anva-error - A configuration or sign-in problem; `detail: { code, message, retryable }`.
 */
export class AnvaHubElement extends LitElement {
  static override styles = css`
    :host {
      display: none !important;
    }
  `;

  /** OpenID Connect issuer of ANVA Hub (discovery is read from it). Required. */
  @property() authority = '';

  /** The broker website's client id on ANVA Hub. Required. */
  @property({ attribute: 'client-id' }) clientId = '';

  /** Base URL of the customer API; the only place the access token is sent. Required. */
  @property({ attribute: 'api-base' }) apiBase = '';

  /** OAuth scopes; must include `openid`. Default `openid profile email`. */
  @property() scope = '';

  /** Where the Hub sends the customer back. Default: the current page without query and hash. */
  @property({ attribute: 'redirect-uri' }) redirectUri = '';

  /** Where the customer lands after logging out. Default: the current page. */
  @property({ attribute: 'post-logout-redirect-uri' }) postLogoutRedirectUri = '';

  /** Organisation id or code: show only this broker's dossier when the customer has several. */
  @property() organization = '';

  /** Language of every widget, `nl` or `en`. Default: the nearest `lang` attribute, then `nl`. */
  @property() override lang = '';

  /** How Dutch addresses the customer: `formal` (*u*, default) or `informal` (*je*). */
  @property() tone = '';

  /** ISO 4217 code of the amounts the Hub sends, e.g. `EUR` (default). */
  @property() currency = '';

  /** `redirect` (default) or `popup`: how the Hub's login page is shown. */
  @property({ attribute: 'login-mode' }) loginMode = '';

  /** Where tokens live: `session` (sessionStorage, default) or `memory`. Never localStorage. */
  @property() storage = '';

  /** Lit batches attribute changes into one update, so the page is configured once per change set. */
  protected override updated(): void {
    configureFrom(this, this.settings());
  }

  private settings(): AnvaSettings {
    const settings: AnvaSettings = {};
    const attributes: [keyof AnvaSettings, string][] = [
      ['authority', 'authority'],
      ['clientId', 'client-id'],
      ['apiBase', 'api-base'],
      ['scope', 'scope'],
      ['redirectUri', 'redirect-uri'],
      ['postLogoutRedirectUri', 'post-logout-redirect-uri'],
      ['organization', 'organization'],
      ['lang', 'lang'],
      ['tone', 'tone'],
      ['currency', 'currency'],
      ['loginMode', 'login-mode'],
      ['storage', 'storage'],
    ];
    for (const [key, attribute] of attributes) {
      // A property set from script wins over a missing attribute.
      const value = this[key] || this.getAttribute(attribute);
      if (value !== null && value !== '') settings[key] = value;
    }
    return settings;
  }

  protected override render(): typeof nothing {
    return nothing;
  }
}
