import type { Knex } from 'knex';
import { TABLE, articleToRow, rowToArticle, type IndexedArticle, type SearchEngine, type SearchRequest } from './engine';
import { tokenize, type Clause } from './text';

const FTS = 'search_fts';
// SQLite takes at most 500 rows in one multi-row insert.
const CHUNK = 200;

// Row ids follow publication time backwards: -(milliseconds × 1000 + a free slot). FTS5 reads its
// lists in ascending rowid order lazily (descending order would load them whole), so the newest
// matches come first and a query can stop after the few it needs.
const SLOTS = 1000;

/**
 * SQLite FTS5. The documents table keeps the original text (for cards and snippets); a contentless FTS5
 * table holds the tokens, one column per field so bm25 can weigh a title match above a body match.
 * Filters are tokens of a `facets` column, so the whole query is one index lookup.
 */
export function createSqliteEngine(knex: Knex, maxResults: number): SearchEngine {
  return {
    async ensureSchema() {
      await knex.raw(`CREATE TABLE IF NOT EXISTS ${TABLE} (
        id INTEGER PRIMARY KEY,
        document_id TEXT NOT NULL,
        locale TEXT NOT NULL,
        slug TEXT NOT NULL,
        title TEXT NOT NULL,
        standfirst TEXT NOT NULL,
        body TEXT NOT NULL,
        labels TEXT NOT NULL,
        published_at INTEGER NOT NULL,
        UNIQUE (document_id, locale)
      )`);
      const exists = await knex.raw(`SELECT 1 FROM sqlite_master WHERE name = ?`, [FTS]);
      if (exists.length > 0) return;
      await knex.raw(
        `CREATE VIRTUAL TABLE ${FTS} USING fts5(title, standfirst, names, body, facets,
          content='', contentless_delete=1, tokenize='unicode61', prefix='2 3')`,
      );
      // Weights per column: title, standfirst, author and tag names, body; facets never score.
      await knex.raw(`INSERT INTO ${FTS}(${FTS}, rank) VALUES ('rank', 'bm25(10.0, 5.0, 3.0, 1.0, 0.0)')`);
    },

    async upsert(articles) {
      for (let start = 0; start < articles.length; start += CHUNK) {
        const chunk = articles.slice(start, start + CHUNK);
        await knex.transaction(async (trx) => {
          await removeRows(trx, chunk);
          const ids = await timeOrderedIds(trx, chunk);
          await trx(TABLE).insert(chunk.map((a, i) => ({ id: ids[i], ...articleToRow(a), published_at: a.publishedAt.getTime() })));
          await trx(FTS).insert(chunk.map((article, i) => ({ rowid: ids[i], ...ftsColumns(article) })));
        });
      }
    },

    async remove(documentId, locales) {
      await knex.transaction(async (trx) => {
        const rows = trx(TABLE).where({ document_id: documentId });
        if (locales) rows.whereIn('locale', locales);
        const ids = (await rows.clone().select('id')).map((r: { id: number }) => r.id);
        if (ids.length === 0) return;
        await trx(FTS).whereIn('rowid', ids).delete();
        await trx(TABLE).whereIn('id', ids).delete();
      });
    },

    async indexedLocales(documentId) {
      return (await knex(TABLE).where({ document_id: documentId }).select('locale')).map((r: { locale: string }) => r.locale);
    },

    async clear() {
      await knex.raw(`DELETE FROM ${FTS}`);
      await knex(TABLE).delete();
    },

    async count() {
      const [{ n }] = await knex(TABLE).count({ n: '*' });
      return Number(n);
    },

    async optimize() {
      // Merges the index's segments into one: after a bulk load, queries read one b-tree instead of many.
      await knex.raw(`INSERT INTO ${FTS}(${FTS}) VALUES ('optimize')`);
    },

    async search(request) {
      const match = matchExpression(request);
      // FTS5 walks the matches in rowid order, newest first (see SLOTS), and stops after maxResults + 1:
      // the one extra row only says that more matched. bm25 runs on the window alone.
      const window = `WITH w AS MATERIALIZED (SELECT rowid AS id, rank FROM ${FTS} WHERE ${FTS} MATCH ? ORDER BY rowid LIMIT ?)`;
      const rows: Record<string, any>[] = await knex.raw(
        `${window}, top AS (SELECT * FROM w ORDER BY id LIMIT ?)
         SELECT (SELECT count(*) FROM w) AS matched, d.* FROM top JOIN ${TABLE} d ON d.id = top.id
         ORDER BY top.rank, top.id LIMIT ? OFFSET ?`,
        [match, maxResults + 1, maxResults, request.limit, request.offset],
      );
      const matched =
        rows.length > 0
          ? Number(rows[0].matched)
          : Number((await knex.raw(`${window} SELECT count(*) AS n FROM w`, [match, maxResults + 1]))[0].n);
      return { total: Math.min(matched, maxResults), capped: matched > maxResults, hits: rows.map(rowToArticle) };
    },
  };
}

async function removeRows(trx: Knex.Transaction, articles: IndexedArticle[]) {
  const existing: { id: number; document_id: string; locale: string }[] = await trx(TABLE)
    .whereIn(
      'document_id',
      articles.map((a) => a.documentId),
    )
    .select('id', 'document_id', 'locale');
  const keys = new Set(articles.map((a) => `${a.documentId}/${a.locale}`));
  const ids = existing.filter((row) => keys.has(`${row.document_id}/${row.locale}`)).map((row) => row.id);
  if (ids.length === 0) return;
  await trx(FTS).whereIn('rowid', ids).delete();
  await trx(TABLE).whereIn('id', ids).delete();
}

/** For each article, a free id of its publication millisecond (newer articles have smaller ids). */
async function timeOrderedIds(trx: Knex.Transaction, articles: IndexedArticle[]) {
  const taken = new Set<number>();
  const ids: number[] = [];
  for (const article of articles) {
    const first = -(article.publishedAt.getTime() * SLOTS);
    const used: { id: number }[] = await trx(TABLE)
      .whereBetween('id', [first - SLOTS + 1, first])
      .select('id');
    for (const row of used) taken.add(Number(row.id));
    let id = first;
    while (taken.has(id)) id -= 1;
    if (id <= first - SLOTS) throw new Error(`more than ${SLOTS} articles published in the same millisecond`);
    taken.add(id);
    ids.push(id);
  }
  return ids;
}

function ftsColumns(article: IndexedArticle) {
  const text = (value: string) => tokenize(value).join(' ');
  return {
    title: text(article.title),
    standfirst: text(article.standfirst),
    names: text([...article.authors, ...article.tags].map((label) => label.name).join(' ')),
    body: text(article.body),
    facets: [
      facet('l', article.locale),
      article.section && facet('s', article.section.slug),
      ...article.authors.map((a) => facet('a', a.slug)),
      ...article.tags.map((t) => facet('t', t.slug)),
    ]
      .filter(Boolean)
      .join(' '),
  };
}

/** A filter value as one opaque token: a kind letter and the value in hex (slugs contain hyphens). */
function facet(kind: string, value: string) {
  return `f${kind}${Buffer.from(value).toString('hex')}`;
}

/** Every token is quoted, so nothing a reader types can be FTS5 syntax. */
function clauseExpression(clause: Clause) {
  return `"${clause.tokens.join(' ').replaceAll('"', '""')}"${clause.prefix ? '*' : ''}`;
}

function matchExpression(request: SearchRequest) {
  const facets = [
    facet('l', request.locale),
    request.section && facet('s', request.section),
    request.author && facet('a', request.author),
    request.tag && facet('t', request.tag),
  ].filter(Boolean);
  const words = request.clauses.map(clauseExpression).join(' AND ');
  return `{title standfirst names body} : (${words}) AND facets : (${facets.map((f) => `"${f}"`).join(' AND ')})`;
}
