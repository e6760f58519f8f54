import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { ARTICLE } from '@newsroom/contract';

const RUNS = 'editorial_schedule_runs';
// Times further back than this are history, not schedules: a CMS down for longer catches up only this far.
const CATCH_UP_MS = 7 * 24 * 3_600_000;

type Due = { documentId: string; locale: string; publishAt: string | Date | null; unpublishAt: string | Date | null };

const time = (value: string | Date | number) => new Date(typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value);

export async function ensureScheduleTable(strapi: Core.Strapi) {
  const knex = strapi.db.connection;
  if (await knex.schema.hasTable(RUNS)) return;
  await knex.schema.createTable(RUNS, (table) => {
    table.string('document_id', 64).notNullable();
    table.string('locale', 32).notNullable();
    table.string('action', 16).notNullable();
    table.string('due_at', 32).notNullable();
    table.string('ran_at', 32).notNullable();
    table.primary(['document_id', 'locale', 'action', 'due_at']);
  });
}

/** One timed action on one locale of a document, due at one time. */
export type ScheduledRun = { documentId: string; locale: string; action: string; dueAt: Date };

/**
 * Claims one scheduled action: a row keyed by document, locale, action and due time. Whichever CMS node
 * inserts it first runs the action; every other node (and every later minute) finds it taken. So a
 * schedule fires once, survives restarts (it is read from the articles each minute), and fires again
 * only if an editor sets a new time. `knex` may be a transaction the action's own writes are made in.
 */
export async function claimRun(knex: Knex, run: ScheduledRun, now: Date) {
  const inserted = await knex(RUNS)
    .insert({
      document_id: run.documentId,
      locale: run.locale,
      action: run.action,
      due_at: run.dueAt.toISOString(),
      ran_at: now.toISOString(),
    })
    .onConflict(['document_id', 'locale', 'action', 'due_at'])
    .ignore()
    .returning('document_id');
  return inserted.length > 0;
}

const claim = (strapi: Core.Strapi, due: Due, action: 'publish' | 'unpublish', dueAt: Date, now: Date) =>
  claimRun(strapi.db.connection, { documentId: due.documentId, locale: due.locale, action, dueAt }, now);

/**
 * Publishes the drafts whose publish time has come and unpublishes the articles whose unpublish time has
 * come, through the Document Service, so the publish checks, stamps, search index and webhooks follow
 * as for an editor's own click. Runs every minute (config/cron-tasks.ts); `now` is for tests.
 */
export async function runSchedules(strapi: Core.Strapi, now = new Date()) {
  const drafts: Due[] = await strapi.db.query(ARTICLE).findMany({
    where: {
      publishedAt: null,
      $or: [
        { publishAt: { $lte: now, $gt: new Date(now.getTime() - CATCH_UP_MS) } },
        { unpublishAt: { $lte: now, $gt: new Date(now.getTime() - CATCH_UP_MS) } },
      ],
    },
    select: ['documentId', 'locale', 'publishAt', 'unpublishAt'],
  });
  const documents = strapi.documents(ARTICLE);
  const done: string[] = [];
  for (const due of drafts) {
    const publishAt = due.publishAt ? time(due.publishAt) : null;
    const unpublishAt = due.unpublishAt ? time(due.unpublishAt) : null;
    const expired = unpublishAt !== null && unpublishAt <= now;
    try {
      if (publishAt && publishAt <= now && !expired && (await claim(strapi, due, 'publish', publishAt, now))) {
        await documents.publish({ documentId: due.documentId, locale: due.locale });
        done.push(`published ${due.documentId} (${due.locale})`);
      }
      const live = await strapi.db
        .query(ARTICLE)
        .count({ where: { documentId: due.documentId, locale: due.locale, publishedAt: { $notNull: true } } });
      if (expired && live > 0 && (await claim(strapi, due, 'unpublish', unpublishAt, now))) {
        await documents.unpublish({ documentId: due.documentId, locale: due.locale });
        done.push(`unpublished ${due.documentId} (${due.locale})`);
      }
    } catch (error) {
      // A refused publish (the pre-publish checks) stays refused until an editor fixes it and sets a new time.
      strapi.log.error(`scheduled ${due.documentId} (${due.locale}) not done: ${(error as Error).message}`);
    }
  }
  for (const line of done) strapi.log.info(`schedule: ${line}`);
  return done;
}
