import 'server-only';
import { CMS_URL, cmsHeaders } from './config';
import { cmsGet } from './client';
import { FALLBACK_REVALIDATE_SECONDS, tags } from './tags';
import { READER_KEY_HEADER, SEARCH_PAGE_SIZE } from '@newsroom/contract';
import { searchPage, trendList } from '@newsroom/contract/schemas';
import type { SearchOutcome, Trend } from '../search';

// The search API's shapes are the contract's, checked here on the server; the browser then reads them
// from the web app's own routes without a validator (lib/search.ts).

/**
 * Runs a search on the CMS, never cached (every query is different). A query the CMS refuses (400) comes
 * back with its message for the reader; an unreachable CMS throws.
 */
export async function searchArticles({ q, locale, page }: { q: string; locale: string; page: number }): Promise<SearchOutcome> {
  const params = new URLSearchParams({ q, locale, page: String(page), pageSize: String(SEARCH_PAGE_SIZE) });
  const response = await fetch(`${CMS_URL}/api/search?${params}`, { headers: cmsHeaders(), cache: 'no-store' });
  if (response.status === 400) {
    const body = await response.json().catch(() => null);
    return { ok: false, status: 400, message: String(body?.error?.message ?? 'This search cannot be run.') };
  }
  if (!response.ok) throw new Error(`CMS /api/search answered ${response.status}`);
  return { ok: true, page: searchPage.parse(await response.json()) };
}

/**
 * Search Trends as a page renders them (cached with the page; refreshed in the browser by the box
 * itself). Trends are never worth failing a page for: any problem gives an empty list.
 */
export async function getSearchTrends(locale: string): Promise<Trend[]> {
  try {
    const result = await cmsGet('/search-trends', { locale }, trendList, {
      tags: [tags.searchTrends],
      revalidate: FALLBACK_REVALIDATE_SECONDS,
    });
    return result?.data ?? [];
  } catch {
    return [];
  }
}

/** The current trends, fresh (for the browser's refresh; the CMS caches them for 30 seconds). */
export async function fetchSearchTrends(locale: string): Promise<Trend[]> {
  const response = await fetch(`${CMS_URL}/api/search-trends?${new URLSearchParams({ locale })}`, {
    headers: cmsHeaders(),
    cache: 'no-store',
  });
  if (!response.ok) throw new Error(`CMS /api/search-trends answered ${response.status}`);
  return trendList.parse(await response.json()).data;
}

/** Counts a search made on the site. `client` is an opaque key of the reader, for the CMS's rate limit. */
export async function recordSearch({ term, locale, client }: { term: string; locale: string; client: string }) {
  const response = await fetch(`${CMS_URL}/api/search-trends`, {
    method: 'POST',
    headers: { ...cmsHeaders(), 'Content-Type': 'application/json', [READER_KEY_HEADER]: client },
    body: JSON.stringify({ term, locale }),
    cache: 'no-store',
  });
  return response.status;
}
