import type { Knex } from 'knex';
import { RANKING, TABLE, articleToRow, rowToArticle, type IndexedArticle, type SearchEngine } from './engine';
import { tokenize, type Clause } from './text';

// PostgreSQL keeps positions up to 16,383 and at most 256 per lexeme.
const MAX_POSITION = 16_383;
const MAX_POSITIONS_PER_LEXEME = 255;
const CHUNK = 500;
const CARD = ['document_id', 'locale', 'slug', 'title', 'standfirst', 'body', 'labels', 'published_at'];

/**
 * PostgreSQL full-text search: a weighted tsvector per article with a GIN index. The vector and the
 * query are built from our own tokens (see text.ts) rather than by a text-search configuration, so the
 * words are exactly those SQLite sees, and nothing a reader types reaches tsquery's parser as syntax.
 */
export function createPostgresEngine(knex: Knex, maxResults: number): SearchEngine {
  return {
    async ensureSchema() {
      await knex.raw(`CREATE TABLE IF NOT EXISTS ${TABLE} (
        id bigserial PRIMARY KEY,
        document_id varchar(255) NOT NULL,
        locale varchar(32) NOT NULL,
        slug varchar(255) NOT NULL,
        title text NOT NULL,
        standfirst text NOT NULL,
        body text NOT NULL,
        labels text NOT NULL,
        section varchar(255),
        authors text[] NOT NULL,
        tags text[] NOT NULL,
        published_at timestamptz NOT NULL,
        tsv tsvector NOT NULL,
        UNIQUE (document_id, locale)
      )`);
      await knex.raw(`CREATE INDEX IF NOT EXISTS ${TABLE}_tsv ON ${TABLE} USING gin (tsv)`);
      // Newest matches first, for the ranked window of a common word.
      await knex.raw(`CREATE INDEX IF NOT EXISTS ${TABLE}_recent ON ${TABLE} (locale, published_at DESC, id DESC)`);
      await knex.raw(`CREATE INDEX IF NOT EXISTS ${TABLE}_section_recent ON ${TABLE} (locale, section, published_at DESC, id DESC)`);
    },

    async upsert(articles) {
      for (let start = 0; start < articles.length; start += CHUNK) {
        const rows = articles.slice(start, start + CHUNK).map((article) => ({
          ...articleToRow(article),
          section: article.section?.slug ?? null,
          authors: article.authors.map((a) => a.slug),
          tags: article.tags.map((t) => t.slug),
          published_at: article.publishedAt,
          tsv: knex.raw('?::tsvector', [vector(article)]),
        }));
        await knex(TABLE).insert(rows).onConflict(['document_id', 'locale']).merge();
      }
    },

    async remove(documentId, locales) {
      const rows = knex(TABLE).where({ document_id: documentId });
      if (locales) rows.whereIn('locale', locales);
      await rows.delete();
    },

    async indexedLocales(documentId) {
      return (await knex(TABLE).where({ document_id: documentId }).select('locale')).map((r: { locale: string }) => r.locale);
    },

    async clear() {
      await knex.raw(`TRUNCATE ${TABLE}`);
    },

    async count() {
      const [{ n }] = await knex(TABLE).count({ n: '*' });
      return Number(n);
    },

    async optimize() {
      await knex.raw(`ANALYZE ${TABLE}`);
    },

    async search(request) {
      const query = tsquery(request.clauses);
      const where = ['locale = ?', 'tsv @@ ?::tsquery'];
      const bindings: (string | number)[] = [request.locale, query];
      const facet = (condition: string, value: string | undefined) => {
        if (!value) return;
        where.push(condition);
        bindings.push(value);
      };
      facet('section = ?', request.section);
      facet('? = ANY(authors)', request.author);
      facet('? = ANY(tags)', request.tag);
      // The newest maxResults + 1 matches (an index walk by date for a common word, the GIN index for a
      // rare one); the extra row only says that more matched. Ranking (see RANKING) asks the window's
      // vectors whether every word matched among the title's (A), standfirst's (B) or names' (C) lexemes.
      const window = `WITH w AS MATERIALIZED (
        SELECT id, published_at FROM ${TABLE} WHERE ${where.join(' AND ')} ORDER BY published_at DESC, id DESC LIMIT ?)`;
      const { rows } = await knex.raw(
        `${window}, top AS (SELECT id FROM w ORDER BY published_at DESC, id DESC LIMIT ?)
         SELECT (SELECT count(*) FROM w) AS matched, ${CARD.map((c) => `d.${c}`).join(', ')}
         FROM top JOIN ${TABLE} d ON d.id = top.id
         ORDER BY ${RANKING.title} * (d.tsv @@ ?::tsquery)::int + ${RANKING.standfirst} * (d.tsv @@ ?::tsquery)::int
           + ${RANKING.names} * (d.tsv @@ ?::tsquery)::int DESC, d.published_at DESC, d.id DESC LIMIT ? OFFSET ?`,
        [
          ...bindings,
          maxResults + 1,
          maxResults,
          tsquery(request.clauses, 'A'),
          tsquery(request.clauses, 'B'),
          tsquery(request.clauses, 'C'),
          request.limit,
          request.offset,
        ],
      );
      const matched =
        rows.length > 0
          ? Number(rows[0].matched)
          : Number((await knex.raw(`${window} SELECT count(*) AS n FROM w`, [...bindings, maxResults + 1])).rows[0].n);
      return { total: Math.min(matched, maxResults), capped: matched > maxResults, hits: rows.map(rowToArticle) };
    },
  };
}

function lexeme(token: string) {
  return `'${token.replaceAll('\\', '\\\\').replaceAll("'", "''")}'`;
}

/** A tsvector literal: each token with its positions, weighted by the field it came from. */
function vector(article: IndexedArticle) {
  const fields: [string, string][] = [
    ['A', article.title],
    ['B', article.standfirst],
    ['C', [...article.authors, ...article.tags].map((label) => label.name).join(' ')],
    ['D', article.body],
  ];
  const positions = new Map<string, string[]>();
  let position = 0;
  for (const [weight, text] of fields) {
    position += 1; // a gap, so a phrase never spans two fields
    for (const token of tokenize(text)) {
      position = Math.min(position + 1, MAX_POSITION);
      const list = positions.get(token) ?? [];
      if (list.length < MAX_POSITIONS_PER_LEXEME) list.push(`${position}${weight}`);
      positions.set(token, list);
    }
  }
  return [...positions].map(([token, list]) => `${lexeme(token)}:${list.join(',')}`).join(' ');
}

/**
 * A tsquery literal: clauses AND-ed, tokens of a phrase or CJK run adjacent, the typed word a prefix;
 * with `weight`, only lexemes of that field match (A title, B standfirst, C names).
 */
function tsquery(clauses: Clause[], weight = '') {
  return clauses
    .map(({ tokens, prefix }) => {
      const parts = tokens.map((token, i) => {
        const label = `${prefix && i === tokens.length - 1 ? '*' : ''}${weight}`;
        return lexeme(token) + (label ? `:${label}` : '');
      });
      return `(${parts.join(' <-> ')})`;
    })
    .join(' & ');
}
