import { z } from 'zod';
import { isLocale } from '@newsroom/contract';
import type { BlocksContent } from '@strapi/blocks-react-renderer';
import type {
  Article,
  ArticleSummary,
  AuthorProfile,
  BodyPart,
  EditorsNote,
  Figure,
  Image,
  LegalPage,
  Page,
  Provenance,
  PublishedCorrection,
  Ref,
  Series,
  Seo,
  Site,
  Taxonomy,
  Translation,
  WithheldFigure,
} from './types';

// What Strapi's REST API returns, validated once here and turned into the app's own types.

const datetime = z.iso.datetime({ offset: true });

// An entry's versions in the other locales (its `localizations`), those the site serves.
const translations = z
  .array(z.object({ slug: z.string(), locale: z.string() }))
  .optional()
  .transform((list) => (list ?? []).filter((t): t is Translation => isLocale(t.locale)));

const media = z
  .object({
    url: z.string(),
    width: z.number().nullable(),
    height: z.number().nullable(),
    alternativeText: z.string().nullable().optional(),
  })
  .transform((m): Image => ({ src: m.url, width: m.width ?? 1600, height: m.height ?? 900, alt: m.alternativeText ?? '' }));

const figureFields = { image: media.nullable(), caption: z.string().nullable(), credit: z.string().nullable(), alt: z.string() };
type FigureInput = { [K in keyof typeof figureFields]: z.output<(typeof figureFields)[K]> };

/** A figure as the site shows it: the image with the figure's own alt text, caption and credit; none without an image. */
const toFigure = (f: FigureInput): Figure | null => f.image && { ...f.image, alt: f.alt, caption: f.caption ?? '', credit: f.credit ?? '' };

const figure = z.object(figureFields).transform(toFigure);

/**
 * Where a figure is part of the story (an article's cover and body), a picture the CMS no longer publishes
 * (its licence ended: the API sends no image) leaves its caption and credit, shown on a placeholder.
 */
const toFigureOrWithheld = (f: FigureInput): Figure | WithheldFigure =>
  toFigure(f) ?? { withheld: true, alt: f.alt, caption: f.caption ?? '', credit: f.credit ?? '' };
const storyFigure = z.object(figureFields).transform(toFigureOrWithheld);

// Rich text is rendered by @strapi/blocks-react-renderer, which owns the block format; we check the envelope.
const blocks = z.array(z.looseObject({ type: z.string() })).transform((b) => b as unknown as BlocksContent);

const ref = z
  .object({ documentId: z.string(), slug: z.string(), name: z.string() })
  .transform((r): Ref => ({ id: r.documentId, slug: r.slug, name: r.name }));
const titled = z
  .object({ documentId: z.string(), slug: z.string(), title: z.string() })
  .transform((r): Ref => ({ id: r.documentId, slug: r.slug, name: r.title }));

const editorsNote = z.object({ label: z.string(), body: blocks }).transform((n): EditorsNote => ({ label: n.label, blocks: n.body }));

const seo = z
  .object({
    metaTitle: z.string().nullable(),
    metaDescription: z.string().nullable(),
    shareImage: media.nullable().optional(),
    canonicalUrl: z.string().nullable(),
    noindex: z.boolean().nullable(),
  })
  .transform(
    (s): Seo => ({
      title: s.metaTitle,
      description: s.metaDescription,
      image: s.shareImage ?? null,
      canonical: s.canonicalUrl,
      noindex: !!s.noindex,
    }),
  );

const summaryFields = {
  documentId: z.string(),
  slug: z.string(),
  title: z.string(),
  standfirst: z.string().nullable(),
  format: z.enum(['news', 'analysis', 'commentary']),
  firstPublishedAt: datetime.nullable(),
  lastEditorialUpdateAt: datetime.nullable(),
  // Null on a draft never published (seen in preview), which then shows as if published now.
  publishedAt: datetime.nullable(),
  locale: z.string(),
  authors: z.array(ref),
  section: ref.nullable(),
  cover: figure.nullable(),
  localizations: translations,
};

type SummaryInput = { [K in keyof typeof summaryFields]: z.output<(typeof summaryFields)[K]> };

function toSummary(a: SummaryInput): ArticleSummary {
  return {
    id: a.documentId,
    slug: a.slug,
    locale: a.locale,
    title: a.title,
    standfirst: a.standfirst ?? '',
    format: a.format,
    firstPublished: new Date(a.firstPublishedAt ?? a.publishedAt ?? Date.now()),
    updated: new Date(a.lastEditorialUpdateAt ?? a.firstPublishedAt ?? a.publishedAt ?? Date.now()),
    authors: a.authors,
    section: a.section,
    cover: a.cover ?? null,
    translations: a.localizations,
  };
}

export const articleSummary = z.object(summaryFields).transform(toSummary);

const bodyPart = z
  .discriminatedUnion('__component', [
    z.object({ __component: z.literal('content.rich-text'), body: blocks }),
    z.object({ __component: z.literal('media.figure'), ...figureFields }),
  ])
  .transform((part): BodyPart | null => {
    if (part.__component === 'content.rich-text') return { kind: 'text', blocks: part.body };
    return { kind: 'figure', figure: toFigureOrWithheld(part) };
  });

/** An original has no provenance; a translation says how it was made (the CMS's translation fields). */
const provenanceFields = {
  translationOrigin: z.enum(['human', 'machine', 'machine-reviewed']).nullable().optional(),
  translatedFrom: z.string().nullable().optional(),
  translationProvider: z.string().nullable().optional(),
  translationStale: z.boolean().nullable().optional(),
};
function toProvenance(a: { [K in keyof typeof provenanceFields]?: z.output<(typeof provenanceFields)[K]> }): Provenance | null {
  if (!a.translatedFrom && !a.translationOrigin) return null;
  return {
    origin: a.translationOrigin ?? 'human',
    from: isLocale(a.translatedFrom) ? a.translatedFrom : null,
    provider: a.translationProvider ?? null,
    stale: a.translationStale === true,
  };
}

export const article = z
  .object({
    ...summaryFields,
    ...provenanceFields,
    cover: storyFigure.nullable(),
    partNumber: z.number().nullable(),
    body: z.array(bodyPart).nullable(),
    tags: z.array(ref),
    series: titled.nullable(),
    editorsNote: editorsNote.nullable(),
    corrections: z.array(z.object({ date: datetime, text: z.string() })).nullable(),
    seo: seo.nullable(),
  })
  .transform(
    (a): Article => ({
      ...toSummary({ ...a, cover: a.cover && 'withheld' in a.cover ? null : a.cover }),
      coverWithheld: a.cover && 'withheld' in a.cover ? a.cover : null,
      partNumber: a.partNumber,
      provenance: toProvenance(a),
      body: (a.body ?? []).filter((part): part is BodyPart => part !== null),
      tags: a.tags,
      series: a.series,
      editorsNote: a.editorsNote,
      corrections: (a.corrections ?? [])
        .map((c) => ({ date: new Date(c.date), text: c.text }))
        .sort((x, y) => x.date.getTime() - y.date.getTime()),
      seo: a.seo,
    }),
  );

export const correctedArticle = z
  .object({
    slug: z.string(),
    title: z.string(),
    corrections: z.array(z.object({ date: datetime, text: z.string() })).nullable(),
  })
  .transform((a): PublishedCorrection[] =>
    (a.corrections ?? []).map((c) => ({ date: new Date(c.date), text: c.text, article: { slug: a.slug, title: a.title } })),
  );

export const authorProfile = z
  .object({
    documentId: z.string(),
    slug: z.string(),
    name: z.string(),
    role: z.string().nullable(),
    bio: z.string().nullable(),
    avatar: media.nullable(),
    links: z.array(z.object({ label: z.string(), url: z.string() })).nullable(),
    localizations: translations,
  })
  .transform(
    (a): AuthorProfile => ({
      id: a.documentId,
      slug: a.slug,
      name: a.name,
      role: a.role ?? '',
      bio: a.bio ?? '',
      avatar: a.avatar ? { ...a.avatar, alt: a.avatar.alt || `Portrait of ${a.name}` } : null,
      links: a.links ?? [],
      translations: a.localizations,
    }),
  );

export const series = z
  .object({
    documentId: z.string(),
    slug: z.string(),
    title: z.string(),
    description: z.string().nullable(),
    cover: figure.nullable(),
    editorsNote: editorsNote.nullable(),
    parts: z.array(z.object({ documentId: z.string(), slug: z.string(), title: z.string(), partNumber: z.number().nullable() })),
    localizations: translations,
  })
  .transform(
    (s): Series => ({
      id: s.documentId,
      slug: s.slug,
      name: s.title,
      description: s.description ?? '',
      cover: s.cover ?? null,
      editorsNote: s.editorsNote,
      parts: s.parts
        .map((p) => ({ id: p.documentId, slug: p.slug, title: p.title, partNumber: p.partNumber }))
        .sort((a, b) => (a.partNumber ?? Infinity) - (b.partNumber ?? Infinity)),
      translations: s.localizations,
    }),
  );

export const taxonomy = z
  .object({ documentId: z.string(), slug: z.string(), name: z.string(), description: z.string().nullable(), localizations: translations })
  .transform(
    (t): Taxonomy => ({ id: t.documentId, slug: t.slug, name: t.name, description: t.description ?? '', translations: t.localizations }),
  );

export const legalPage = z
  .object({
    documentId: z.string(),
    slug: z.string(),
    title: z.string(),
    body: blocks,
    revisionDate: z.iso.date(),
    seo: seo.nullable(),
    localizations: translations,
  })
  .transform(
    (p): LegalPage => ({
      id: p.documentId,
      slug: p.slug,
      title: p.title,
      blocks: p.body,
      revisionDate: p.revisionDate,
      seo: p.seo,
      translations: p.localizations,
    }),
  );

export const site = z
  .object({
    name: z.string(),
    description: z.string().nullable(),
    timeZone: z.string(),
    navigation: z.array(z.object({ label: z.string(), url: z.string() })).nullable(),
    logo: media.nullable(),
    defaultShareImage: media.nullable(),
  })
  .transform(
    (s): Site => ({
      name: s.name,
      description: s.description ?? '',
      timeZone: s.timeZone,
      navigation: s.navigation ?? [],
      logo: s.logo,
      defaultShareImage: s.defaultShareImage,
    }),
  );

export const pagination = z.object({ page: z.number(), pageSize: z.number(), pageCount: z.number(), total: z.number() });

/** A Strapi list response: `{ data: [...], meta: { pagination } }`. */
export function listOf<T extends z.ZodType>(item: T) {
  return z
    .object({ data: z.array(item), meta: z.object({ pagination }) })
    .transform((list): Page<z.output<T>> => ({ items: list.data, ...list.meta.pagination }));
}

/**
 * A Strapi list asked for without its count (`pagination[withCount]=false`): just the items. Counting
 * every match costs a scan of the whole table at 100,000 articles; only paginated listings need it.
 */
export function itemsOf<T extends z.ZodType>(item: T) {
  return z.object({ data: z.array(item) }).transform((list): z.output<T>[] => list.data);
}

/** A Strapi single-entry response: `{ data: {...} }`. */
export function one<T extends z.ZodType>(item: T) {
  return z.object({ data: item }).transform((response) => (response as { data: z.output<T> }).data);
}
