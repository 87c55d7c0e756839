/**
 * The language rule the sign-in and the widgets share: a language tag means
 * Dutch or English by its first two letters (`en-GB` is English).
 */

/** The two languages the widgets and the Hub's pages speak. */
export type Lang = 'nl' | 'en';

/** `nl` or `en` for a language tag such as `en-GB`; undefined for others. */
export function toLang(tag: string | null | undefined): Lang | undefined {
  const primary = tag?.trim().slice(0, 2).toLowerCase();
  return primary === 'nl' || primary === 'en' ? primary : undefined;
}

/** The page's language: `<anva-hub lang>`, else `<html lang>`, else Dutch. */
export function pageLang(configLang?: string): Lang {
  return toLang(configLang) ?? toLang(document.documentElement.lang) ?? 'nl';
}
