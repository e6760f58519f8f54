import type { Knex } from 'knex';
import { TABLE, articleToRow, pageParts, rowToArticle, type IndexedArticle, type SearchEngine } from './engine';
import { tokenize, type Clause } from './text';

// PostgreSQL keeps positions up to 16,383 and at most 256 per lexeme.
const MAX_POSITION = 16_383;
const MAX_POSITIONS_PER_LEXEME = 255;
// ts_rank weights for D (body), C (names), B (standfirst), A (title).
const WEIGHTS = '{0.1,0.3,0.5,1.0}';
const CHUNK = 500;
const CARD = ['document_id', 'locale', 'slug', 'title', 'standfirst', 'body', 'labels', 'published_at'];

/**
 * PostgreSQL full-text search: a weighted tsvector per article with a GIN index. The vector and the
 * query are built from our own tokens (see text.ts) rather than by a text-search configuration, so the
 * words are exactly those SQLite sees, and nothing a reader types reaches tsquery's parser as syntax.
 */
export function createPostgresEngine(knex: Knex, rankedWindow: number): SearchEngine {
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

    async search(request) {
      const query = knex.raw('?::tsquery', [tsquery(request.clauses)]);
      const matches = knex(TABLE).where('locale', request.locale).whereRaw('tsv @@ ?', [query]);
      if (request.section) matches.where('section', request.section);
      if (request.author) matches.whereRaw('? = ANY(authors)', [request.author]);
      if (request.tag) matches.whereRaw('? = ANY(tags)', [request.tag]);

      const [{ total }] = await matches.clone().count({ total: '*' });
      if (Number(total) === 0) return { total: 0, hits: [] };
      const { ranked, rest } = pageParts(request.offset, request.limit, rankedWindow);
      const newest = () =>
        matches.clone().orderBy([
          { column: 'published_at', order: 'desc' },
          { column: 'id', order: 'desc' },
        ]);
      const rows = [];
      if (ranked) {
        const window = newest()
          .select('id', knex.raw('ts_rank(?, tsv, ?) AS score', [WEIGHTS, query]))
          .limit(rankedWindow);
        rows.push(
          ...(await knex
            .with('window', window)
            .select(...CARD.map((column) => `d.${column}`))
            .from('window')
            .join(`${TABLE} as d`, 'd.id', 'window.id')
            .orderBy([
              { column: 'window.score', order: 'desc' },
              { column: 'd.published_at', order: 'desc' },
              { column: 'd.id', order: 'desc' },
            ])
            .limit(ranked.limit)
            .offset(ranked.offset)),
        );
      }
      if (rest) rows.push(...(await newest().select(CARD).limit(rest.limit).offset(rest.offset)));
      return { total: Number(total), hits: rows.map(rowToArticle) };
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

/** A tsquery literal: clauses AND-ed, tokens of a phrase or CJK run adjacent, the typed word a prefix. */
function tsquery(clauses: Clause[]) {
  return clauses
    .map(({ tokens, prefix }) => {
      const parts = tokens.map((token, i) => lexeme(token) + (prefix && i === tokens.length - 1 ? ':*' : ''));
      return `(${parts.join(' <-> ')})`;
    })
    .join(' & ');
}
