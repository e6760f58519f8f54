// The web app's own content types; Strapi's payload shapes stop at schemas.ts.

export type Figure = { src: string; width: number; height: number; alt: string; caption: string; credit: string };

export type ArticleFormat = 'news' | 'analysis' | 'commentary';

export type ArticleSummary = {
  id: string;
  slug: string;
  locale: string;
  title: string;
  standfirst: string;
  format: ArticleFormat;
  firstPublished: Date;
  updated: Date;
  authors: { name: string; slug: string }[];
  section: { name: string; slug: string } | null;
  cover: Figure | null;
};

export type Page<T> = { items: T[]; page: number; pageSize: number; pageCount: number; total: number };
