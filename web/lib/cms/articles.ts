import 'server-only';
import { z } from 'zod';
import { cmsGet } from './client';
import { ARTICLE, ARTICLE_SUMMARY, NEWEST_FIRST, isSlug } from './queries';
import { article, articleSummary, correctedArticle, itemsOf, listOf } from './schemas';
import { FALLBACK_REVALIDATE_SECONDS, tags } from './tags';
import type { Article, ArticleSummary, Page, PublishedCorrection, Slice } from './types';

const cache = (...t: string[]) => ({ tags: t, revalidate: FALLBACK_REVALIDATE_SECONDS });

/** One published article by its slug in a locale, or null. */
export async function getArticle(locale: string, slug: string): Promise<Article | null> {
  if (!isSlug(slug)) return null;
  const result = await cmsGet(
    '/articles',
    { ...ARTICLE, locale, filters: { slug: { $eq: slug } }, pagination: { page: 1, pageSize: 1, withCount: false } },
    itemsOf(article),
    cache(tags.article(locale, slug), tags.sectionNames, tags.tagNames, tags.editorsNotes),
  );
  return result?.[0] ?? null;
}

type ListOptions = { locale: string; page?: number; pageSize?: number };

/**
 * One page of a newest-first list, uncounted: one article more than the page is asked for, to know whether
 * another page follows. (A count reads every matching article: 2-4 times slower at 100,000, bench/cms-api.mjs.)
 */
async function listArticles(
  filters: object,
  cacheTags: string[],
  { locale, page = 1, pageSize = 20 }: ListOptions,
): Promise<Slice<ArticleSummary>> {
  const result = await cmsGet(
    '/articles',
    {
      ...ARTICLE_SUMMARY,
      locale,
      filters,
      sort: NEWEST_FIRST,
      pagination: { start: (page - 1) * pageSize, limit: pageSize + 1, withCount: false },
    },
    itemsOf(articleSummary),
    cache(...cacheTags, tags.sectionNames),
  );
  const items = result ?? [];
  return { items: items.slice(0, pageSize), page, hasMore: items.length > pageSize };
}

/** The first `pageSize` of a newest-first list, without counting the rest (see `itemsOf`). */
async function newestArticles(
  filters: object,
  cacheTags: string[],
  { locale, pageSize = 20 }: Omit<ListOptions, 'page'>,
): Promise<ArticleSummary[]> {
  const result = await cmsGet(
    '/articles',
    { ...ARTICLE_SUMMARY, locale, filters, sort: NEWEST_FIRST, pagination: { page: 1, pageSize, withCount: false } },
    itemsOf(articleSummary),
    cache(...cacheTags, tags.sectionNames),
  );
  return result ?? [];
}

/** The latest published articles, newest first (home, site-wide feeds). */
export function getLatestArticles(options: Omit<ListOptions, 'page'>) {
  return newestArticles({}, [tags.latestArticles], options);
}

/** Every published article, a page at a time, with the count (the sitemaps need it to name their files). */
export async function getArticlePage({ locale, page = 1, pageSize = 20 }: ListOptions): Promise<Page<ArticleSummary>> {
  const result = await cmsGet(
    '/articles',
    { ...ARTICLE_SUMMARY, locale, sort: NEWEST_FIRST, pagination: { page, pageSize } },
    listOf(articleSummary),
    cache(tags.latestArticles, tags.sectionNames),
  );
  return result ?? { items: [], page, pageSize, pageCount: 0, total: 0 };
}

/** Articles published since `since`, newest first (the news sitemap). */
export function getArticlesSince(since: Date, options: Omit<ListOptions, 'page'>) {
  return newestArticles({ firstPublishedAt: { $gte: since.toISOString() } }, [tags.latestArticles], options);
}

/** Whose articles: one section, tag, author or series, by document id. */
export type ArticleScope = { kind: 'section' | 'tag' | 'author' | 'series'; id: string };
const SCOPE_RELATION = { section: 'section', tag: 'tags', author: 'authors', series: 'series' } as const;
const scopeFilters = ({ kind, id }: ArticleScope) => ({ [SCOPE_RELATION[kind]]: { documentId: { $eq: id } } });
const scopeTags = ({ kind, id }: ArticleScope) => [tags.entry(kind, id)];

/** One page of a section's, tag's or author's listing, newest first. */
export function getListingPage(scope: ArticleScope, options: ListOptions) {
  return listArticles(scopeFilters(scope), scopeTags(scope), options);
}

/** The newest articles of one section, author or series (its feed, the series page). */
export function getNewestArticlesOf(scope: ArticleScope, options: Omit<ListOptions, 'page'>) {
  return newestArticles(scopeFilters(scope), scopeTags(scope), options);
}

/**
 * The latest public corrections, newest first: from the most recently republished articles that carry
 * corrections (a correction is published with its article).
 */
export async function getRecentCorrections(locale: string, limit = 30): Promise<PublishedCorrection[]> {
  const result = await cmsGet(
    '/articles',
    {
      locale,
      fields: ['title', 'slug'],
      populate: { corrections: { fields: ['date', 'text'] } },
      filters: { corrections: { id: { $notNull: true } } },
      sort: ['updatedAt:desc'],
      pagination: { page: 1, pageSize: limit, withCount: false },
    },
    itemsOf(correctedArticle),
    cache(tags.latestArticles),
  );
  return (result ?? [])
    .flat()
    .sort((a, b) => b.date.getTime() - a.date.getTime())
    .slice(0, limit);
}

/**
 * Where a former slug of an article points now: the article's current slug, or null. Redirects name the
 * document, not the next slug, so a chain of renames resolves in one hop.
 */
export async function getArticleRedirect(locale: string, slug: string): Promise<string | null> {
  if (!isSlug(slug)) return null;
  const cacheTags = cache(tags.article(locale, slug), tags.latestArticles);
  const redirect = await cmsGet(
    '/slug-redirects',
    {
      fields: ['targetDocumentId'],
      filters: { slug: { $eq: slug }, language: { $eq: locale } },
      pagination: { page: 1, pageSize: 1, withCount: false },
    },
    itemsOf(z.object({ targetDocumentId: z.string() })),
    cacheTags,
  );
  const target = redirect?.[0]?.targetDocumentId;
  if (!target) return null;
  const current = await cmsGet(
    '/articles',
    { locale, fields: ['slug'], filters: { documentId: { $eq: target } }, pagination: { page: 1, pageSize: 1, withCount: false } },
    itemsOf(z.object({ slug: z.string() })),
    cacheTags,
  );
  const next = current?.[0]?.slug;
  return next && next !== slug ? next : null;
}
