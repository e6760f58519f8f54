import type { Core } from '@strapi/strapi';
import type { SiteChange } from '@newsroom/contract';
import { claimRun } from '../editorial/schedule';
import { readRows } from '../publishing/document';
import { enqueue } from '../outbox/store';
import { activeReceivers } from '../outbox/receivers';
import { receiverConfig } from '../outbox/worker';
import { announceSiteChanges, publicStates } from '../refresh/site-refresh';
import { refreshPictureRights } from './withheld';

// When a picture's licence ends, the pages, feeds and API answers that show it must change without anyone
// republishing: every minute (config/cron-tasks.ts, with scheduled publishing) each published entry showing
// a picture whose licence has just ended gets a change event through the site refresh outbox, as a publish
// would. The event names the files withheld, so the edge drops them too. Claimed once per entry, locale and
// end time across every CMS node (the schedule's own runs table); a CMS that was down catches up.

const CATCH_UP_MS = 7 * 24 * 3_600_000;
const ACTION = 'rights-ended';

export async function endPictureRights(strapi: Core.Strapi, now = new Date()) {
  const pictures = await refreshPictureRights(strapi);
  const ended = pictures.filter((picture) => {
    const endsAt = Date.parse(picture.endsAt);
    return endsAt <= now.getTime() && endsAt > now.getTime() - CATCH_UP_MS;
  });
  const done: string[] = [];
  for (const picture of ended) {
    for (const use of picture.uses) {
      const model = strapi.getModel(use.uid as 'api::article.article') as { options?: { draftAndPublish?: boolean } } | undefined;
      const draftAndPublish = !!model?.options?.draftAndPublish;
      const state = publicStates(use.uid, draftAndPublish, await readRows(strapi, use.uid, use.documentId)).get(use.locale);
      if (!state) continue;
      const withheld = pictures
        .filter(
          (p) => Date.parse(p.endsAt) <= now.getTime() && p.uses.some((u) => u.documentId === use.documentId && u.locale === use.locale),
        )
        .flatMap((p) => p.paths);
      const change: SiteChange = {
        event: 'entry.update',
        uid: use.uid,
        documentId: use.documentId,
        locale: use.locale,
        before: state,
        after: { ...state, picturesWithheld: withheld },
      };
      const claimed = await strapi.db.connection.transaction(async (trx) => {
        const run = { documentId: use.documentId, locale: use.locale, action: ACTION, dueAt: new Date(picture.endsAt) };
        if (!(await claimRun(trx, run, now))) return false;
        await enqueue(trx, [change], activeReceivers(receiverConfig()));
        return true;
      });
      if (!claimed) continue;
      announceSiteChanges(strapi, [change]);
      done.push(`${picture.name} withheld from ${use.uid} ${use.documentId} (${use.locale})`);
    }
  }
  for (const line of done) strapi.log.info(`picture rights: ${line}; its licence ended`);
  return done;
}
