import { labelsFor } from '@/lib/labels';
import type { Locale } from '@/lib/i18n';
import type { Trend } from '@/lib/search';
import { TrendList } from './trend-list.client';

/**
 * "Search Trends": what readers search for now, each term a link to its search. The frame is rendered on
 * the server (so no labels ship to the browser); the list is the one client part.
 */
export function SearchTrends({ locale, initial }: { locale: Locale; initial: Trend[] }) {
  const t = labelsFor(locale);
  return (
    <aside className="search-trends" aria-labelledby="search-trends-title">
      <h2 id="search-trends-title">{t.searchTrends}</h2>
      <TrendList locale={locale} initial={initial} emptyText={t.searchTrendsEmpty} />
    </aside>
  );
}
