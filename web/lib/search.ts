import type { SearchPage } from '@newsroom/contract';
import { type Locale, localePath } from './i18n';

// Search on the site, as the browser needs it: no validation library here, so none ships to readers.
// The shapes (the contract's) are checked on the server (lib/cms/search.ts) before the web app's own
// /api/search and /api/search-trends hand them on, so the browser can trust what those two answer.

export type { SearchHit, SearchPage, Segment, Trend } from '@newsroom/contract';
export { SEARCH_MAX_QUERY_LENGTH, SEARCH_PAGE_SIZE } from '@newsroom/contract';

/** What a search returned: a page of results, or why the query could not be run (from the CMS's 400). */
export type SearchOutcome = { ok: true; page: SearchPage } | { ok: false; status: number; message: string };

/** The search page's URL for a query (and page, after the first). */
export function searchHref(locale: Locale, query: string, page = 1) {
  const params = new URLSearchParams({ q: query });
  if (page > 1) params.set('page', String(page));
  return `${localePath(locale, '/search')}?${params}`;
}
