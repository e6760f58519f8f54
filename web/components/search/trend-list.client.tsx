'use client';

import useSWR from 'swr';
import type { Locale } from '@/lib/i18n';
import { searchHref, type Trend } from '@/lib/search';

const REFRESH_MS = 5 * 60_000;

async function fetchTrends(url: string): Promise<Trend[]> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`search trends: ${response.status}`);
  return ((await response.json()) as { data: Trend[] }).data; // checked by the web app's route
}

/**
 * The Search Trends terms. The page renders the list it had when it was cached; the browser then fetches
 * the current one (and again every few minutes), so the list stays fresh while the page stays static.
 */
export function TrendList({ locale, initial, emptyText }: { locale: Locale; initial: Trend[]; emptyText: string }) {
  const { data: trends = initial } = useSWR(`/api/search-trends?locale=${locale}`, fetchTrends, {
    fallbackData: initial,
    refreshInterval: REFRESH_MS,
    revalidateOnFocus: false,
  });
  if (trends.length === 0) return <p className="meta">{emptyText}</p>;
  return (
    <ol className="search-trends__list">
      {trends.map(({ term }) => (
        <li key={term}>
          <a href={searchHref(locale, term)}>{term}</a>
        </li>
      ))}
    </ol>
  );
}
