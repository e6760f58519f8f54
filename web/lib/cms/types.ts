import type { Locale } from '@newsroom/contract';
// The web app's own content types; Strapi's payload shapes stop at schemas.ts.
import type { BlocksContent } from '@strapi/blocks-react-renderer';

export type Image = { src: string; width: number; height: number; alt: string };
export type Figure = Image & { caption: string; credit: string };
/** A figure whose picture is not published (its licence ended): shown as its caption and credit on a placeholder. */
export type WithheldFigure = { withheld: true; alt: string; caption: string; credit: string };

export type ArticleFormat = 'news' | 'analysis' | 'commentary';
export type Ref = { id: string; slug: string; name: string };

export type ArticleSummary = {
  id: string;
  slug: string;
  locale: string;
  title: string;
  standfirst: string;
  format: ArticleFormat;
  firstPublished: Date;
  updated: Date;
  authors: Ref[];
  section: Ref | null;
  cover: Figure | null;
  /** The same article in other locales. */
  translations: Translation[];
};

export type BodyPart = { kind: 'text'; blocks: BlocksContent } | { kind: 'figure'; figure: Figure | WithheldFigure };

export type EditorsNote = { label: string; blocks: BlocksContent };

export type Correction = { date: Date; text: string };

/** A correction with the article it corrects, for the corrections feed. */
export type PublishedCorrection = Correction & { article: { slug: string; title: string } };

export type Seo = { title: string | null; description: string | null; image: Image | null; canonical: string | null; noindex: boolean };

/**
 * How a locale's text was made, when it is a translation: by people, or by a machine and then reviewed;
 * from which locale; and whether the original has been published anew since (stale).
 */
export type Provenance = { origin: 'human' | 'machine' | 'machine-reviewed'; from: Locale | null; provider: string | null; stale: boolean };

export type Article = ArticleSummary & {
  /** The cover's caption and credit when its picture is withheld (`cover` is then null: cards show none). */
  coverWithheld: WithheldFigure | null;
  partNumber: number | null;
  provenance: Provenance | null;
  body: BodyPart[];
  tags: Ref[];
  series: Ref | null;
  editorsNote: EditorsNote | null;
  corrections: Correction[];
  seo: Seo | null;
};

/** The same entry in another locale: its slug there. */
export type Translation = { locale: Locale; slug: string };

export type AuthorProfile = Ref & {
  role: string;
  bio: string;
  avatar: Image | null;
  links: { label: string; url: string }[];
  translations: Translation[];
};

export type SeriesPart = { id: string; slug: string; title: string; partNumber: number | null };

export type Series = Ref & {
  description: string;
  cover: Figure | null;
  editorsNote: EditorsNote | null;
  parts: SeriesPart[];
  translations: Translation[];
};

/** A section or a tag. */
export type Taxonomy = Ref & { description: string; translations: Translation[] };

export type LegalPage = {
  id: string;
  slug: string;
  title: string;
  blocks: BlocksContent;
  revisionDate: string;
  seo: Seo | null;
  translations: Translation[];
};

export type Site = {
  name: string;
  description: string;
  timeZone: string;
  navigation: { label: string; url: string }[];
  logo: Image | null;
  defaultShareImage: Image | null;
};

export type Page<T> = { items: T[]; page: number; pageSize: number; pageCount: number; total: number };
/** A page of a list that was not counted: its items, and whether another page follows. */
export type Slice<T> = { items: T[]; page: number; hasMore: boolean };
