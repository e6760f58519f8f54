import type { Clause } from './text';

// The search engine's contract: what both engines (sqlite-engine.ts, postgres-engine.ts) implement and
// share. engines.ts picks one for the database.

export type Label = { slug: string; name: string };

/** One published article in one locale, as the index holds it (plain text, no markup). */
export type IndexedArticle = {
  documentId: string;
  locale: string;
  slug: string;
  title: string;
  standfirst: string;
  body: string;
  section: Label | null;
  authors: Label[];
  tags: Label[];
  publishedAt: Date;
};

export type SearchFilters = { locale: string; section?: string; author?: string; tag?: string };

export type SearchRequest = SearchFilters & { clauses: Clause[]; offset: number; limit: number };

/**
 * What a search returns: the `maxResults` newest matches (config/search.ts), `total` counting them and
 * `capped` saying that more, older articles matched too. Counting or ranking every match would cost
 * time in proportion to how common a word is ("council" is in 77,000 of 100,000 synthetic articles);
 * bounding both keeps every query fast, and in news the newest matches are the ones readers look for.
 */
export const DEFAULT_MAX_RESULTS = 500;

/**
 * How results are ordered, the same on both engines: by where every word matched (the title counts most,
 * then the standfirst, then author and tag names; body-only matches come last), then newest first.
 * A score is the sum of the fields that hold all the words.
 */
export const RANKING = { title: 4, standfirst: 2, names: 1 } as const;

export type SearchResult = { total: number; capped: boolean; hits: IndexedArticle[] };

/**
 * The full-text index behind one interface, so the API answers the same on SQLite (FTS5) and on
 * PostgreSQL (tsvector + GIN). The tables are the engine's own, outside Strapi's content model.
 */
export interface SearchEngine {
  ensureSchema(): Promise<void>;
  upsert(articles: IndexedArticle[]): Promise<void>;
  /** Drops a document's entries, in the given locales or in all of them. */
  remove(documentId: string, locales?: string[]): Promise<void>;
  /** The locales in which a document is indexed. */
  indexedLocales(documentId: string): Promise<string[]>;
  clear(): Promise<void>;
  count(): Promise<number>;
  /** After a bulk load: compacts the index and refreshes the planner's statistics. */
  optimize(): Promise<void>;
  search(request: SearchRequest): Promise<SearchResult>;
}

export const TABLE = 'search_documents';

/** A row of the index table as either driver returns it. */
export type IndexRow = {
  document_id: string;
  locale: string;
  slug: string;
  title: string;
  standfirst: string;
  body: string;
  labels: string;
  published_at: Date | number | string;
};

/** The stored row's card fields, shared by both engines. */
export function rowToArticle(row: IndexRow): IndexedArticle {
  const labels = JSON.parse(row.labels);
  return {
    documentId: row.document_id,
    locale: row.locale,
    slug: row.slug,
    title: row.title,
    standfirst: row.standfirst,
    body: row.body,
    section: labels.section,
    authors: labels.authors,
    tags: labels.tags,
    // PostgreSQL returns a Date; SQLite keeps epoch milliseconds.
    publishedAt: row.published_at instanceof Date ? row.published_at : new Date(Number(row.published_at)),
  };
}

export function articleToRow(article: IndexedArticle) {
  return {
    document_id: article.documentId,
    locale: article.locale,
    slug: article.slug,
    title: article.title,
    standfirst: article.standfirst,
    body: article.body,
    labels: JSON.stringify({ section: article.section, authors: article.authors, tags: article.tags }),
  };
}
