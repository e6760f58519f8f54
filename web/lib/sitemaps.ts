import 'server-only';
import { getAllSeries, getArticlePage, getSite } from '@/lib/cms';
import { LOCALE_SETTINGS } from '@newsroom/contract';
import { DEFAULT_LOCALE, LOCALES, type Locale, isLocale, localePath, entryPath } from '@/lib/i18n';
import { versionsOf } from '@/lib/pages/versions';
import { absoluteUrl } from '@/lib/site-url';

// /sitemap.xml is an index: one sitemap of the fixed pages, and the articles of each locale in files of
// 5,000 (search engines accept 50,000 per file; smaller files regenerate faster after a publish).

const ARTICLES_PER_FILE = 5_000;
const API_PAGE_SIZE = 100;
const PAGES_PER_FILE = ARTICLES_PER_FILE / API_PAGE_SIZE;

export const xmlEscape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** One address, and its versions in every locale that has it (hreflang alternates, itself included). */
type Entry = { path: string; lastModified?: Date; versions?: { locale: Locale; path: string }[] };

function urlset(entries: Entry[]): string {
  const urls = entries.map((e) => {
    const lastmod = e.lastModified ? `<lastmod>${e.lastModified.toISOString()}</lastmod>` : '';
    const alternates =
      e.versions && e.versions.length > 1
        ? e.versions
            .map(
              (v) =>
                `<xhtml:link rel="alternate" hreflang="${LOCALE_SETTINGS[v.locale].htmlLang}" href="${xmlEscape(absoluteUrl(v.path))}"/>`,
            )
            .join('')
        : '';
    return `  <url><loc>${xmlEscape(absoluteUrl(e.path))}</loc>${lastmod}${alternates}</url>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n${urls.join('\n')}\n</urlset>\n`;
}

export async function sitemapIndex(): Promise<string> {
  const files = ['/sitemaps/pages.xml'];
  for (const locale of LOCALES) {
    const { total } = await getArticlePage({ locale, pageSize: 1 });
    for (let n = 0; n < Math.ceil(total / ARTICLES_PER_FILE); n++) files.push(`/sitemaps/articles-${locale}-${n}.xml`);
  }
  const items = files.map((f) => `  <sitemap><loc>${xmlEscape(absoluteUrl(f))}</loc></sitemap>`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${items.join('\n')}\n</sitemapindex>\n`;
}

async function pagesSitemap(): Promise<string> {
  const [site, series] = await Promise.all([getSite(DEFAULT_LOCALE), getAllSeries(DEFAULT_LOCALE)]);
  const nav = site.navigation.map((n) => n.url).filter((u) => u.startsWith('/'));
  return urlset([
    ...LOCALES.map((l) => ({
      path: localePath(l, '/'),
      versions: LOCALES.map((other) => ({ locale: other, path: localePath(other, '/') })),
    })),
    ...[...nav, '/privacy', '/cookie-policy', '/terms'].map((path) => ({ path })),
    ...series.map((s) => ({ path: entryPath('series', s.slug) })),
  ]);
}

async function articlesSitemap(locale: Locale, file: number): Promise<string | null> {
  const entries: Entry[] = [];
  for (let page = file * PAGES_PER_FILE + 1; page <= (file + 1) * PAGES_PER_FILE; page++) {
    const list = await getArticlePage({ locale, page, pageSize: API_PAGE_SIZE });
    entries.push(
      ...list.items.map((a) => ({
        path: entryPath('article', a.slug, locale),
        lastModified: a.updated,
        versions: versionsOf('article', locale, a.slug, a.translations),
      })),
    );
    if (page >= list.pageCount) break;
  }
  return file === 0 || entries.length > 0 ? urlset(entries) : null;
}

/** One sitemap file by name (`pages.xml`, `articles-<locale>-<n>.xml`), or null for an unknown name. */
export async function sitemapFile(name: string): Promise<string | null> {
  if (name === 'pages.xml') return pagesSitemap();
  const match = /^articles-([a-z]{2})-(\d{1,4})\.xml$/.exec(name);
  if (!match || !isLocale(match[1])) return null;
  return articlesSitemap(match[1], Number(match[2]));
}

export const XML_HEADERS = { 'Content-Type': 'application/xml; charset=utf-8' };
