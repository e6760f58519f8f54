import { getArticlesSince, getSite } from '@/lib/cms';
import { DEFAULT_LOCALE, LOCALES, entryPath } from '@/lib/i18n';
import { absoluteUrl } from '@/lib/site-url';
import { XML_HEADERS, xmlEscape as xml } from '@/lib/sitemaps';

// Google News sitemap: articles first published in the last 48 hours, in every locale.
// Rendered per request from the tagged data cache, so a build never needs the CMS and a publish shows at once.
export const dynamic = 'force-dynamic';
const WINDOW_MS = 48 * 3_600_000;

export async function GET() {
  const since = new Date(Date.now() - WINDOW_MS);
  const site = await getSite(DEFAULT_LOCALE);
  const lists = await Promise.all(
    LOCALES.map(async (locale) => ({ locale, items: await getArticlesSince(since, { locale, pageSize: 100 }) })),
  );
  const urls = lists.flatMap(({ locale, items }) =>
    items.map(
      (a) => `  <url>
    <loc>${xml(absoluteUrl(entryPath('article', a.slug, locale)))}</loc>
    <news:news>
      <news:publication><news:name>${xml(site.name)}</news:name><news:language>${locale}</news:language></news:publication>
      <news:publication_date>${a.firstPublished.toISOString()}</news:publication_date>
      <news:title>${xml(a.title)}</news:title>
    </news:news>
  </url>`,
    ),
  );
  const body = `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
${urls.join('\n')}
</urlset>
`;
  return new Response(body, { headers: XML_HEADERS });
}
