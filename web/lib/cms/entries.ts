import 'server-only';
import { z } from 'zod';
import { cmsGet } from './client';
import { AUTHOR, LEGAL_PAGE, SERIES, SITE, TAXONOMY, isSlug } from './queries';
import { authorProfile, legalPage, listOf, one, series, site, taxonomy } from './schemas';
import { FALLBACK_REVALIDATE_SECONDS, tags } from './tags';
import type { AuthorProfile, LegalPage, Series, Site, Taxonomy } from './types';
import { DEFAULT_LOCALE } from '../i18n';

const cache = (...t: string[]) => ({ tags: t, revalidate: FALLBACK_REVALIDATE_SECONDS });

async function bySlug<S extends z.ZodType>(path: string, query: object, schema: S, locale: string, slug: string, cacheTags: string[]) {
  if (!isSlug(slug)) return null;
  const result = await cmsGet(
    path,
    { ...query, locale, filters: { slug: { $eq: slug } }, pagination: { page: 1, pageSize: 1 } },
    listOf(schema),
    cache(...cacheTags),
  );
  return (result?.items[0] ?? null) as z.output<S> | null;
}

export function getAuthor(locale: string, slug: string): Promise<AuthorProfile | null> {
  return bySlug('/authors', AUTHOR, authorProfile, locale, slug, [tags.entrySlug('author', locale, slug)]);
}

/** Authors by id, in the order asked (an article's byline order). */
export async function getAuthorsById(locale: string, ids: string[]): Promise<AuthorProfile[]> {
  if (ids.length === 0) return [];
  const result = await cmsGet(
    '/authors',
    { ...AUTHOR, locale, filters: { documentId: { $in: ids } }, pagination: { page: 1, pageSize: ids.length } },
    listOf(authorProfile),
    cache(...ids.map((id) => tags.entry('author', id))),
  );
  const found = new Map((result?.items ?? []).map((author) => [author.id, author]));
  return ids.map((id) => found.get(id)).filter((author): author is AuthorProfile => !!author);
}

export function getSeries(locale: string, slug: string): Promise<Series | null> {
  return bySlug('/series-list', SERIES, series, locale, slug, [tags.entrySlug('series', locale, slug), tags.editorsNotes]);
}

/** A series by id with its parts in order: what an article's "Read more" and kicker show. */
export async function getSeriesById(locale: string, id: string): Promise<Series | null> {
  return cmsGet(
    `/series-list/${encodeURIComponent(id)}`,
    { ...SERIES, locale },
    one(series),
    cache(tags.entry('series', id), tags.editorsNotes),
  );
}

export async function getAllSeries(locale: string): Promise<Series[]> {
  const result = await cmsGet(
    '/series-list',
    { ...SERIES, locale, sort: ['updatedAt:desc'], pagination: { page: 1, pageSize: 20 } },
    listOf(series),
    cache(tags.seriesLists, tags.editorsNotes),
  );
  return result?.items ?? [];
}

export function getSection(locale: string, slug: string): Promise<Taxonomy | null> {
  return bySlug('/sections', TAXONOMY, taxonomy, locale, slug, [tags.entrySlug('section', locale, slug), tags.sectionNames]);
}

export function getTag(locale: string, slug: string): Promise<Taxonomy | null> {
  return bySlug('/tags', TAXONOMY, taxonomy, locale, slug, [tags.entrySlug('tag', locale, slug), tags.tagNames]);
}

export function getLegalPage(locale: string, slug: string): Promise<LegalPage | null> {
  return bySlug('/pages', LEGAL_PAGE, legalPage, locale, slug, [tags.entrySlug('page', locale, slug)]);
}

/** The cookie policy's revision date (in the locale, else the default locale's): older consent is asked again. */
export async function getCookiePolicyRevision(locale: string): Promise<string | null> {
  const page =
    (await getLegalPage(locale, 'cookie-policy')) ??
    (locale === DEFAULT_LOCALE ? null : await getLegalPage(DEFAULT_LOCALE, 'cookie-policy'));
  return page?.revisionDate ?? null;
}

const FALLBACK_SITE: Site = {
  name: 'The Tidewater Ledger',
  description: '',
  timeZone: 'Europe/London',
  navigation: [],
  logo: null,
  defaultShareImage: null,
};

/** The site settings in a locale, else in the default locale, else safe defaults. */
export async function getSite(locale: string): Promise<Site> {
  const found = await cmsGet('/site', { ...SITE, locale }, one(site), cache(tags.site));
  if (found) return found;
  if (locale !== DEFAULT_LOCALE) return getSite(DEFAULT_LOCALE);
  return FALLBACK_SITE;
}
