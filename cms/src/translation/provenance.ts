import { ARTICLE } from '@newsroom/contract';
import type { Step } from '../publishing/pipeline';
import { versionOf } from './service';

// Where a translation stands against its original. Publishing a translation brings it up to date: it now
// follows the original's current published version. Publishing the original again makes every
// translation that follows an older version stale (shown in the admin and on the page) until an editor
// publishes it again.

/** A translation being published follows the original's version of now, and is no longer stale. */
export const translationFollowsOriginal: Step = {
  name: 'translation follows its original',
  applies: (change) => change.uid === ARTICLE && change.action === 'publish' && change.publishing.some((draft) => !!draft.translatedFrom),
  async run({ strapi, before, publishing }) {
    for (const draft of publishing) {
      if (!draft.translatedFrom) continue;
      const original = before.find((row) => row.publishedAt && row.locale === draft.translatedFrom);
      await strapi.db.query(ARTICLE).update({
        where: { id: draft.id },
        data: { translatedFromVersion: original ? versionOf({ publishedAt: original.publishedAt! }) : null, translationStale: false },
      });
    }
  },
};

/** The original published anew: the translations that follow an older version of it are stale. */
export const staleTranslations: Step = {
  name: 'stale translations',
  applies: (change) => change.uid === ARTICLE && change.action === 'publish' && change.publishing.length > 0,
  async run({ strapi, documentId, publishing }) {
    const query = strapi.db.query(ARTICLE);
    for (const draft of publishing) {
      const published = await query.findOne({
        where: { documentId, locale: draft.locale, publishedAt: { $notNull: true } },
        select: ['publishedAt'],
      });
      if (!published) continue;
      await query.updateMany({
        where: {
          documentId,
          translatedFrom: draft.locale,
          locale: { $ne: draft.locale },
          translationStale: { $ne: true },
          $or: [{ translatedFromVersion: { $null: true } }, { translatedFromVersion: { $ne: versionOf(published) } }],
        },
        data: { translationStale: true },
      });
    }
  },
};
