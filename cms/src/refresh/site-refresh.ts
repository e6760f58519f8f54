import type { Core } from '@strapi/strapi';
import { ARTICLE, CONTENT_TYPES, type PublicState, type SiteChange } from '@newsroom/contract';
import { readRows, type Row } from '../publishing/document';
import type { Step } from '../publishing/pipeline';

/** The event Strapi's webhook runner delivers to the web app (a webhook subscribes to it: web-revalidation.ts). */
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
 * Tells the web app what readers can now see differently: the public state of each changed locale before
 * and after the write, so it refreshes exactly the pages that showed or now show the entry. A draft save
 * changes nothing public and sends nothing.
 */
export const siteRefresh: Step = {
  name: 'site refresh',
  applies: () => true,
  async run({ strapi, uid, action, documentId, before }) {
    if (!documentId) return;
    const draftAndPublish = !!(strapi.getModel(uid as typeof ARTICLE)?.options as { draftAndPublish?: boolean } | undefined)
      ?.draftAndPublish;
    const after = await readRows(strapi, uid, documentId);
    for (const change of siteChanges(
      uid,
      documentId,
      action,
      publicStates(uid, draftAndPublish, before),
      publicStates(uid, draftAndPublish, after),
    )) {
      emit(strapi, change);
    }
  },
};

function emit(strapi: Core.Strapi, change: SiteChange) {
  strapi.eventHub.emit(SITE_CHANGE_EVENT, change);
}
