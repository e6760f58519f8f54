import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { searchIndexer } from '.';
import { SEARCH_MAX_PAGE_SIZE, SEARCH_MAX_QUERY_LENGTH, SEARCH_MAX_WORDS, SEARCH_PAGE_SIZE } from '@newsroom/contract';
import { highlight, parseQuery, snippet } from './text';

const SLUG = /^[a-z0-9][a-z0-9-]{0,99}$/;
const WHOLE = /^\d{1,6}$/;

type Query = Record<string, unknown>;

function bad(message: string): never {
  throw new errors.ValidationError(message);
}

function whole(query: Query, key: string, fallback: number, max: number) {
  const value = query[key];
  if (value === undefined) return fallback;
  if (typeof value !== 'string' || !WHOLE.test(value) || Number(value) < 1) bad(`${key} must be a whole number from 1`);
  if (Number(value) > max) bad(`${key} must be at most ${max}`);
  return Number(value);
}

function slug(query: Query, key: string) {
  const value = query[key];
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string' || !SLUG.test(value)) bad(`${key} must be a slug (lower-case letters, digits and hyphens)`);
  return value;
}

/**
 * GET /api/search: published articles matching `q` in one locale, best first, with the matched words
 * highlighted in the title and in a snippet. Every problem with the request is a 400 that says what.
 */
export async function searchArticles(strapi: Core.Strapi, query: Query) {
  const q = query.q;
  if (typeof q !== 'string' || q.trim() === '') bad('q is required: the words to search for');
  if (q.length > SEARCH_MAX_QUERY_LENGTH) bad(`q must be at most ${SEARCH_MAX_QUERY_LENGTH} characters`);
  const clauses = parseQuery(q);
  if (clauses.length === 0) bad('q must contain at least one letter or digit');
  if (clauses.length > SEARCH_MAX_WORDS) bad(`q may have at most ${SEARCH_MAX_WORDS} words or phrases`);

  const page = whole(query, 'page', 1, 10_000);
  const pageSize = whole(query, 'pageSize', SEARCH_PAGE_SIZE, SEARCH_MAX_PAGE_SIZE);
  // The query guard has already refused an unknown locale.
  const locale = typeof query.locale === 'string' ? query.locale : await strapi.plugin('i18n').service('locales').getDefaultLocale();
  const filters = { section: slug(query, 'section'), author: slug(query, 'author'), tag: slug(query, 'tag') };

  const { total, capped, hits } = await searchIndexer(strapi).engine.search({
    clauses,
    locale,
    ...filters,
    offset: (page - 1) * pageSize,
    limit: pageSize,
  });
  const pageCount = Math.ceil(total / pageSize);
  if (page > Math.max(pageCount, 1)) bad(`page ${page} is past the last page (${pageCount})`);

  return {
    data: hits.map((hit) => ({
      documentId: hit.documentId,
      locale: hit.locale,
      slug: hit.slug,
      title: hit.title,
      standfirst: hit.standfirst,
      publishedAt: hit.publishedAt.toISOString(),
      section: hit.section,
      authors: hit.authors,
      highlights: {
        title: highlight(hit.title, clauses),
        snippet: snippet([hit.standfirst, hit.body].filter(Boolean).join(' '), clauses),
      },
    })),
    // `capped`: more articles matched than a search returns (search.maxResults); `total` is then that maximum.
    meta: { query: q, locale, pagination: { page, pageSize, pageCount, total, capped } },
  };
}
