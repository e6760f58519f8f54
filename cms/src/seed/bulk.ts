import crypto from 'crypto';
import type { Core } from '@strapi/strapi';
import { paragraphsToBlocks } from './blocks';
import { searchIndexer } from '../search';
import type { IndexedArticle } from '../search/engine';

const ARTICLE = 'api::article.article';
// SQLite allows at most 500 rows in one multi-row insert; each article has two.
const BATCH = 200;

/**
 * Synthetic published articles for benchmarks, written straight to the tables in batches: the Document
 * Service would take hours for 100,000. Table and column names come from Strapi's own metadata. Each
 * article gets a draft and a published row (as Strapi 5 stores them), a rich-text body, one or two
 * authors and a section, all linked the way the Document Service links them: drafts to drafts,
 * published rows to published rows. Each batch is added to the search index as it is written.
 */
export async function seedBulkArticles(
  strapi: Core.Strapi,
  { articles, onProgress }: { articles: number; onProgress?: (done: number) => void },
) {
  const db = strapi.db;
  const knex = db.connection;
  const meta = db.metadata.get(ARTICLE);
  // The join tables and columns Strapi made for these attributes.
  const attr = meta.attributes as Record<string, { columnName?: string; joinTable: { name: string } }>;
  const column = (name: string) => attr[name].columnName as string;
  const richText = db.metadata.get('content.rich-text');
  // Strapi keeps SQLite datetimes as epoch milliseconds; PostgreSQL takes Dates.
  const asDatetime = (date: Date) => (db.dialect.client === 'sqlite' ? date.getTime() : date);

  const targets = async (uid: string) => {
    const rows: { id: number; documentId: string; publishedAt: string | null; slug: string; name: string }[] = await db
      .query(uid)
      .findMany({ where: { locale: 'en' }, select: ['id', 'documentId', 'publishedAt', 'slug', 'name'] });
    const byDocument = new Map<string, { draft?: number; published?: number; label?: { slug: string; name: string } }>();
    for (const row of rows) {
      const entry = byDocument.get(row.documentId) ?? {};
      entry[row.publishedAt ? 'published' : 'draft'] = row.id;
      if (row.publishedAt) entry.label = { slug: row.slug, name: row.name };
      byDocument.set(row.documentId, entry);
    }
    return [...byDocument.values()].filter((t) => t.draft && t.published) as {
      draft: number;
      published: number;
      label: { slug: string; name: string };
    }[];
  };
  const authors = await targets('api::author.author');
  const sections = await targets('api::section.section');
  if (authors.length === 0 || sections.length === 0)
    throw new Error('Seed the demo content first: bulk articles need authors and sections');

  const bylineOf = (n: number) => {
    const first = authors[n % authors.length];
    return n % 5 === 0 ? [first, authors[(n + 1) % authors.length]] : [first];
  };

  const random = mulberry32(crypto.randomBytes(4).readUInt32LE());
  const runId = Date.now().toString(36);
  const now = Date.now();

  const index = searchIndexer(strapi).engine;
  for (let start = 0; start < articles; start += BATCH) {
    const size = Math.min(BATCH, articles - start);
    const indexed: IndexedArticle[] = [];
    await db.transaction(async ({ trx }) => {
      const articleRows: Record<string, unknown>[] = [];
      const texts: string[][] = [];
      for (let i = 0; i < size; i++) {
        const n = start + i;
        const title = headline(random);
        const slug = `${slugify(title)}-${runId}-${n}`;
        const documentId = crypto.randomBytes(12).toString('hex').slice(0, 24);
        const firstPublished = asDatetime(new Date(now - Math.floor(random() * 3 * 365 * 24) * 3_600_000));
        const paragraphs = Array.from({ length: 3 + Math.floor(random() * 4) }, () => paragraph(random));
        texts.push(paragraphs);
        indexed.push({
          documentId,
          locale: 'en',
          slug,
          title,
          standfirst: `${paragraphs[0].split('. ')[0]}.`,
          body: paragraphs.join('\n'),
          section: sections[n % sections.length].label,
          authors: bylineOf(n).map((author) => author.label),
          tags: [],
          publishedAt: new Date(firstPublished),
        });
        for (const published of [false, true]) {
          articleRows.push({
            document_id: documentId,
            [column('title')]: title,
            [column('slug')]: slug,
            [column('format')]: ['news', 'analysis', 'commentary'][n % 3],
            [column('standfirst')]: `${paragraphs[0].split('. ')[0]}.`,
            [column('firstPublishedAt')]: firstPublished,
            [column('lastEditorialUpdateAt')]: firstPublished,
            created_at: firstPublished,
            updated_at: firstPublished,
            published_at: published ? firstPublished : null,
            locale: 'en',
          });
        }
      }
      const inserted = await trx(meta.tableName).insert(articleRows).returning('id');
      const ids = inserted.map((row: { id: number } | number) => (typeof row === 'number' ? row : row.id));

      const components = await trx(richText.tableName)
        .insert(ids.map((_: number, k: number) => ({ body: JSON.stringify(paragraphsToBlocks(texts[Math.floor(k / 2)])) })))
        .returning('id');
      const componentIds = components.map((row: { id: number } | number) => (typeof row === 'number' ? row : row.id));

      const bodyLinks: Record<string, unknown>[] = [];
      const authorLinks: Record<string, unknown>[] = [];
      const sectionLinks: Record<string, unknown>[] = [];
      for (const [k, id] of ids.entries()) {
        const side = k % 2 === 0 ? 'draft' : 'published';
        const n = start + Math.floor(k / 2);
        bodyLinks.push({ entity_id: id, cmp_id: componentIds[k], component_type: 'content.rich-text', field: 'body', order: 1 });
        bylineOf(n).forEach((author, order) =>
          authorLinks.push({ article_id: id, author_id: author[side], author_ord: order + 1, article_ord: n + 1 }),
        );
        sectionLinks.push({ article_id: id, section_id: sections[n % sections.length][side], article_ord: n + 1 });
      }
      await trx(attr.body.joinTable.name).insert(bodyLinks);
      await trx(attr.authors.joinTable.name).insert(authorLinks);
      await trx(attr.section.joinTable.name).insert(sectionLinks);
    });
    await index.upsert(indexed);
    onProgress?.(start + size);
  }
  await index.optimize();
  // PostgreSQL plans from statistics that autovacuum refreshes within a minute or so of a bulk load (when it
  // runs: it is off on some machines); refresh them now, so what follows sees the plans production would.
  // SQLite keeps no statistics unless asked, and the CMS never asks.
  if (db.dialect.client === 'postgres') {
    const tables = [meta.tableName, richText.tableName, attr.body.joinTable.name, attr.authors.joinTable.name, attr.section.joinTable.name];
    await knex.raw(`ANALYZE ${tables.join(', ')}`);
  }
}

// Synthetic text: plausible headlines and sentences from a small vocabulary of the fictional city.
const SUBJECTS = [
  'Council',
  'Harbour board',
  'River authority',
  'Ferry operator',
  'Tenants\u2019 union',
  'Estuary trust',
  'Port workers',
  'Market traders',
  'Transport committee',
  'School governors',
];
const VERBS = ['approves', 'delays', 'questions', 'backs', 'rejects', 'reviews', 'expands', 'funds', 'pauses', 'reconsiders'];
const OBJECTS = [
  'new quay lighting',
  'the Westbank rent register',
  'a tidal barrier study',
  'night bus routes',
  'dredging of the channel',
  'a marsh restoration plan',
  'the Corn Exchange lease',
  'flood-proof housing',
  'a cargo levy',
  'the riverside cycle path',
];
const CLAUSES = [
  'after a public consultation',
  'despite objections from residents',
  'ahead of the winter storms',
  'as costs continue to rise',
  'following a year-long review',
  'in a narrow vote on Tuesday',
  'under pressure from local businesses',
  'while the budget remains unsettled',
];

function pick<T>(random: () => number, items: T[]) {
  return items[Math.floor(random() * items.length)];
}
function headline(random: () => number) {
  return `${pick(random, SUBJECTS)} ${pick(random, VERBS)} ${pick(random, OBJECTS)}`;
}
function paragraph(random: () => number) {
  return Array.from(
    { length: 3 },
    () => `The ${pick(random, SUBJECTS).toLowerCase()} ${pick(random, VERBS)} ${pick(random, OBJECTS)} ${pick(random, CLAUSES)}.`,
  ).join(' ');
}
function slugify(text: string) {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
/** A small seeded PRNG, so a run's text is varied but cheap to produce. */
function mulberry32(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
