import { z } from 'zod';
import type { ArticleSummary, Figure, Page } from './types';

// What Strapi's REST API returns, validated once here and turned into the app's own types.

const media = z.object({
  url: z.string(),
  width: z.number().nullable(),
  height: z.number().nullable(),
  alternativeText: z.string().nullable().optional(),
});

const figure = z
  .object({ image: media.nullable(), caption: z.string().nullable(), credit: z.string().nullable(), alt: z.string() })
  .transform(
    (f): Figure | null =>
      f.image && {
        src: f.image.url,
        width: f.image.width ?? 1600,
        height: f.image.height ?? 900,
        alt: f.alt,
        caption: f.caption ?? '',
        credit: f.credit ?? '',
      },
  );

const personLink = z.object({ name: z.string(), slug: z.string() });

export const articleSummary = z
  .object({
    documentId: z.string(),
    slug: z.string(),
    title: z.string(),
    standfirst: z.string().nullable(),
    format: z.enum(['news', 'analysis', 'commentary']),
    firstPublishedAt: z.iso.datetime({ offset: true }).nullable(),
    lastEditorialUpdateAt: z.iso.datetime({ offset: true }).nullable(),
    publishedAt: z.iso.datetime({ offset: true }),
    locale: z.string(),
    authors: z.array(personLink),
    section: personLink.pick({ slug: true }).extend({ name: z.string() }).nullable(),
    cover: figure.nullable(),
  })
  .transform(
    (a): ArticleSummary => ({
      id: a.documentId,
      slug: a.slug,
      locale: a.locale,
      title: a.title,
      standfirst: a.standfirst ?? '',
      format: a.format,
      firstPublished: new Date(a.firstPublishedAt ?? a.publishedAt),
      updated: new Date(a.lastEditorialUpdateAt ?? a.firstPublishedAt ?? a.publishedAt),
      authors: a.authors,
      section: a.section,
      cover: a.cover ?? null,
    }),
  );

export const pagination = z.object({ page: z.number(), pageSize: z.number(), pageCount: z.number(), total: z.number() });

/** A Strapi list response: `{ data: [...], meta: { pagination } }`. */
export function listOf<T extends z.ZodType>(item: T) {
  return z
    .object({ data: z.array(item), meta: z.object({ pagination }) })
    .transform((list): Page<z.output<T>> => ({ items: list.data, ...list.meta.pagination }));
}
