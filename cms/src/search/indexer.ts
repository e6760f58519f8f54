import type { Core } from '@strapi/strapi';
import type { SearchEngine } from './engine';
import { createSearchEngine } from './engines';
import { ARTICLE } from '@newsroom/contract';
import { toIndexedArticle } from './documents';
const BATCH = 500;

const POPULATE = {
  body: true,
  section: { select: ['slug', 'name'] },
  authors: { select: ['slug', 'name'] },
  tags: { select: ['slug', 'name'] },
} as const;

/**
 * Keeps the search index equal to the published articles. Every change to an article reconciles that
 * one document: each locale published now is (re)indexed, every other locale dropped. So drafts are
 * never indexed, and a publish, update, unpublish or delete all take the same, idempotent path.
 */
export class SearchIndexer {
  constructor(
    private readonly strapi: Core.Strapi,
    readonly engine: SearchEngine = createSearchEngine(strapi),
  ) {}

  async syncDocument(documentId: string) {
    const rows = await this.strapi.db
      .query(ARTICLE)
      .findMany({ where: { documentId, publishedAt: { $notNull: true } }, populate: POPULATE });
    const published = rows.map(toIndexedArticle);
    const live = new Set(published.map((article) => article.locale));
    const stale = (await this.engine.indexedLocales(documentId)).filter((locale) => !live.has(locale));
    if (stale.length > 0) await this.engine.remove(documentId, stale);
    if (published.length > 0) await this.engine.upsert(published);
  }

  /** Re-indexes the articles that show a changed author's or tag's name. */
  async syncRelated(uid: 'api::author.author' | 'api::tag.tag', documentId: string) {
    const field = uid === 'api::author.author' ? 'authors' : 'tags';
    const rows: { documentId: string }[] = await this.strapi.db
      .query(ARTICLE)
      .findMany({ where: { publishedAt: { $notNull: true }, [field]: { documentId } }, select: ['documentId'] });
    for (const documentId of new Set(rows.map((row) => row.documentId))) await this.syncDocument(documentId);
  }

  /** Rebuilds the whole index from the published articles, in batches. */
  async rebuild(onProgress?: (done: number, total: number) => void) {
    const query = this.strapi.db.query(ARTICLE);
    const total = await query.count({ where: { publishedAt: { $notNull: true } } });
    await this.engine.clear();
    let lastId = 0;
    let done = 0;
    onProgress?.(0, total);
    for (;;) {
      const rows = await query.findMany({
        where: { publishedAt: { $notNull: true }, id: { $gt: lastId } },
        orderBy: { id: 'asc' },
        limit: BATCH,
        populate: POPULATE,
      });
      if (rows.length === 0) break;
      // A document with two published rows in one locale (a restored database can hold such a pair) is indexed
      // once, from its last row: an engine may not write one key twice in one batch.
      const articles = new Map(rows.map(toIndexedArticle).map((article) => [`${article.documentId}\u0000${article.locale}`, article]));
      await this.engine.upsert([...articles.values()]);
      lastId = rows.at(-1).id;
      done += rows.length;
      onProgress?.(done, total);
    }
    await this.engine.optimize();
    return done;
  }
}
