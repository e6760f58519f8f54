import { type Locale, localePath } from './i18n';

// Search on the site, as the browser needs it: no validation library here, so none ships to readers.
// The shapes are checked on the server (lib/cms/search.ts) before the web app's own /api/search and
// /api/search-trends hand them on, so the browser can trust what those two answer.

export type Segment = { text: string; hit?: boolean };
export type Label = { slug: string; name: string };

export type SearchHit = {
  documentId: string;
  slug: string;
  title: string;
  publishedAt: string;
  section: Label | null;
  authors: Label[];
  highlights: { title: Segment[]; snippet: Segment[] };
};

export type SearchPage = {
  data: SearchHit[];
  meta: { query: string; pagination: { page: number; pageSize: number; pageCount: number; total: number } };
};

/** What a search returned: a page of results, or why the query could not be run (from the CMS's 400). */
export type SearchOutcome = { ok: true; page: SearchPage } | { ok: false; status: number; message: string };

export type Trend = { term: string; pinned: boolean };

export const SEARCH_PAGE_SIZE = 10;
export const MAX_QUERY_LENGTH = 200;

/** The search page's URL for a query (and page, after the first). */
export function searchHref(locale: Locale, query: string, page = 1) {
  const params = new URLSearchParams({ q: query });
  if (page > 1) params.set('page', String(page));
  return `${localePath(locale, '/search')}?${params}`;
}
