import { searchArticles } from '@/lib/cms';
import { DEFAULT_LOCALE, isLocale } from '@/lib/i18n';
import { SEARCH_MAX_QUERY_LENGTH } from '@/lib/search';

const json = (body: unknown, status = 200) => Response.json(body, { status, headers: { 'Cache-Control': 'no-store' } });

/**
 * GET /api/search?q=...&locale=...&page=...: the search page's results as it types and pages, from the
 * browser (same origin, so the CMS stays private and its token on the server).
 */
export async function GET(request: Request) {
  const params = new URL(request.url).searchParams;
  const q = params.get('q') ?? '';
  const locale = params.get('locale') ?? DEFAULT_LOCALE;
  const page = Number(params.get('page') ?? '1');
  if (!isLocale(locale)) return json({ error: 'locale is not one of the site’s languages' }, 400);
  if (q.trim() === '' || q.length > SEARCH_MAX_QUERY_LENGTH)
    return json({ error: `q must be 1 to ${SEARCH_MAX_QUERY_LENGTH} characters` }, 400);
  if (!Number.isInteger(page) || page < 1) return json({ error: 'page must be a whole number from 1' }, 400);

  try {
    const outcome = await searchArticles({ q, locale, page });
    return outcome.ok ? json(outcome.page) : json({ error: outcome.message }, outcome.status);
  } catch (error) {
    console.error(`search failed: ${(error as Error).message}`);
    return json({ error: 'Search is unavailable right now. Please try again shortly.' }, 503);
  }
}
