import type { Core } from '@strapi/strapi';
import { ARTICLE, contentTypeName } from '@newsroom/contract';
import { isDraft, readRows, touchesLocale, type Row } from './document';
import { prePublishChecks } from '../editorial/publish-checks';
import { publishingStamps, serverOwnedFields } from '../editorial/publishing-stamps';
import { slugHistory } from '../editorial/slug-history';
import { searchIndex } from '../search';
import { siteRefresh } from '../refresh/site-refresh';
import { staleTranslations, translationFollowsOriginal } from '../translation/provenance';

/** What the Document Service was asked to do to one document, read once and handed to every step. */
export type Change = {
  strapi: Core.Strapi;
  uid: string;
  action: string;
  params: { documentId?: string; locale?: string | string[]; data?: Record<string, unknown>; status?: string };
  /** Known before the write, except for a create (then set from what it wrote). */
  documentId: string | null;
  /** Every row of the document before the write. */
  before: Row[];
  /** The drafts a publish makes public: the locales it was asked for. */
  publishing: Row[];
  /** The outbox rows of the search index for this write, served by the search index step once committed. */
  searchOutbox?: number[];
};

export type Step = { name: string; applies: (change: Change) => boolean; run: (change: Change) => Promise<void> };

// The order is the point. A refused publish stamps nothing and records no redirect. The site's refresh is
// recorded in the outbox inside the write's transaction, so a publish is never committed without it (nor it
// without the publish); the search index hears of a change only once it is committed (and a failure there
// never undoes the editor's work).
const BEFORE_WRITE: Step[] = [serverOwnedFields, prePublishChecks, publishingStamps, translationFollowsOriginal];
const AFTER_WRITE: Step[] = [slugHistory, staleTranslations, siteRefresh];
const AFTER_COMMIT: Step[] = [searchIndex];

const WRITES = new Set(['create', 'update', 'delete', 'publish', 'unpublish', 'discardDraft']);

/**
 * The one Document Service middleware through which every write to a type the site shows passes, from
 * the admin, the REST API, the seed or a scheduled job: the steps above, in that order, in one transaction
 * (the caller's, when it has one: the admin wraps a publish in one).
 */
export function registerPublishingPipeline(strapi: Core.Strapi) {
  strapi.documents.use(async (context, next) => {
    if (!WRITES.has(context.action) || !contentTypeName(context.uid)) return next();
    const params = context.params as Change['params'];

    // A create or update "with status published" publishes inside Strapi, out of the middlewares' sight: an
    // article is saved as a draft first, then published through the Document Service like any other publish.
    if (context.uid === ARTICLE && (context.action === 'create' || context.action === 'update') && params.status === 'published') {
      delete params.status;
      const draft = (await next()) as { documentId: string };
      const published = await strapi.documents(ARTICLE).publish({ documentId: draft.documentId, locale: params.locale as string });
      return published.entries[0];
    }

    // In the caller's transaction, the after-commit steps wait for its commit; in our own, they run (and are
    // awaited) once it has committed, so a script's publish returns with the search index up to date.
    if (strapi.db.inTransaction())
      return runSteps(strapi, context.uid, context.action, params, next, (change) => afterCommit(strapi, change));
    let committed: Change | null = null;
    const result = await strapi.db.transaction(() =>
      runSteps(strapi, context.uid, context.action, params, next, async (change) => void (committed = change)),
    );
    if (committed) await runAfterCommit(committed);
    return result;
  });
}

/** The steps around one write: before it, the write (`next`), after it, and once it commits. */
async function runSteps<T>(
  strapi: Core.Strapi,
  uid: string,
  action: string,
  params: Change['params'],
  next: () => T,
  whenCommitted: (change: Change) => Promise<void>,
): Promise<Awaited<T>> {
  const documentId = params.documentId ?? null;
  const before = documentId ? await readRows(strapi, uid, documentId, { figures: action === 'publish' }) : [];
  const defaultLocale: string = await strapi.plugin('i18n').service('locales').getDefaultLocale();
  const touched = touchesLocale(params.locale, defaultLocale);
  const change: Change = {
    strapi,
    uid,
    action,
    params,
    documentId,
    before,
    publishing: action === 'publish' ? before.filter((row) => isDraft(row) && touched(row)) : [],
  };

  for (const step of BEFORE_WRITE) if (step.applies(change)) await step.run(change);
  const result = await next();
  change.documentId ??= (result as { documentId?: string } | null)?.documentId ?? null;
  if (!change.documentId) return result;
  for (const step of AFTER_WRITE) if (step.applies(change)) await step.run(change);
  await whenCommitted(change);
  return result;
}

async function runAfterCommit(change: Change) {
  for (const step of AFTER_COMMIT) {
    if (!step.applies(change)) continue;
    await step
      .run(change)
      .catch((error: Error) => change.strapi.log.error(`${step.name}: ${change.uid} ${change.documentId}: ${error.message}`));
  }
}

// When one transaction writes a document more than once (the admin's publish saves the draft, then
// publishes it), the steps after the commit run once for it: from its state before the first write, as the
// strongest of the writes (a save then a publish is a publish).
const STRENGTH = ['discardDraft', 'update', 'create', 'publish', 'unpublish', 'delete'];
const pending = new WeakMap<object, Map<string, Change>>();

/**
 * Runs the after-commit steps once the caller's transaction commits (the admin wraps a publish in one):
 * they may write through their own connection, which SQLite's single one would deadlock on, and they must
 * never act on what a rollback undoes.
 */
async function afterCommit(strapi: Core.Strapi, change: Change) {
  await strapi.db.transaction(async ({ trx, onCommit, onRollback }) => {
    const queued = pending.get(trx) ?? new Map<string, Change>();
    pending.set(trx, queued);
    const key = `${change.uid}:${change.documentId}`;
    const earlier = queued.get(key);
    if (earlier) {
      if (STRENGTH.indexOf(change.action) > STRENGTH.indexOf(earlier.action)) earlier.action = change.action;
      earlier.searchOutbox = [...(earlier.searchOutbox ?? []), ...(change.searchOutbox ?? [])];
      return;
    }
    queued.set(key, change);
    onCommit(() => {
      queued.delete(key);
      void runAfterCommit(change);
    });
    onRollback(() => queued.delete(key));
  });
}
