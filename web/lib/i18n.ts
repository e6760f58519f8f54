// Locales readers can choose. English is unprefixed (/articles/x); others carry a prefix (/zh/articles/x).
export const LOCALES = ['en', 'zh'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

export function isLocale(value: string): value is Locale {
  return (LOCALES as readonly string[]).includes(value);
}

/** The public URL path of `path` (starting with /) in `locale`. */
export function localePath(locale: Locale, path: string): string {
  if (locale === DEFAULT_LOCALE) return path;
  return path === '/' ? `/${locale}` : `/${locale}${path}`;
}

export const HTML_LANG: Record<Locale, string> = { en: 'en', zh: 'zh-Hans' };
