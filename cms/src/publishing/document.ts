import type { Core } from '@strapi/strapi';
import { ARTICLE } from '@newsroom/contract';

type Ref = { documentId: string };
export type Figure = {
  alt?: string | null;
  credit?: string | null;
  licence?: 'staff' | 'agency' | 'creative-commons' | 'public-domain' | 'handout' | null;
  licenceUrl?: string | null;
  usableUntil?: string | Date | null;
};

/**
 * One row of a document. Strapi 5 keeps a draft row and, once published, a published row per locale;
 * types without draft & publish (slug redirects, trend rules) keep one row, public as soon as saved.
 */
export type Row = {
  id: number;
  documentId: string;
  locale?: string | null;
  publishedAt: string | Date | null;
  updatedAt: string | Date;
  slug?: string | null;
  title?: string | null;
  standfirst?: string | null;
  partNumber?: number | null;
  markAsUpdate?: boolean | null;
  lastEditorialUpdateAt?: string | Date | null;
  firstPublishedAt?: string | Date | null;
  translationOrigin?: 'human' | 'machine' | 'machine-reviewed' | null;
  translatedFrom?: string | null;
  translationStale?: boolean | null;
  /** A slug redirect's locale. */
  language?: string;
  authors?: Ref[];
  tags?: Ref[];
  section?: Ref | null;
  series?: Ref | null;
  cover?: Figure | null;
  gallery?: Figure[] | null;
  body?: ({ __component: string } & Figure)[] | null;
};

const RELATIONS = {
  authors: { select: ['documentId'] },
  tags: { select: ['documentId'] },
  section: { select: ['documentId'] },
  series: { select: ['documentId'] },
};
const FIGURES = { cover: true, gallery: true, body: true };
/** What the pre-publish checks read of an article's row. */
export const CHECKED_POPULATE = { ...RELATIONS, ...FIGURES };

/** Every row of a document, drafts and published copies of every locale; an article's with its relations. */
export async function readRows(strapi: Core.Strapi, uid: string, documentId: string, { figures = false } = {}): Promise<Row[]> {
  const populate = uid === ARTICLE ? { ...RELATIONS, ...(figures ? FIGURES : {}) } : undefined;
  return strapi.db.query(uid as typeof ARTICLE).findMany({ where: { documentId }, populate });
}

/** The locales a call touches: Strapi 5 takes one code, a list, '*' for all, or none (the default). */
export function touchesLocale(locale: string | string[] | undefined, defaultLocale: string): (row: Row) => boolean {
  if (locale === '*') return () => true;
  if (Array.isArray(locale)) return (row) => locale.includes(row.locale ?? '');
  return (row) => row.locale === (locale ?? defaultLocale);
}

export const isDraft = (row: Row) => row.publishedAt === null;
