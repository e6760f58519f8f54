import type { Core } from '@strapi/strapi';
import { ARTICLE, CONTENT_TYPES, type PublicState, type SiteChange } from '@newsroom/contract';
import { readRows, type Row } from '../publishing/document';
import type { Step } from '../publishing/pipeline';
import { enqueue } from '../outbox/store';
import { indexed } from '../search';
import { activeReceivers } from '../outbox/receivers';
import { outboxWorker, receiverConfig } from '../outbox/worker';

/** The site's change event: recorded in the outbox for the web app and the edge, and told to this process's listeners. */
export const SITE_CHANGE_EVENT = 'site.change';

const EVENT_OF: Record<string, SiteChange['event']> = {
  create: 'entry.create',
  update: 'entry.update',
  publish: 'entry.publish',
  unpublish: 'entry.unpublish',
  delete: 'entry.delete',
  discardDraft: 'entry.update',
};

const iso = (value: string | Date | null | undefined) => (value ? new Date(value).toISOString() : '');

/** What readers can see of one row: its address, its version and, for an article, the lists it is on. */
export function publicState(uid: string, row: Row): PublicState {
  const state: PublicState = { version: iso(row.publishedAt ?? row.updatedAt), slug: row.slug ?? null };
  if (uid !== ARTICLE) return state;
  return {
    ...state,
    section: row.section?.documentId ?? null,
    series: row.series?.documentId ?? null,
    authors: (row.authors ?? []).map((a) => a.documentId),
    tags: (row.tags ?? []).map((t) => t.documentId),
    stale: row.translationStale === true,
  };
}

/**
 * The public state of a document per locale: its published rows, or every row of a type without draft &
 * publish. A slug redirect belongs to the locale of the address it keeps (`language`).
 */
export function publicStates(uid: string, draftAndPublish: boolean, rows: Row[]): Map<string | null, PublicState> {
  const states = new Map<string | null, PublicState>();
  for (const row of rows) {
    if (draftAndPublish && !row.publishedAt) continue;
    const locale = uid === CONTENT_TYPES.slugRedirect.uid ? (row.language ?? null) : (row.locale ?? null);
    states.set(locale, publicState(uid, row));
  }
  return states;
}

const same = (a: PublicState | null, b: PublicState | null) => JSON.stringify(a) === JSON.stringify(b);

/** One event per locale whose public state the write changed; none for a change readers cannot see. */
export function siteChanges(
  uid: string,
  documentId: string,
  action: string,
  before: Map<string | null, PublicState>,
  after: Map<string | null, PublicState>,
): SiteChange[] {
  const locales = new Set([...before.keys(), ...after.keys()]);
  const changes: SiteChange[] = [];
  for (const locale of locales) {
    const was = before.get(locale) ?? null;
    const now = after.get(locale) ?? null;
    if (same(was, now)) continue;
    changes.push({ event: EVENT_OF[action] ?? 'entry.update', uid, documentId, locale, before: was, after: now });
  }
  return changes;
}

/**
 * Tells the web app and the edge what readers can now see differently: the public state of each changed
 * locale before and after the write, so the web app refreshes exactly the pages that showed or now show the
 * entry. The events are recorded in the outbox inside the write's own transaction (they commit or roll back
 * with it) and delivered once it commits (outbox/worker.ts). A draft save changes nothing public and records
 * nothing.
 */
// How long the search index step has to serve its outbox rows before a worker does it instead.
const SEARCH_GRACE_MS = 5_000;

// Off while the CMS boots (the demo seed's hundreds of writes have no web app to refresh: it has cached
// nothing yet); on from the end of bootstrap for every write.
let recording = false;

/** Starts recording and delivering site refreshes (the end of bootstrap). */
export async function startSiteRefresh(strapi: Core.Strapi) {
  recording = true;
  outboxWorker(strapi).start();
}

/** Tells this process's listeners and the outbox worker about changes just committed. */
export function announceSiteChanges(strapi: Core.Strapi, changes: SiteChange[]) {
  for (const change of changes) strapi.eventHub.emit(SITE_CHANGE_EVENT, change);
  outboxWorker(strapi).kick();
}

export const siteRefresh: Step = {
  name: 'site refresh',
  applies: () => true,
  async run(change) {
    const { strapi, uid, action, documentId, before } = change;
    if (!documentId || !recording) return;
    const draftAndPublish = !!(strapi.getModel(uid as typeof ARTICLE)?.options as { draftAndPublish?: boolean } | undefined)
      ?.draftAndPublish;
    const after = await readRows(strapi, uid, documentId);
    const changes = siteChanges(
      uid,
      documentId,
      action,
      publicStates(uid, draftAndPublish, before),
      publicStates(uid, draftAndPublish, after),
    );
    if (changes.length === 0) return;
    const receivers = activeReceivers(receiverConfig());
    await strapi.db.transaction(async ({ trx, onCommit }) => {
      await enqueue(trx, changes, receivers);
      // The search index is brought up to date right after the commit (the search index step); its rows
      // fall due later, so the worker only steps in when this process died before that.
      if (indexed(uid)) change.searchOutbox = await enqueue(trx, changes, ['search'], { dueAt: Date.now() + SEARCH_GRACE_MS });
      onCommit(() => announceSiteChanges(strapi, changes));
    });
  },
};
