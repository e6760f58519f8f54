import { LOCALES, entryPath, localePath, type Locale, type PageType } from '@newsroom/contract';
import type { Translation } from '@/lib/cms/types';

export type Version = { locale: Locale; path: string };

/** The entry's page in each locale it exists in: the current one and its translations, in the site's order. */
export function versionsOf(type: PageType, locale: Locale, slug: string, translations: Translation[]): Version[] {
  const slugs = new Map<Locale, string>([[locale, slug], ...translations.map((t): [Locale, string] => [t.locale, t.slug])]);
  return LOCALES.filter((l) => slugs.has(l)).map((l) => ({ locale: l, path: entryPath(type, slugs.get(l)!, l) }));
}

/** A page every locale has (the front page, search): its address in each. */
export const everyLocale = (path: string): Version[] => LOCALES.map((l) => ({ locale: l, path: localePath(l, path) }));

/** The same, as the metadata's hreflang alternates want them: each locale's path before its prefix. */
export function alternatesOf(type: PageType, locale: Locale, slug: string, translations: Translation[]): Partial<Record<Locale, string>> {
  const slugs: [Locale, string][] = [[locale, slug], ...translations.map((t): [Locale, string] => [t.locale, t.slug])];
  return Object.fromEntries(slugs.map(([l, s]) => [l, entryPath(type, s)]));
}
