import { DEFAULT_LOCALE, type Locale } from './locales';

/** The public URL path of `path` (starting with /) in `locale`: the default locale has no prefix. */
export function localePath(locale: Locale, path: string): string {
  if (locale === DEFAULT_LOCALE) return path;
  return path === '/' ? `/${locale}` : `/${locale}${path}`;
}

/** Where each type with a page of its own lives on the site. Legal pages sit at the top level. */
const PAGE_PREFIXES = {
  article: '/articles/',
  series: '/series/',
  author: '/authors/',
  section: '/sections/',
  tag: '/tags/',
  page: '/',
} as const;

export type PageType = keyof typeof PAGE_PREFIXES;

export function hasPage(name: string): name is PageType {
  return Object.hasOwn(PAGE_PREFIXES, name);
}

/** The page of one entry: the site's links and the CMS's Preview links both come from here. */
export function entryPath(type: PageType, slug: string, locale: Locale = DEFAULT_LOCALE): string {
  return localePath(locale, `${PAGE_PREFIXES[type]}${encodeURIComponent(slug)}`);
}
