import type { Core } from '@strapi/strapi';
import { ARTICLE, CONTENT_TYPES } from '@newsroom/contract';
import { SearchIndexer } from './indexer';
import type { Step } from '../publishing/pipeline';
import { markServed } from '../outbox/store';

const LABELS = [CONTENT_TYPES.author.uid, CONTENT_TYPES.tag.uid] as const;

const indexers = new WeakMap<Core.Strapi, SearchIndexer>();

/** The one indexer of this Strapi instance (created on first use, once the database is up). */
export function searchIndexer(strapi: Core.Strapi): SearchIndexer {
  let indexer = indexers.get(strapi);
  if (!indexer) {
    indexer = new SearchIndexer(strapi);
    indexers.set(strapi, indexer);
  }
  return indexer;
}

/**
 * The index follows every change made through the Document Service (the admin, the REST API, the seed,
 * scheduled jobs): after an article changes, that document is reconciled; after an author's or tag's
 * name changes, the articles showing it are, in the background. An indexing failure is logged and never
 * undoes what the editor did; `npm run search:reindex` repairs the index.
 */
export const searchIndex: Step = {
  name: 'search index',
  applies: ({ uid, action }) => uid === ARTICLE || ((LABELS as readonly string[]).includes(uid) && action !== 'create'),
  async run({ strapi, uid, documentId, searchOutbox = [] }) {
    if (!documentId) return;
    const served = () => markServed(strapi.db.connection, searchOutbox);
    if (uid === ARTICLE) {
      await searchIndexer(strapi).syncDocument(documentId);
      return served();
    }
    // In the background: a renamed tag may be on thousands of articles.
    void syncLabel(strapi, uid, documentId)
      .then(served)
      .catch((error) => strapi.log.error(`search index: articles of ${documentId} not synced: ${error.message}`));
  },
};

/** Whether the index shows this type: articles, and the authors' and tags' names on them. */
export const indexed = (uid: string) => uid === ARTICLE || (LABELS as readonly string[]).includes(uid);

/** Brings the index up to date with one document (the outbox's search receiver, and the step above). */
export function syncIndexed(strapi: Core.Strapi, uid: string, documentId: string) {
  return uid === ARTICLE ? searchIndexer(strapi).syncDocument(documentId) : syncLabel(strapi, uid, documentId);
}

const syncLabel = (strapi: Core.Strapi, uid: string, documentId: string) =>
  searchIndexer(strapi).syncRelated(uid as (typeof LABELS)[number], documentId);

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
