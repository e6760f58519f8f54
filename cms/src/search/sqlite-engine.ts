import type { Knex } from 'knex';
import {
  RANKING,
  TABLE,
  articleToRow,
  rowToArticle,
  type IndexRow,
  type IndexedArticle,
  type SearchEngine,
  type SearchRequest,
} from './engine';
import { tokenize, type Clause } from './text';

const FTS = 'search_fts';
const TERMS = 'search_terms';
// A prefix of 2 or 3 characters reads FTS5's prefix index; a longer one is expanded into the indexed words
// it starts (from TERMS), which FTS5 reads lazily, unlike its own long-prefix queries (they load every
// matching list whole). A prefix with more words than this falls back to FTS5's own prefix query.
const MAX_EXPANSION = 32;
// SQLite takes at most 500 rows in one multi-row insert.
const CHUNK = 200;

// Row ids follow publication time backwards: -(milliseconds × 1000 + a free slot). FTS5 reads its
// lists in ascending rowid order lazily (descending order would load them whole), so the newest
// matches come first and a query can stop after the few it needs.
const SLOTS = 1000;

/**
 * SQLite FTS5. The documents table keeps the original text (for cards and snippets); a contentless FTS5
 * table holds the tokens, one column per field so a title match can rank above a body match.
 * Section, author and tag filters are tokens of a `facets` column, so they are part of the index lookup.
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
      await knex.raw(`CREATE TABLE IF NOT EXISTS ${TERMS} (term TEXT PRIMARY KEY) WITHOUT ROWID`);
      const exists = await knex.raw(`SELECT 1 FROM sqlite_master WHERE name = ?`, [FTS]);
      if (exists.length > 0) return;
      await knex.raw(
        `CREATE VIRTUAL TABLE ${FTS} USING fts5(title, standfirst, names, body, facets,
          content='', contentless_delete=1, tokenize='unicode61', prefix='2 3')`,
      );
    },

    async upsert(articles) {
      for (let start = 0; start < articles.length; start += CHUNK) {
        const chunk = articles.slice(start, start + CHUNK);
        await whenNotBusy(() =>
          knex.transaction(async (trx) => {
            await removeRows(trx, chunk);
            const ids = await timeOrderedIds(trx, chunk);
            await trx(TABLE).insert(chunk.map((a, i) => ({ id: ids[i], ...articleToRow(a), published_at: a.publishedAt.getTime() })));
            const columns = chunk.map(ftsColumns);
            await trx(FTS).insert(columns.map((column, i) => ({ rowid: ids[i], ...column })));
            const words = new Set(columns.flatMap((c) => [c.title, c.standfirst, c.names, c.body].join(' ').split(' ')));
            words.delete('');
            const list = [...words];
            for (let k = 0; k < list.length; k += 400) {
              await trx.raw(
                `INSERT OR IGNORE INTO ${TERMS} (term) VALUES ${list
                  .slice(k, k + 400)
                  .map(() => '(?)')
                  .join(', ')}`,
                list.slice(k, k + 400),
              );
            }
          }),
        );
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
      await knex(TERMS).delete();
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
      const words = wordsExpression(request.clauses, await expandPrefixes(knex, request.clauses));
      // FTS5 walks the matches in rowid order, newest first (see SLOTS), and stops after maxResults + 1:
      // the one extra row only says that more matched. The locale is a column of the documents table,
      // not a token every article would carry in the index.
      const window = `WITH w AS MATERIALIZED (
        SELECT f.rowid AS id FROM ${FTS} f JOIN ${TABLE} d ON d.id = f.rowid
        WHERE ${FTS} MATCH ? AND d.locale = ? ORDER BY f.rowid LIMIT ?)`;
      const bindings = [withFacets(words, request), request.locale, maxResults + 1];
      // Ranking (see RANKING): which fields every word matched in, found by three more lazy lookups
      // confined to the window's rowid range; the cards are read for the requested page alone.
      const within = (column: string) =>
        `SELECT rowid AS id FROM ${FTS} WHERE ${FTS} MATCH '{${column}} : ' || ? AND rowid BETWEEN (SELECT lo FROM span) AND (SELECT hi FROM span)`;
      const rows: (IndexRow & { matched: number | string })[] = await knex.raw(
        `${window},
         top AS MATERIALIZED (SELECT id FROM w ORDER BY id LIMIT ?),
         span AS (SELECT min(id) AS lo, max(id) AS hi FROM top),
         title AS (${within('title')}), standfirst AS (${within('standfirst')}), names AS (${within('names')}),
         page AS (
           SELECT id, ${RANKING.title} * (id IN title) + ${RANKING.standfirst} * (id IN standfirst) + ${RANKING.names} * (id IN names) AS score
           FROM top ORDER BY score DESC, id LIMIT ? OFFSET ?)
         SELECT (SELECT count(*) FROM w) AS matched, d.* FROM page JOIN ${TABLE} d ON d.id = page.id ORDER BY page.score DESC, page.id`,
        [...bindings, maxResults, `(${words})`, `(${words})`, `(${words})`, request.limit, request.offset],
      );
      const matched =
        rows.length > 0 ? Number(rows[0].matched) : Number((await knex.raw(`${window} SELECT count(*) AS n FROM w`, bindings))[0].n);
      return { total: Math.min(matched, maxResults), capped: matched > maxResults, hits: rows.map(rowToArticle) };
    },
  };
}

/**
 * Runs a write transaction again when SQLite answers SQLITE_BUSY at once: it does so, without waiting, when
 * this transaction has read and another process (a running CMS beside a script such as seed:bulk) is writing,
 * since waiting could deadlock. A fresh attempt queues behind that writer.
 */
async function whenNotBusy<T>(write: () => Promise<T>, attempts = 20): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await write();
    } catch (error) {
      if ((error as { code?: string }).code !== 'SQLITE_BUSY' || attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
    }
  }
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

const quote = (text: string) => `"${text.replaceAll('"', '""')}"`;

/** The indexed words each long prefix stands for (null: use FTS5's own prefix query). */
async function expandPrefixes(knex: Knex, clauses: Clause[]) {
  const expansions = new Map<Clause, string[]>();
  for (const clause of clauses) {
    const [prefix] = clause.tokens;
    if (!clause.prefix || clause.tokens.length !== 1 || [...prefix].length <= 3) continue;
    const words: { term: string }[] = await knex(TERMS)
      .where('term', '>=', prefix)
      .where('term', '<', `${prefix}\u{10FFFF}`)
      .orderBy('term')
      .limit(MAX_EXPANSION + 1)
      .select('term');
    if (words.length > 0 && words.length <= MAX_EXPANSION)
      expansions.set(
        clause,
        words.map((w) => w.term),
      );
  }
  return expansions;
}

/** Every token is quoted, so nothing a reader types can be FTS5 syntax. */
function clauseExpression(clause: Clause, expansions: Map<Clause, string[]>) {
  const words = expansions.get(clause);
  if (words) return `(${words.map(quote).join(' OR ')})`;
  return `${quote(clause.tokens.join(' '))}${clause.prefix ? '*' : ''}`;
}

/** Every clause, AND-ed: what the reader asked for, in no particular column. */
function wordsExpression(clauses: Clause[], expansions: Map<Clause, string[]>) {
  return clauses.map((clause) => clauseExpression(clause, expansions)).join(' AND ');
}

/** The words in any searchable column, and the section, author and tag filters. */
function withFacets(words: string, request: SearchRequest) {
  const facets = [
    request.section && facet('s', request.section),
    request.author && facet('a', request.author),
    request.tag && facet('t', request.tag),
  ].filter(Boolean);
  const anywhere = `{title standfirst names body} : (${words})`;
  return facets.length > 0 ? `${anywhere} AND facets : (${facets.map((f) => `"${f}"`).join(' AND ')})` : anywhere;
}
