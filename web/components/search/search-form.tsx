import { type Locale, localePath } from '@/lib/i18n';
import { labelsFor } from '@/lib/labels';
import { SEARCH_MAX_QUERY_LENGTH } from '@/lib/search';

/** The header's search field: a plain GET form to the search page, so it works without JavaScript. */
export function SearchForm({ locale }: { locale: Locale }) {
  const t = labelsFor(locale);
  return (
    <form role="search" className="site-search" action={localePath(locale, '/search')} method="get">
      <label htmlFor="site-search-query" className="visually-hidden">
        {t.searchLabel}
      </label>
      <input id="site-search-query" type="search" name="q" placeholder={t.searchPlaceholder} maxLength={SEARCH_MAX_QUERY_LENGTH} required />
      <button type="submit">{t.search}</button>
    </form>
  );
}
