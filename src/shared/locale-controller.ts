/**
 * The widget's language, tone and messages, resolved before every render: its
 * own `lang`, else `<anva-hub lang>`, else the nearest `lang` above it, else
 * Dutch; its own `tone`, else `<anva-hub tone>`, else formal; amounts in
 * `<anva-hub currency>`. Re-renders when the host's `lang` or `tone` changes
 * or a broker calls `setMessages`.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { formatter, type Formatter } from '../format/format.js';
import { messagesFor, onMessagesChange, resolveLang, resolveTone } from '../i18n/index.js';
import type { Lang, Messages } from '../i18n/messages.js';
import type { SessionController } from './session-controller.js';

export type LocaleHost = ReactiveControllerHost & HTMLElement & { messages?: Partial<Messages> };

export class LocaleController implements ReactiveController {
  lang: Lang = 'nl';
  /** Stable between renders while nothing changed, so derived data can be cached on it. */
  format!: Formatter;
  private revision = 0;
  private key = '';
  private own?: Partial<Messages>;
  private observer?: MutationObserver;
  private unsubscribe?: () => void;

  constructor(
    private readonly host: LocaleHost,
    /** Whose configuration (`<anva-hub>`) gives the page's language, tone and currency. */
    private readonly session: SessionController,
  ) {
    host.addController(this);
  }

  get messages(): Messages {
    return this.format.messages;
  }

  hostConnected(): void {
    this.observer = new MutationObserver(() => this.host.requestUpdate());
    this.observer.observe(this.host, { attributes: true, attributeFilter: ['lang', 'tone'] });
    this.unsubscribe = onMessagesChange(() => {
      this.revision++;
      this.host.requestUpdate();
    });
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.unsubscribe?.();
  }

  hostUpdate(): void {
    const config = this.session.config;
    this.lang = resolveLang(this.host, config?.lang);
    const tone = resolveTone(this.host, config?.tone);
    const currency = config?.currency ?? 'EUR';
    const own = this.host.messages;
    const key = `${this.lang} ${tone} ${currency} ${this.revision}`;
    if (key !== this.key || own !== this.own) {
      this.key = key;
      this.own = own;
      this.format = formatter(messagesFor(this.lang, tone, own), currency);
    }
  }
}
