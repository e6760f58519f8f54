import { z } from 'zod';
import { type Locale, localePath } from './i18n';

// The search API's contract, shared by the server (validating what Strapi sends) and the browser
// (reading the web app's own /api/search).

const segment = z.object({ text: z.string(), hit: z.boolean().optional() });
export type Segment = z.output<typeof segment>;

const label = z.object({ slug: z.string(), name: z.string() });

export const searchHit = z.object({
  documentId: z.string(),
  slug: z.string(),
  title: z.string(),
  publishedAt: z.string(),
  section: label.nullable(),
  authors: z.array(label),
  highlights: z.object({ title: z.array(segment), snippet: z.array(segment) }),
});
export type SearchHit = z.output<typeof searchHit>;

export const searchPage = z.object({
  data: z.array(searchHit),
  meta: z.object({
    query: z.string(),
    pagination: z.object({ page: z.number(), pageSize: z.number(), pageCount: z.number(), total: z.number() }),
  }),
});
export type SearchPage = z.output<typeof searchPage>;

/** What a search returned: a page of results, or why the query could not be run (from the CMS's 400). */
export type SearchOutcome = { ok: true; page: SearchPage } | { ok: false; status: number; message: string };

export const trendList = z.object({ data: z.array(z.object({ term: z.string(), pinned: z.boolean() })) });
export type Trend = z.output<typeof trendList>['data'][number];

export const SEARCH_PAGE_SIZE = 10;
export const MAX_QUERY_LENGTH = 200;

/** The search page's URL for a query (and page, after the first). */
export function searchHref(locale: Locale, query: string, page = 1) {
  const params = new URLSearchParams({ q: query });
  if (page > 1) params.set('page', String(page));
  return `${localePath(locale, '/search')}?${params}`;
}
