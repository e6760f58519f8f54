import 'server-only';
import { cmsGet } from './client';
import { ARTICLE, ARTICLE_SUMMARY, NEWEST_FIRST } from './queries';
import { article, articleSummary, listOf } from './schemas';
import { FALLBACK_REVALIDATE_SECONDS, tags } from './tags';
import type { Article, ArticleSummary, Page } from './types';

const cache = (...t: string[]) => ({ tags: t, revalidate: FALLBACK_REVALIDATE_SECONDS });
const emptyPage = <T>(page: number, pageSize: number): Page<T> => ({ items: [], page, pageSize, pageCount: 0, total: 0 });

/** One published article by its slug in a locale, or null. */
export async function getArticle(locale: string, slug: string): Promise<Article | null> {
  const result = await cmsGet(
    '/articles',
    { ...ARTICLE, locale, filters: { slug: { $eq: slug } }, pagination: { page: 1, pageSize: 1 } },
    listOf(article),
    cache(tags.article(locale, slug), tags.sectionNames, tags.tagNames, tags.editorsNotes),
  );
  return result?.items[0] ?? null;
}

type ListOptions = { locale: string; page?: number; pageSize?: number };

async function listArticles(
  filters: object,
  cacheTags: string[],
  { locale, page = 1, pageSize = 20 }: ListOptions,
): Promise<Page<ArticleSummary>> {
  const result = await cmsGet(
    '/articles',
    { ...ARTICLE_SUMMARY, locale, filters, sort: NEWEST_FIRST, pagination: { page, pageSize } },
    listOf(articleSummary),
    cache(...cacheTags, tags.sectionNames),
  );
  return result ?? emptyPage(page, pageSize);
}

/** The latest published articles, newest first (home, site-wide feeds). */
export function getLatestArticles(options: ListOptions) {
  return listArticles({}, [tags.articleLists], options);
}

/** Articles published since `since`, newest first (the news sitemap). */
export function getArticlesSince(since: Date, options: ListOptions) {
  return listArticles({ firstPublishedAt: { $gte: since.toISOString() } }, [tags.articleLists], options);
}

export function getSectionArticles(sectionId: string, options: ListOptions) {
  return listArticles({ section: { documentId: { $eq: sectionId } } }, [tags.entry('section', sectionId), tags.anyArticleList], options);
}

export function getTagArticles(tagId: string, options: ListOptions) {
  return listArticles({ tags: { documentId: { $eq: tagId } } }, [tags.entry('tag', tagId), tags.anyArticleList], options);
}

export function getAuthorArticles(authorId: string, options: ListOptions) {
  return listArticles({ authors: { documentId: { $eq: authorId } } }, [tags.entry('author', authorId), tags.anyArticleList], options);
}

export function getSeriesArticles(seriesId: string, options: ListOptions) {
  return listArticles({ series: { documentId: { $eq: seriesId } } }, [tags.entry('series', seriesId), tags.anyArticleList], options);
}
