import 'server-only';
import { cmsGet } from './client';
import { articleSummary, listOf } from './schemas';
import type { ArticleSummary, Page } from './types';

/** The fields and relations an article card renders; owned here, never taken from a request. */
export const ARTICLE_SUMMARY_QUERY = {
  fields: ['title', 'slug', 'standfirst', 'format', 'firstPublishedAt', 'lastEditorialUpdateAt', 'publishedAt', 'locale'],
  populate: {
    authors: { fields: ['name', 'slug'] },
    section: { fields: ['name', 'slug'] },
    cover: { fields: ['caption', 'credit', 'alt'], populate: { image: { fields: ['url', 'width', 'height', 'alternativeText'] } } },
  },
} as const;

const LATEST_REVALIDATE_SECONDS = 60;

/** The latest published articles, newest first. */
export async function getLatestArticles({ locale = 'en', page = 1, pageSize = 20 } = {}): Promise<Page<ArticleSummary>> {
  const result = await cmsGet(
    '/articles',
    { ...ARTICLE_SUMMARY_QUERY, locale, sort: ['firstPublishedAt:desc', 'publishedAt:desc'], pagination: { page, pageSize } },
    listOf(articleSummary),
    { tags: ['articles'], revalidate: LATEST_REVALIDATE_SECONDS },
  );
  return result ?? { items: [], page, pageSize, pageCount: 0, total: 0 };
}
