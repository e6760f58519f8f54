import { ARTICLE } from '@newsroom/contract';
import type { Step } from '../publishing/pipeline';

// What the server owns: an editor or API client can never set the publishing times, nor the version of its
// original a translation follows and whether it is stale (translation/provenance.ts).
const SERVER_OWNED = ['firstPublishedAt', 'lastEditorialUpdateAt', 'translatedFromVersion', 'translationStale'] as const;

/** An article's publishing times are the server's: whatever a save sends for them is dropped. */
export const serverOwnedFields: Step = {
  name: 'server-owned fields',
  applies: (change) => change.uid === ARTICLE && (change.action === 'create' || change.action === 'update') && !!change.params.data,
  async run({ params }) {
    for (const field of SERVER_OWNED) delete params.data?.[field];
  },
};

/**
 * Stamps an article's drafts just before they are published, so the published copy inherits the times:
 * the first-published time once, on the first publish of each locale, never again; the editorial update
 * time ("Updated") on the first publish and on every publish the editor marks as an update (the
 * default), not on a silent republish such as a typo fix.
 */
export const publishingStamps: Step = {
  name: 'publishing stamps',
  applies: (change) => change.uid === ARTICLE && change.action === 'publish' && change.publishing.length > 0,
  async run({ strapi, publishing }) {
    const now = new Date();
    const query = strapi.db.query(ARTICLE);
    const firstTime = publishing.filter((draft) => !draft.firstPublishedAt).map((draft) => draft.id);
    const marked = publishing.filter((draft) => draft.markAsUpdate !== false || !draft.lastEditorialUpdateAt).map((draft) => draft.id);
    if (firstTime.length > 0) await query.updateMany({ where: { id: { $in: firstTime } }, data: { firstPublishedAt: now } });
    if (marked.length > 0) await query.updateMany({ where: { id: { $in: marked } }, data: { lastEditorialUpdateAt: now } });
  },
};
