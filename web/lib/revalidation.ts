import { createHash, timingSafeEqual } from 'crypto';
import { z } from 'zod';
import { tags } from './cms/tags';

// What a Strapi webhook says changed, and which cache tags that makes stale. Pure: the route does the I/O.

export const SECRET_HEADER = 'x-revalidate-secret';

/** Compares a presented secret with the expected one in constant time (hashing first equalises lengths). */
export function secretMatches(presented: string | null, expected: string): boolean {
  if (!presented || !expected) return false;
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(presented), digest(expected));
}

// Relations arrive populated on publish ([{ documentId }] or { documentId }) but only counted on unpublish
// ({ count: 1 }): anything but a populated relation means "not known" (undefined).
const isRef = (value: unknown): value is { documentId: string } =>
  typeof value === 'object' && value !== null && typeof (value as { documentId?: unknown }).documentId === 'string';
const manyRefs = z.unknown().transform((v) => (Array.isArray(v) && v.every(isRef) ? v.map((r) => r.documentId) : undefined));
const oneRef = z.unknown().transform((v) => (v === null ? null : isRef(v) ? v.documentId : undefined));

const entry = z.looseObject({
  documentId: z.string().optional(),
  slug: z.string().optional(),
  locale: z.string().nullable().optional(),
  publishedAt: z.string().nullable().optional(),
  updatedAt: z.string().nullable().optional(),
  authors: manyRefs.optional(),
  tags: manyRefs.optional(),
  section: oneRef.optional(),
  series: oneRef.optional(),
});

export const webhookEvent = z.object({
  event: z.enum(['entry.create', 'entry.update', 'entry.delete', 'entry.publish', 'entry.unpublish']),
  uid: z.string().min(1),
  model: z.string().optional(),
  createdAt: z.string().optional(),
  // Strapi 5 sends `"entry": null` with some publish events.
  entry: entry.nullable(),
});
export type WebhookEvent = z.infer<typeof webhookEvent>;

/** Where an article was listed: its series, authors, section and tags. */
export type ArticleRelations = { series?: string | null; section?: string | null; authors?: string[]; tags?: string[] };

function relationsOf(e: z.infer<typeof entry>): ArticleRelations | null {
  const known = { series: e.series, section: e.section, authors: e.authors, tags: e.tags };
  return Object.values(known).every((value) => value === undefined) ? null : known;
}

function relationTags(r: ArticleRelations): string[] {
  return [
    ...(r.series ? [tags.entry('series', r.series)] : []),
    ...(r.section ? [tags.entry('section', r.section)] : []),
    ...(r.authors ?? []).map((a) => tags.entry('author', a)),
    ...(r.tags ?? []).map((t) => tags.entry('tag', t)),
  ];
}

const DEFAULT_LOCALE = 'en';

/**
 * The tags an event makes stale. `previous` is what the web app last showed of an article (from its own
 * cache), so lists it has left are refreshed too. A save that only touches a draft refreshes nothing.
 */
export function tagsForEvent(event: WebhookEvent, previous: ArticleRelations | null = null): string[] {
  // An editor pinned or blocked a term (rules have no drafts): a blocked term must leave the boxes pages render too.
  if (event.uid === 'api::trend-rule.trend-rule') return [tags.searchTrends];
  // An article's former slug now redirects (or no longer does): the page cached at that address changes.
  if (event.uid === 'api::slug-redirect.slug-redirect') {
    const { slug, language } = (event.entry ?? {}) as { slug?: unknown; language?: unknown };
    return typeof slug === 'string' && typeof language === 'string' ? [tags.article(language, slug)] : [tags.anyArticleList];
  }
  const e = event.entry;
  const draftOnly = (event.event === 'entry.create' || event.event === 'entry.update') && (!e || !e.publishedAt);
  if (draftOnly) return [];

  const locale = e?.locale ?? DEFAULT_LOCALE;
  const found = new Set<string>();
  const add = (...values: string[]) => values.forEach((value) => found.add(value));
  const own = (kind: 'author' | 'series' | 'section' | 'tag' | 'page') => {
    if (e?.documentId) add(tags.entry(kind, e.documentId));
    if (e?.slug) add(tags.entrySlug(kind, locale, e.slug));
  };

  switch (event.uid) {
    case 'api::article.article': {
      add(tags.articleLists);
      if (e?.slug) add(tags.article(locale, e.slug));
      const current = e ? relationsOf(e) : null;
      if (current) add(...relationTags(current));
      if (previous) add(...relationTags(previous));
      // An unpublished or deleted article arrives without its relations: without a remembered copy,
      // every list that might have shown it is refreshed.
      if (!current && !previous) add(tags.anyArticleList);
      break;
    }
    case 'api::author.author':
      own('author');
      break;
    case 'api::series.series':
      own('series');
      add(tags.seriesLists);
      break;
    case 'api::section.section':
      own('section');
      add(tags.sectionNames);
      break;
    case 'api::tag.tag':
      own('tag');
      add(tags.tagNames);
      break;
    case 'api::page.page':
      own('page');
      break;
    case 'api::editors-note.editors-note':
      add(tags.editorsNotes);
      break;
    case 'api::site.site':
      add(tags.site);
      break;

    default:
      // Media library, admin and plugin events do not change what readers see by themselves.
      break;
  }
  return [...found].sort();
}

/**
 * Strapi 5 stores a draft and a published row per document and may announce one change twice. Two
 * events for the same document, locale and version within a few seconds are one change.
 */
export function createDeduplicator(windowMs = 5_000, now: () => number = Date.now) {
  const seen = new Map<string, number>();
  return (event: WebhookEvent): boolean => {
    const e = event.entry;
    if (!e?.documentId) return false;
    const key = [event.event, event.uid, e.documentId, e.locale ?? '', e.publishedAt ?? '', e.updatedAt ?? ''].join('|');
    const t = now();
    for (const [k, at] of seen) if (t - at > windowMs) seen.delete(k);
    if (seen.has(key)) return true;
    seen.set(key, t);
    return false;
  };
}
