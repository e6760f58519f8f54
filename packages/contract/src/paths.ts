import { DEFAULT_LOCALE, type Locale, isLocale } from './locales';

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

/**
 * The locale and the rest of a path: `/zh/articles/x` is zh's `/articles/x`, an unprefixed path the
 * default locale's. (A prefix in another case, `/ZH/...`, is no locale.)
 */
export function splitLocale(pathname: string): { locale: Locale; path: string } {
  const [, first, ...rest] = pathname.split('/');
  if (first !== DEFAULT_LOCALE && isLocale(first)) return { locale: first, path: `/${rest.join('/')}` };
  return { locale: DEFAULT_LOCALE, path: pathname };
}

/** The slug an entry's page path names, as written in the URL (still escaped), or null for another path. */
export function slugOfPath(type: PageType, path: string): string | null {
  const prefix = PAGE_PREFIXES[type];
  if (!path.startsWith(prefix)) return null;
  const slug = path.slice(prefix.length).replace(/\/$/, '');
  return slug !== '' && !slug.includes('/') ? slug : null;
}

/** The page of one entry: the site's links and the CMS's Preview links both come from here. */
export function entryPath(type: PageType, slug: string, locale: Locale = DEFAULT_LOCALE): string {
  return localePath(locale, `${PAGE_PREFIXES[type]}${encodeURIComponent(slug)}`);
}

/** The machine translation of an article into `language` (a provider's language code, e.g. `es`). */
export function translationPath(slug: string, locale: Locale, language: string): string {
  return `${entryPath('article', slug, locale)}/translate/${encodeURIComponent(language)}`;
}
