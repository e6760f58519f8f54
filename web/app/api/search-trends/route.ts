import { fetchSearchTrends, recordSearch } from '@/lib/cms';
import { DEFAULT_LOCALE, isLocale } from '@/lib/i18n';
import { SEARCH_MAX_QUERY_LENGTH } from '@/lib/search';
import { readerKey } from '@/lib/reader-key';

/** GET /api/search-trends?locale=en: the current trends, for the Search Trends box's refresh. */
export async function GET(request: Request) {
  const locale = new URL(request.url).searchParams.get('locale') ?? DEFAULT_LOCALE;
  if (!isLocale(locale)) return Response.json({ error: 'locale is not one of the site’s languages' }, { status: 400 });
  try {
    // Browsers and caches in front may keep the list a minute; it changes over hours.
    return Response.json({ data: await fetchSearchTrends(locale) }, { headers: { 'Cache-Control': 'public, max-age=60' } });
  } catch (error) {
    console.error(`search trends unavailable: ${(error as Error).message}`);
    return Response.json({ data: [] }, { status: 503, headers: { 'Cache-Control': 'no-store' } });
  }
}

/**
 * POST /api/search-trends {term, locale}: counts a search a reader made. The reader is passed on only as
 * a one-way hash of their address and browser, so the CMS can limit each reader's weight without ever
 * seeing who they are; nothing here sets or reads a cookie.
 */
export async function POST(request: Request) {
  const body = (await request.json().catch(() => null)) as { term?: unknown; locale?: unknown } | null;
  const term = body?.term;
  const locale = body?.locale;
  if (typeof term !== 'string' || term.trim() === '' || term.length > SEARCH_MAX_QUERY_LENGTH) {
    return Response.json({ error: `term must be 1 to ${SEARCH_MAX_QUERY_LENGTH} characters` }, { status: 400 });
  }
  if (typeof locale !== 'string' || !isLocale(locale))
    return Response.json({ error: 'locale is not one of the site’s languages' }, { status: 400 });

  try {
    const status = await recordSearch({ term, locale, client: readerKey(request) });
    return new Response(null, { status: status < 400 ? 204 : status === 400 ? 400 : 502 });
  } catch (error) {
    console.error(`search not recorded: ${(error as Error).message}`);
    return new Response(null, { status: 502 });
  }
}
