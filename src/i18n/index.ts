/**
 * Picks the customer's language and its messages. Brokers reword any text per
 * language with `setMessages(lang, partial)` (page-wide) or an element's
 * `messages` property (that element only, wins over `setMessages`).
 */
import { toLang } from '../core/lang.js';
import { en } from './en.js';
import { nl } from './nl.js';
import type { Lang, Messages, Tone } from './messages.js';

export type * from './messages.js';
export { en, nl, toLang };

const catalogues: Record<Lang, Messages> = { nl, en };

/**
 * Dutch with *je*: every *u* and *uw* of the formal texts as *je*. One rule
 * instead of a second catalogue; the formal texts are written so that it reads
 * right (*u hebt* → *je hebt*, never *u heeft*), and the catalogue test fails
 * on any *u* left in informal texts or any *je* in formal ones. Texts that
 * functions build from data (names, descriptions) are left alone.
 */
export function informal<T>(value: T): T {
  if (typeof value === 'string')
    return value.replace(/\b([Uu])w?\b/g, (_, u: string) => (u === 'U' ? 'Je' : 'je')) as T;
  if (Array.isArray(value)) return value.map(informal) as T;
  if (typeof value === 'object' && value)
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, informal(item)]),
    ) as T;
  return value;
}
const overrides: Record<Lang, Partial<Messages>> = { nl: {}, en: {} };
const listeners = new Set<() => void>();

/** The nearest `lang` attribute at or above `el`, crossing shadow roots. */
function inheritedLang(el: Element): Lang | undefined {
  for (let node: Element | null = el; node;) {
    const found = node.closest('[lang]');
    if (found) return toLang(found.getAttribute('lang'));
    const root = node.getRootNode();
    node = root instanceof ShadowRoot ? root.host : null;
  }
  return undefined;
}

/** The element's own `lang`, else `<anva-hub lang>`, else the nearest `lang`, else Dutch. */
export function resolveLang(el: Element, configLang?: string): Lang {
  return toLang(el.getAttribute('lang')) ?? toLang(configLang) ?? inheritedLang(el) ?? 'nl';
}

/** `formal` or `informal` as written; anything else is not a tone. */
export function toTone(value: string | null | undefined): Tone | undefined {
  const tone = value?.trim().toLowerCase();
  return tone === 'formal' || tone === 'informal' ? tone : undefined;
}

/** The element's own `tone`, else `<anva-hub tone>`, else formal. */
export function resolveTone(el: Element, configTone?: string): Tone {
  return toTone(el.getAttribute('tone')) ?? toTone(configTone) ?? 'formal';
}

/** The catalogue for `lang` in `tone`, with the page-wide and then the element's own overrides. */
export function messagesFor(lang: Lang, tone: Tone = 'formal', own?: Partial<Messages>): Messages {
  const messages = { ...catalogues[lang], ...overrides[lang], ...own };
  return lang === 'nl' && tone === 'informal' ? informal(messages) : messages;
}

/** Rewords messages for every widget on the page, e.g. `setMessages('nl', { signIn: 'Mijn polissen' })`. */
export function setMessages(lang: Lang, partial: Partial<Messages>): void {
  overrides[lang] = { ...overrides[lang], ...partial };
  listeners.forEach((listener) => listener());
}

/** Called after `setMessages`; returns the unsubscribe function. */
export function onMessagesChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
