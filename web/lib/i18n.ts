import { LOCALE_SETTINGS, type Locale } from '@newsroom/contract';

// Locales and page paths are the contract's (packages/contract): English is unprefixed (/articles/x),
// others carry a prefix (/zh/articles/x). This module adds what only the site needs of them.
export { DEFAULT_LOCALE, LOCALES, entryPath, isLocale, localePath, type Locale } from '@newsroom/contract';

/** What a page declares in `<html lang>`. */
export const htmlLang = (locale: Locale) => LOCALE_SETTINGS[locale].htmlLang;
