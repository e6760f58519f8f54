import type { Core } from '@strapi/strapi';
import { SearchIndexer } from './indexer';

const ARTICLE = 'api::article.article';
const LABELS = ['api::author.author', 'api::tag.tag'] as const;
const CHANGES = new Set(['create', 'update', 'publish', 'unpublish', 'delete', 'discardDraft']);

const indexers = new WeakMap<Core.Strapi, SearchIndexer>();

/** The one indexer of this Strapi instance (created on first use, once the database is up). */
export function searchIndexer(strapi: Core.Strapi) {
  if (!indexers.has(strapi)) indexers.set(strapi, new SearchIndexer(strapi));
  return indexers.get(strapi);
}

/**
 * The index follows every change made through the Document Service (the admin, the REST API, the seed,
 * scheduled jobs): after an article changes, that document is reconciled; after an author's or tag's
 * name changes, the articles showing it are, in the background. An indexing failure is logged and never
 * undoes what the editor did; `npm run search:reindex` repairs the index.
 */
export function registerSearchIndexing(strapi: Core.Strapi) {
  // Inside a caller's transaction (the admin wraps a publish in one) the index waits for the commit: it
  // writes through its own connection, which SQLite's single one would deadlock on, and it must never
  // hold what a rollback undoes.
  const afterCommit = async (work: () => Promise<void>) => {
    if (!strapi.db.inTransaction()) return work();
    await strapi.db.transaction(async ({ onCommit }) => onCommit(() => void work()));
  };

  strapi.documents.use(async (context, next) => {
    const result = await next();
    if (!CHANGES.has(context.action)) return result;
    const documentId = (context.params as { documentId?: string }).documentId ?? (result as { documentId?: string })?.documentId;
    if (!documentId) return result;

    if (context.uid === ARTICLE) {
      await afterCommit(() =>
        searchIndexer(strapi)
          .syncDocument(documentId)
          .catch((error) => {
            strapi.log.error(`search index: article ${documentId} not synced: ${error.message}`);
          }),
      );
    } else if ((LABELS as readonly string[]).includes(context.uid) && context.action !== 'create') {
      // In the background: a renamed tag may be on thousands of articles.
      await afterCommit(async () => {
        void searchIndexer(strapi)
          .syncRelated(context.uid as (typeof LABELS)[number], documentId)
          .catch((error) => strapi.log.error(`search index: articles of ${documentId} not synced: ${error.message}`));
      });
    }
    return result;
  });
}

// Raised whenever what the index stores changes, so an existing database is re-indexed at the next start.
const INDEX_VERSION = 3;

/**
 * Creates the index tables, and (re)builds the index when it was built by another version of this code,
 * or is empty while articles are published.
 */
export async function ensureSearchIndex(strapi: Core.Strapi) {
  const indexer = searchIndexer(strapi);
  const marker = strapi.store({ type: 'app', name: 'search', key: 'index' });
  await indexer.engine.ensureSchema();
  const built = (await marker.get()) as { version?: number } | null;
  const current = built?.version === INDEX_VERSION && (await indexer.engine.count()) > 0;
  if (!current) {
    const published = await strapi.db.query(ARTICLE).count({ where: { publishedAt: { $notNull: true } } });
    if (published > 0) {
      strapi.log.info(`Building the search index for ${published} published articles...`);
      await indexer.rebuild();
    }
  }
  await marker.set({ value: { version: INDEX_VERSION } });
}
