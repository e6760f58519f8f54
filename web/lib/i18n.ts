import { LOCALE_SETTINGS, type Locale } from '@newsroom/contract';

// Locales and page paths are the contract's (packages/contract): English is unprefixed (/articles/x),
// others carry a prefix (/zh/articles/x). This module adds what only the site needs of them.
export { DEFAULT_LOCALE, LOCALES, entryPath, isLocale, localePath, type Locale } from '@newsroom/contract';

export { LOCALE_SETTINGS };

/** What a page declares in `<html lang>`. */
export const htmlLang = (locale: Locale) => LOCALE_SETTINGS[locale].htmlLang;

/** A language's name in `inLanguage`, by default in itself (`Español`, `Català`: how the Translate control lists them). */
export function languageName(language: string, inLanguage: string = language): string {
  const name = new Intl.DisplayNames([inLanguage], { type: 'language' }).of(language) ?? language;
  return name.charAt(0).toLocaleUpperCase(inLanguage) + name.slice(1);
}
