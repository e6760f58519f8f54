import type { Core } from '@strapi/strapi';

type Knex = Core.Strapi['db']['connection'];

/**
 * Indexes for the reads the public site makes (web/lib/cms/articles.ts) that Strapi does not declare; without
 * them each of these reads scans every article, and grows with the archive (bench/cms-api.mjs measures it).
 * The one definition, used by the migration (existing databases) and at every start (a fresh database, whose
 * tables do not exist yet when migrations run). Strapi's schema sync leaves alone indexes it did not create.
 * IF NOT EXISTS goes by name: a changed definition needs a new name.
 */
export const READ_INDEXES = [
  // getArticle: WHERE slug = ? AND locale = ? AND published_at IS NOT NULL, and the same for its count.
  { name: 'articles_slug_lookup_idx', table: 'articles', columns: ['slug', 'locale', 'published_at'] },
  // Lists newest first: WHERE locale = ? AND published_at IS NOT NULL ORDER BY first_published_at DESC,
  // published_at DESC, id (Strapi adds the id). Read in this order, a page reads its own rows and stops,
  // instead of sorting every article of the locale.
  { name: 'articles_newest_first_idx', table: 'articles', columns: ['locale', 'first_published_at DESC', 'published_at DESC', 'id'] },
  // An article's components of one field (body, cover, seo, corrections): WHERE entity_id IN (...) AND field = ?.
  // Strapi indexes the two columns apart, and planners went through `field`, reading that field of every article.
  { name: 'articles_cmps_entity_field_idx', table: 'articles_cmps', columns: ['entity_id', 'field'] },
] as const;

/** Creates the read indexes that are missing, on the tables that exist. */
export async function ensureReadIndexes(knex: Knex) {
  for (const { name, table, columns } of READ_INDEXES) {
    if (!(await knex.schema.hasTable(table))) continue;
    await knex.raw(`CREATE INDEX IF NOT EXISTS ${name} ON ${table} (${columns.join(', ')})`);
  }
}
