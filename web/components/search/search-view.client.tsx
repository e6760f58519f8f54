'use client';

import { useEffect, useMemo, useRef, useState, type FormEvent, type MouseEvent } from 'react';
import useSWR from 'swr';
import { LOCALE_SETTINGS } from '@newsroom/contract';
import { type Locale, localePath, entryPath } from '@/lib/i18n';
import { compileLabels, type Dictionary } from '@/lib/labels/compile';
import { formatDate } from '@/lib/format';
import { SEARCH_MAX_QUERY_LENGTH, searchHref, type SearchOutcome, type SearchPage, type Trend } from '@/lib/search';
import { Highlighted } from './highlighted';

const TYPING_PAUSE_MS = 250;
// A search counts towards Search Trends once the reader has stopped typing for this long (or pressed Enter).
const SETTLED_MS = 1_500;

async function fetchOutcome(url: string): Promise<SearchOutcome> {
  const response = await fetch(url);
  const body = await response.json().catch(() => null);
  if (response.ok) return { ok: true, page: body as SearchPage }; // checked by the web app's route
  if (response.status === 400) return { ok: false, status: 400, message: String(body?.error ?? '') };
  throw new Error(String(body?.error ?? response.status));
}

function recordSearch(term: string, locale: Locale) {
  void fetch('/api/search-trends', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ term, locale }),
    keepalive: true,
  }).catch(() => undefined);
}

const apiKey = (query: string, page: number, locale: Locale) =>
  query.trim() ? `/api/search?${new URLSearchParams({ q: query, locale, page: String(page) })}` : null;

/**
 * The search page. The server renders the first results (shareable, no JavaScript needed); from then on
 * results follow the reader's typing and paging through the web app's /api/search, and the address bar
 * follows too, so what is on screen can always be shared.
 */
export function SearchView({
  locale,
  words,
  timeZone,
  initialQuery,
  initialPage,
  initial,
  trends,
}: {
  locale: Locale;
  /** SEARCH_WORDS (lib/labels/client-words.ts) of the locale's dictionary. */
  words: Dictionary;
  timeZone: string;
  initialQuery: string;
  initialPage: number;
  initial: SearchOutcome | null;
  trends: Trend[];
}) {
  const t = useMemo(() => compileLabels(words, LOCALE_SETTINGS[locale].intl), [words, locale]);
  const [input, setInput] = useState(initialQuery);
  const [query, setQuery] = useState(initialQuery);
  const [page, setPage] = useState(initialPage);
  const recorded = useRef(new Set<string>());
  const resultsTop = useRef<HTMLParagraphElement>(null);

  const key = apiKey(query, page, locale);
  const initialKey = apiKey(initialQuery, initialPage, locale);
  const { data, error, isValidating } = useSWR(key, fetchOutcome, {
    fallbackData: key === initialKey && initial ? initial : undefined,
    revalidateOnMount: key !== initialKey || !initial,
    revalidateOnFocus: false,
    keepPreviousData: true,
  });

  // Typing: search once the reader pauses.
  useEffect(() => {
    if (input === query) return;
    const timer = setTimeout(() => {
      setQuery(input);
      setPage(1);
    }, TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [input, query]);

  // The address bar shows the current search.
  useEffect(() => {
    const href = query.trim() ? searchHref(locale, query, page) : localePath(locale, '/search');
    if (`${window.location.pathname}${window.location.search}` !== href) window.history.replaceState(null, '', href);
  }, [locale, query, page]);

  // A settled search counts once towards Search Trends.
  useEffect(() => {
    const term = query.trim();
    if (!term || recorded.current.has(term)) return;
    const timer = setTimeout(() => {
      recorded.current.add(term);
      recordSearch(term, locale);
    }, SETTLED_MS);
    return () => clearTimeout(timer);
  }, [locale, query]);

  function submit(event: FormEvent) {
    event.preventDefault();
    setQuery(input);
    setPage(1);
  }

  function goTo(event: MouseEvent, target: number) {
    event.preventDefault();
    setPage(target);
    resultsTop.current?.focus();
  }

  const outcome = query.trim() ? data : undefined;
  const results = outcome?.ok ? outcome.page : null;
  const status = !query.trim()
    ? t.searchPrompt
    : error
      ? t.searchUnavailable
      : !outcome
        ? t.searching
        : !outcome.ok
          ? outcome.message
          : results && results.meta.pagination.total > 0
            ? `${t.searchResults(results.meta.pagination.total, results.meta.query)}${
                results.meta.pagination.pageCount > 1
                  ? ` · ${t.pageOf(results.meta.pagination.page, results.meta.pagination.pageCount)}`
                  : ''
              }`
            : t.searchNone(query.trim());

  return (
    <div className="search">
      <form role="search" className="search__form" action={localePath(locale, '/search')} method="get" onSubmit={submit}>
        <label htmlFor="search-query">{t.searchLabel}</label>
        <div className="search__row">
          <input
            id="search-query"
            type="search"
            name="q"
            value={input}
            maxLength={SEARCH_MAX_QUERY_LENGTH}
            autoComplete="off"
            onChange={(event) => setInput(event.target.value)}
          />
          <button type="submit">{t.search}</button>
        </div>
      </form>

      <p className="search__status" role="status" aria-live="polite" tabIndex={-1} ref={resultsTop}>
        {status}
      </p>

      {results && results.data.length > 0 && (
        <ol className="results" aria-busy={isValidating}>
          {results.data.map((hit) => (
            <li key={hit.documentId} className="result">
              {hit.section && <span className="kicker">{hit.section.name}</span>}
              <h2 className="result__title">
                <a href={entryPath('article', hit.slug, locale)}>
                  <Highlighted segments={hit.highlights.title} />
                </a>
              </h2>
              <p className="result__snippet">
                <Highlighted segments={hit.highlights.snippet} />
              </p>
              <p className="meta">
                {hit.authors.map((a) => a.name).join(', ')} ·{' '}
                <time dateTime={hit.publishedAt}>{formatDate(new Date(hit.publishedAt), timeZone, locale)}</time>
              </p>
            </li>
          ))}
        </ol>
      )}

      {results && results.meta.pagination.pageCount > 1 && (
        <nav className="pagination" aria-label={t.pageOf(results.meta.pagination.page, results.meta.pagination.pageCount)}>
          {results.meta.pagination.page > 1 && (
            <a href={searchHref(locale, query, page - 1)} rel="prev" onClick={(event) => goTo(event, page - 1)}>
              {t.previous}
            </a>
          )}
          {results.meta.pagination.page < results.meta.pagination.pageCount && (
            <a href={searchHref(locale, query, page + 1)} rel="next" onClick={(event) => goTo(event, page + 1)}>
              {t.next}
            </a>
          )}
        </nav>
      )}

      {query.trim() && outcome && (!results || results.meta.pagination.total === 0) && trends.length > 0 && (
        <div className="search__suggestions">
          <p>{t.tryTrending}</p>
          <ul>
            {trends.map(({ term }) => (
              <li key={term}>
                <a href={searchHref(locale, term)}>{term}</a>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
