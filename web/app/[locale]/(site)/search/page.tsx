import type { Metadata } from 'next';
import { fetchSearchTrends, getSite, searchArticles } from '@/lib/cms';
import { localePath } from '@/lib/i18n';
import { dictionaryFor, labelsFor } from '@/lib/labels';
import { pickWords } from '@/lib/labels/compile';
import { SEARCH_WORDS } from '@/lib/labels/client-words';
import { SEARCH_MAX_QUERY_LENGTH, type SearchOutcome } from '@/lib/search';
import { SearchView } from '@/components/search/search-view.client';
import { withLocale } from '@/lib/pages/params';
import { LanguageSwitcher, everyLocale } from '@/components/layout/language-switcher';

// Rendered per request: the results depend on the query. Article pages stay static.
export const dynamic = 'force-dynamic';

type Props = PageProps<'/[locale]/search'>;

async function read({ params, searchParams }: Props) {
  const locale = (await withLocale(params)).locale;
  const { q, page } = await searchParams;
  const query = (typeof q === 'string' ? q : '').slice(0, SEARCH_MAX_QUERY_LENGTH);
  const pageNumber = typeof page === 'string' && /^\d{1,4}$/.test(page) && Number(page) > 0 ? Number(page) : 1;
  return { locale, query, page: pageNumber };
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { locale, query } = await read(props);
  return {
    title: labelsFor(locale).searchTitle(query.trim()),
    alternates: { canonical: localePath(locale, '/search') },
    // Result pages are for readers, not for search engines' indexes.
    robots: { index: false, follow: true },
  };
}

export default async function SearchPage(props: Props) {
  const { locale, query, page } = await read(props);
  const t = labelsFor(locale);
  const [site, trends, outcome] = await Promise.all([
    getSite(locale),
    // Suggestions for an empty result: this page is rendered per request anyway, so they are current.
    fetchSearchTrends(locale).catch(() => []),
    query.trim()
      ? searchArticles({ q: query, locale, page }).catch((): SearchOutcome => ({ ok: false, status: 503, message: t.searchUnavailable }))
      : null,
  ]);
  return (
    <>
      <LanguageSwitcher locale={locale} versions={everyLocale(query ? `/search?${new URLSearchParams({ q: query })}` : '/search')} t={t} />
      <h1>{t.search}</h1>
      <SearchView
        locale={locale}
        words={pickWords(dictionaryFor(locale), SEARCH_WORDS)}
        timeZone={site.timeZone}
        initialQuery={query}
        initialPage={page}
        initial={outcome}
        trends={trends}
      />
    </>
  );
}
