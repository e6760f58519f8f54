import { z } from 'zod';
import { CONTENT_TYPES } from './content-types';

// The shapes one app sends and the other reads, as zod schemas: the CMS's tests check what it sends, the
// web app validates what it receives. (A separate entry point, so code bound for browsers never loads zod.)

const segment = z.object({ text: z.string(), hit: z.boolean().optional() });
const label = z.object({ slug: z.string(), name: z.string() });

/** GET /api/search: one page of results, each with its highlighted title and snippet. */
export const searchPage = z.object({
  data: z.array(
    z.object({
      documentId: z.string(),
      locale: z.string(),
      slug: z.string(),
      title: z.string(),
      standfirst: z.string().nullable(),
      publishedAt: z.string(),
      section: label.nullable(),
      authors: z.array(label),
      highlights: z.object({ title: z.array(segment), snippet: z.array(segment) }),
    }),
  ),
  meta: z.object({
    query: z.string(),
    locale: z.string(),
    pagination: z.object({ page: z.number(), pageSize: z.number(), pageCount: z.number(), total: z.number(), capped: z.boolean() }),
  }),
});

/** GET /api/search-trends: what readers search for now, pinned terms first. */
export const trendList = z.object({ data: z.array(z.object({ term: z.string(), pinned: z.boolean() })) });

/**
 * What readers could see of one entry in one locale: its address and, for an article, the lists it was
 * on. `version` changes whenever the public copy does (a republish with the same slug and lists too).
 */
export const publicState = z.object({
  version: z.string(),
  slug: z.string().nullable(),
  section: z.string().nullable().optional(),
  series: z.string().nullable().optional(),
  authors: z.array(z.string()).optional(),
  tags: z.array(z.string()).optional(),
  /** A translation whose original has been published anew since (its page says so). */
  stale: z.boolean().optional(),
  /** The files (/uploads/<name>) of its pictures no longer served because their licence ended. */
  picturesWithheld: z.array(z.string()).optional(),
});

// Rich text in Strapi's blocks format (the renderer owns the details; the envelope is checked).
const blocks = z.array(z.looseObject({ type: z.string() }));
const figureText = z.object({ caption: z.string().nullable(), alt: z.string().nullable() });
const provider = z.object({ id: z.string(), name: z.string() });

/** GET /api/machine-translation/languages?locale=en: what readers may have an article of that locale translated into. */
export const translationLanguages = z.object({
  data: z.array(z.string()),
  meta: z.object({ locale: z.string(), provider: provider.nullable() }),
});

/**
 * GET /api/machine-translation/articles/:documentId?locale=en&to=es: the words of the published version
 * in another language, in the article's REST shape (body parts and figures in their order), and who
 * translated which version. Names, credits, links' addresses, slugs and pictures are the original's.
 */
export const articleTranslation = z.object({
  data: z.object({
    title: z.string(),
    standfirst: z.string().nullable(),
    body: z.array(
      z.discriminatedUnion('__component', [
        z.object({ __component: z.literal('content.rich-text'), body: blocks.nullable() }),
        z.object({ __component: z.literal('media.figure'), ...figureText.shape }),
      ]),
    ),
    cover: figureText.nullable(),
    gallery: z.array(figureText),
    editorsNote: z.object({ label: z.string(), body: blocks.nullable() }).nullable(),
    corrections: z.array(z.object({ text: z.string() })),
  }),
  meta: z.object({
    documentId: z.string(),
    locale: z.string(),
    /** The version of the original translated: its publish time. */
    version: z.string(),
    language: z.string(),
    provider,
    translatedAt: z.string(),
  }),
});

export const CHANGE_EVENTS = ['entry.create', 'entry.update', 'entry.publish', 'entry.unpublish', 'entry.delete'] as const;

/**
 * POST /api/revalidate: the CMS says what changed, before and after, so the site computes what to refresh
 * from the event alone (never from its own cache, which may be stale, cold or on another node). `before`
 * is null when nothing was public, `after` when nothing is any more. Only changes readers can see are sent.
 */
export const siteChange = z.object({
  event: z.enum(CHANGE_EVENTS),
  uid: z.enum(Object.values(CONTENT_TYPES).map((type) => type.uid) as [string, ...string[]]),
  documentId: z.string().min(1),
  locale: z.string().nullable(),
  before: publicState.nullable(),
  after: publicState.nullable(),
  createdAt: z.string().optional(),
});

export type SearchPage = z.infer<typeof searchPage>;
export type SearchHit = SearchPage['data'][number];
export type Segment = z.infer<typeof segment>;
export type Trend = z.infer<typeof trendList>['data'][number];
export type PublicState = z.infer<typeof publicState>;
export type SiteChange = z.infer<typeof siteChange>;
export type TranslationLanguages = z.infer<typeof translationLanguages>;
export type ArticleTranslation = z.infer<typeof articleTranslation>;
