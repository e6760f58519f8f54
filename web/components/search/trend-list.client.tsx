'use client';

import { useId } from 'react';
import useSWR from 'swr';
import { labelsFor } from '@/lib/labels';
import type { Locale } from '@/lib/i18n';
import { searchHref, trendList, type Trend } from '@/lib/search';

const REFRESH_MS = 5 * 60_000;

async function fetchTrends(url: string): Promise<Trend[]> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`search trends: ${response.status}`);
  return trendList.parse(await response.json()).data;
}

/**
 * "Search Trends": what readers search for now, each term a link to its search. The page renders the list
 * it had when it was cached; the browser then fetches the current one (and again every few minutes), so
 * the list stays fresh while the page itself stays static.
 */
export function SearchTrends({ locale, initial }: { locale: Locale; initial: Trend[] }) {
  const t = labelsFor(locale);
  const titleId = useId();
  const { data: trends = initial } = useSWR(`/api/search-trends?locale=${locale}`, fetchTrends, {
    fallbackData: initial,
    refreshInterval: REFRESH_MS,
    revalidateOnFocus: false,
  });
  return (
    <aside className="search-trends" aria-labelledby={titleId}>
      <h2 id={titleId}>{t.searchTrends}</h2>
      {trends.length > 0 ? (
        <ol className="search-trends__list">
          {trends.map(({ term }) => (
            <li key={term}>
              <a href={searchHref(locale, term)}>{term}</a>
            </li>
          ))}
        </ol>
      ) : (
        <p className="meta">{t.searchTrendsEmpty}</p>
      )}
    </aside>
  );
}
