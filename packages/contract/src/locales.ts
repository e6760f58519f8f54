/**
 * The languages of the outlet: the CMS creates them at start, the site serves a prefix for each but the
 * default (`/zh/...`; English is unprefixed). `htmlLang` is what pages declare in `<html lang>`.
 */
export const LOCALE_SETTINGS = {
  en: { htmlLang: 'en', name: 'English' },
  zh: { htmlLang: 'zh-Hans', name: 'Chinese' },
} as const;

export type Locale = keyof typeof LOCALE_SETTINGS;
export const LOCALES = Object.keys(LOCALE_SETTINGS) as Locale[];
export const DEFAULT_LOCALE: Locale = 'en';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && Object.hasOwn(LOCALE_SETTINGS, value);
}
