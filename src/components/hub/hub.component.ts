import { LitElement, css, nothing } from 'lit';
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
  static override properties = {
    authority: {},
    clientId: { attribute: 'client-id' },
    apiBase: { attribute: 'api-base' },
    scope: {},
    redirectUri: { attribute: 'redirect-uri' },
    postLogoutRedirectUri: { attribute: 'post-logout-redirect-uri' },
    organization: {},
    lang: {},
    loginMode: { attribute: 'login-mode' },
    storage: {},
    currency: {},
    tone: {},
    timeout: {},
  };

  /** OpenID Connect issuer of ANVA Hub (discovery is read from it). Required. */
  authority = '';

  /** The broker website's client id on ANVA Hub. Required. */
  clientId = '';

  /** Base URL of the customer API; the only place the access token is sent. Required. */
  apiBase = '';

  /** OAuth scopes; must include `openid`. Default `openid profile email`. */
  scope = '';

  /** Where the Hub sends the customer back. Default: the current page without query and hash. */
  redirectUri = '';

  /** Where the customer lands after logging out. Default: the current page. */
  postLogoutRedirectUri = '';

  /** Organisation id or code: show only this broker's dossier when the customer has several. */
  organization = '';

  /** Language of every widget, `nl` or `en`. Default: the nearest `lang` attribute, then `nl`. */
  override lang = '';

  /** `redirect` (default) or `popup`: how the Hub's login page is shown. */
  loginMode = '';

  /** Where tokens live: `session` (sessionStorage, default) or `memory`. Never localStorage. */
  storage = '';

  /** ISO 4217 code of every amount (ANVA sends amounts without a currency). Default `EUR`. */
  currency = '';

  /** Dutch form of address: `formal` (*u*, default) or `informal` (*je*). */
  tone = '';

  /**
   * Seconds a request to the Hub may take, retries included, before the
   * widgets say it timed out. Default 60 (ANVA's back end may take that long).
   */
  timeout = '';

  /** Lit batches attribute changes into one update, so the page is configured once per change set. */
  protected override updated(): void {
    configureFrom(this, this.settings());
  }

  /**
   * Every declared property is a setting; its attribute name is the one Lit reads. Empty ones
   * are left to `configure()`'s own tidying, which drops them.
   */
  private settings(): AnvaSettings {
    const settings: Record<string, string | undefined> = {};
    for (const [key, { attribute }] of AnvaHubElement.elementProperties) {
      const name = typeof attribute === 'string' ? attribute : String(key);
      // A property set from script wins over a missing attribute.
      settings[key as string] =
        this[key as keyof AnvaSettings] || this.getAttribute(name) || undefined;
    }
    return settings;
  }

  protected override render(): typeof nothing {
    return nothing;
  }
}
