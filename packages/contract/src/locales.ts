/**
 * The languages of the outlet: the CMS creates them at start, the site serves a prefix for each but the
 * default (`/zh/...`; English is unprefixed) and reads its words from `web/labels/<code>.json`. `htmlLang`
 * is what pages declare in `<html lang>`, `intl` the locale dates and numbers are written in, `name` the
 * language in itself (the language switcher's words). Adding a language is an entry here and a labels file.
 */
const SETTINGS = {
  // The outlet's house style for English dates: `22:58, 09-Feb-2025`.
  en: { htmlLang: 'en', intl: 'en-US', name: 'English', dateline: '{HH}:{mm}, {DD}-{Mon}-{YYYY}', date: '{DD}-{Mon}-{YYYY}' },
  zh: { htmlLang: 'zh-Hans', intl: 'zh-CN', name: '中文' },
} satisfies Record<string, LocaleSettings>;

export type Locale = keyof typeof SETTINGS;
export const LOCALE_SETTINGS: Record<Locale, LocaleSettings> = SETTINGS;

export type LocaleSettings = {
  htmlLang: string;
  intl: string;
  name: string;
  /** A house style for dates and times ({HH} {mm} {DD} {Mon} {YYYY}); without one, Intl's long date and short time. */
  dateline?: string;
  date?: string;
};

export const LOCALES = Object.keys(LOCALE_SETTINGS) as Locale[];
export const DEFAULT_LOCALE: Locale = 'en';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && Object.hasOwn(LOCALE_SETTINGS, value);
}
