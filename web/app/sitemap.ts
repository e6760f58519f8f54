import type { MetadataRoute } from 'next';
import { CmsError, getAllSeries, getLatestArticles, getSite } from '@/lib/cms';
import { DEFAULT_LOCALE, LOCALES, localePath } from '@/lib/i18n';
import { absoluteUrl } from '@/lib/site-url';

// Rendered per request from the tagged data cache, so a build never needs the CMS and a publish shows at once.
export const dynamic = 'force-dynamic';
const ARTICLES_PER_LOCALE = 5_000;
const PAGE_SIZE = 100;

async function articleEntries(locale: (typeof LOCALES)[number]): Promise<MetadataRoute.Sitemap> {
  const entries: MetadataRoute.Sitemap = [];
  for (let page = 1; entries.length < ARTICLES_PER_LOCALE; page++) {
    const list = await getLatestArticles({ locale, page, pageSize: PAGE_SIZE });
    for (const a of list.items)
      entries.push({ url: absoluteUrl(localePath(locale, `/articles/${a.slug}`)), lastModified: a.updated, changeFrequency: 'hourly' });
    if (page >= list.pageCount) break;
  }
  return entries;
}

/** The home page, sections, series, legal pages and the most recent articles of every locale. */
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  try {
    const site = await getSite(DEFAULT_LOCALE);
    const fixed = ['/', ...site.navigation.map((n) => n.url).filter((u) => u.startsWith('/')), '/privacy', '/cookie-policy', '/terms'];
    const series = await getAllSeries(DEFAULT_LOCALE);
    const perLocale = await Promise.all(LOCALES.map(articleEntries));
    return [
      ...fixed.map((path) => ({ url: absoluteUrl(path), changeFrequency: 'daily' as const })),
      ...series.map((s) => ({ url: absoluteUrl(`/series/${s.slug}`), changeFrequency: 'weekly' as const })),
      ...perLocale.flat(),
    ];
  } catch (error) {
    if (error instanceof CmsError) throw new Error('The sitemap needs the CMS', { cause: error });
    throw error;
  }
}
