import { database, startCms, type TestCms } from './helpers/strapi';

const MIGRATION = '2026.11.28T00.00.00.read-indexes.js';
// The compiled module, as Strapi runs it; its types from the source.
const { READ_INDEXES, ensureReadIndexes }: typeof import('../src/database/read-indexes') = require('../dist/src/database/read-indexes');
const migration = require(`../database/migrations/${MIGRATION}`);

let cms: TestCms;
beforeAll(async () => {
  cms = await startCms();
});
afterAll(async () => {
  await cms?.stop();
});

const knex = () => cms.strapi.db.connection;

/** The columns of an index, in order, or [] when there is no such index on the table. */
async function indexColumns(table: string, name: string): Promise<string[]> {
  if (database === 'sqlite') {
    const [found] = await knex().raw(`SELECT tbl_name FROM sqlite_master WHERE type = 'index' AND name = ?`, [name]);
    if (found?.tbl_name !== table) return [];
    const columns: { name: string; desc: number; key: number }[] = await knex().raw(`PRAGMA index_xinfo(${name})`);
    return columns.filter((c) => c.key).map((c) => (c.desc ? `${c.name} DESC` : c.name));
  }
  const { rows } = await knex().raw(
    `SELECT pg_get_indexdef(i.indexrelid, k.n, true) AS col, (i.indoption[k.n - 1] & 1) = 1 AS desc
       FROM pg_index i
       JOIN pg_class c ON c.oid = i.indexrelid
       JOIN pg_class t ON t.oid = i.indrelid
       CROSS JOIN generate_series(1, i.indnkeyatts) AS k(n)
      WHERE c.relname = ? AND t.relname = ? AND t.relnamespace = to_regnamespace(current_schema())
      ORDER BY k.n`,
    [name, table],
  );
  return rows.map((r: { col: string; desc: boolean }) => (r.desc ? `${r.col} DESC` : r.col));
}

/** The SQL Strapi runs for a REST request, with its bindings. */
async function sqlOf(path: string) {
  const seen: { sql: string; bindings: unknown[] }[] = [];
  const listen = (query: { sql: string; bindings?: unknown[] }) => seen.push({ sql: query.sql, bindings: query.bindings ?? [] });
  knex().on('query', listen);
  try {
    const res = await cms.api.get(path);
    expect(res.status).toBe(200);
  } finally {
    knex().removeListener('query', listen);
  }
  return seen;
}

/**
 * The plan of a query. PostgreSQL would scan the few rows of a test database whatever the indexes, so there
 * the plan is made with fresh statistics and with the named plan kinds ruled out (as costly as can be): what is
 * asserted is that an index serves this very SQL, and is the one chosen among Strapi's.
 */
async function planOf({ sql, bindings }: { sql: string; bindings: unknown[] }, ...ruledOut: ('seqscan' | 'bitmapscan' | 'sort')[]) {
  const placeholders = sql.replace(/\$\d+/g, '?');
  if (database === 'sqlite') {
    const plan: { detail: string }[] = await knex().raw(`EXPLAIN QUERY PLAN ${placeholders}`, bindings);
    return plan.map((step) => step.detail).join('\n');
  }
  return knex().transaction(async (trx) => {
    await trx.raw('ANALYZE articles');
    for (const kind of ruledOut) await trx.raw(`SET LOCAL enable_${kind} = off`);
    const { rows } = await trx.raw(`EXPLAIN ${placeholders}`, bindings);
    return rows.map((row: { 'QUERY PLAN': string }) => row['QUERY PLAN']).join('\n');
  });
}

describe('the indexes behind the public site reads', () => {
  it('exist on a fresh database after start, on the columns they are defined with, and the migration is recorded as run', async () => {
    for (const { name, table, columns } of READ_INDEXES) {
      expect({ name, columns: await indexColumns(table, name) }).toEqual({ name, columns });
    }
    const ran = await knex()('strapi_migrations').select('name');
    expect(ran.map((row: { name: string }) => row.name)).toContain(MIGRATION);
  });

  it('serve the article-by-slug lookup the site sends, and its count', async () => {
    const queries = await sqlOf(
      '/api/articles?locale=en&filters[slug][$eq]=barrier-consultation-what-residents-said&pagination[page]=1&pagination[pageSize]=1',
    );
    const bySlug = queries.filter((q) => /from\s+\S*articles\S*\s+as\s+\S+\s+where.*slug/is.test(q.sql));
    expect(bySlug.map((q) => q.sql)).toEqual([expect.stringMatching(/^select\s/i), expect.stringMatching(/^select count/i)]);
    for (const query of bySlug) expect(await planOf(query, 'seqscan')).toContain('articles_slug_lookup_idx');
  });

  it('serve the newest-first list in index order, without sorting the table', async () => {
    const queries = await sqlOf(
      '/api/articles?locale=en&sort[0]=firstPublishedAt:desc&sort[1]=publishedAt:desc&pagination[page]=1&pagination[pageSize]=20',
    );
    const list = queries.find((q) => /order by\s+\S*first_published_at\S*\s+desc/i.test(q.sql));
    if (!list) throw new Error(`No newest-first query among:\n${queries.map((q) => q.sql).join('\n')}`);
    const plan = await planOf(list, 'seqscan', 'bitmapscan', 'sort');
    expect(plan).toContain('articles_newest_first_idx');
    expect(plan).not.toMatch(/TEMP B-TREE FOR ORDER BY|Sort Key/);
  });

  it('are added by the migration to a database that predates them, and running it again changes nothing', async () => {
    for (const { name } of READ_INDEXES) await knex().raw(`DROP INDEX ${name}`);
    for (const { name, table } of READ_INDEXES) expect(await indexColumns(table, name)).toEqual([]);

    // As Strapi runs a user migration: inside a transaction, given the transaction and the database.
    for (let run = 0; run < 2; run++) await cms.strapi.db.transaction(({ trx }) => migration.up(trx, cms.strapi.db));
    for (const { name, table, columns } of READ_INDEXES) expect(await indexColumns(table, name)).toEqual(columns);

    await ensureReadIndexes(knex());
    for (const { name, table, columns } of READ_INDEXES) expect(await indexColumns(table, name)).toEqual(columns);
  });
});
