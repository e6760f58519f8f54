import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import type { SiteChange } from '@newsroom/contract';

/**
 * The outbox of site refreshes: one row per change event and receiver (the web app, the edge, this CMS's
 * search index), written in the same transaction as the editor's write, so a committed publish always has
 * its refresh on record and a rolled-back one never does. Rows stay until delivered; delivered ones are kept
 * a while for the admin's view.
 */
export const OUTBOX = 'site_refresh_outbox';

export type Receiver = 'web' | 'edge' | 'search';

export type Delivery = {
  id: number;
  receiver: Receiver;
  change: SiteChange;
  attempts: number;
  createdAt: number;
};

type OutboxRow = {
  id: number;
  receiver: Receiver;
  payload: string;
  attempts: number;
  created_at: number | string;
  next_attempt_at: number | string;
  claimed_until: number | string | null;
  delivered_at: number | string | null;
  failed_at: number | string | null;
  last_status: number | null;
  last_error: string | null;
};

const DAY_MS = 86_400_000;

export async function ensureOutboxTable(strapi: Core.Strapi) {
  const knex = strapi.db.connection;
  if (await knex.schema.hasTable(OUTBOX)) return;
  await knex.schema.createTable(OUTBOX, (table) => {
    table.increments('id').primary();
    table.string('receiver', 16).notNullable();
    table.text('payload').notNullable();
    table.integer('attempts').notNullable().defaultTo(0);
    // Times in epoch milliseconds: the same arithmetic on both databases.
    table.bigInteger('created_at').notNullable();
    table.bigInteger('next_attempt_at').notNullable();
    table.bigInteger('claimed_until').nullable();
    table.bigInteger('delivered_at').nullable();
    table.bigInteger('failed_at').nullable();
    table.integer('last_status').nullable();
    table.text('last_error').nullable();
    // What the worker asks for: undelivered rows that are due.
    table.index(['delivered_at', 'failed_at', 'next_attempt_at'], 'site_refresh_outbox_due');
  });
}

/**
 * Records the events for each receiver, through `trx` (the editor's write's own transaction), due at
 * `dueAt` (now, or later for a receiver served at once after the commit: the outbox is then its safety net).
 * Returns the rows' ids.
 */
export async function enqueue(
  trx: Knex.Transaction | Knex,
  changes: SiteChange[],
  receivers: Receiver[],
  { now = Date.now(), dueAt = now }: { now?: number; dueAt?: number } = {},
): Promise<number[]> {
  const rows = changes.flatMap((change) =>
    receivers.map((receiver) => ({
      receiver,
      payload: JSON.stringify(change),
      attempts: 0,
      created_at: now,
      next_attempt_at: dueAt,
    })),
  );
  if (rows.length === 0) return [];
  const inserted: ({ id: number } | number)[] = await trx(OUTBOX).insert(rows).returning('id');
  return inserted.map((row) => (typeof row === 'object' ? row.id : row));
}

const toDelivery = (row: OutboxRow): Delivery => ({
  id: row.id,
  receiver: row.receiver,
  change: JSON.parse(row.payload) as SiteChange,
  attempts: row.attempts,
  createdAt: Number(row.created_at),
});

/**
 * Claims up to `limit` due deliveries for `leaseMs`: no other worker takes them meanwhile, and if this
 * process dies the lease runs out and another node delivers them. On PostgreSQL the rows are locked while
 * they are claimed (`FOR UPDATE SKIP LOCKED`), so two nodes never claim the same row; SQLite has one writer.
 */
export async function claimDue(knex: Knex, { limit, leaseMs, now = Date.now() }: { limit: number; leaseMs: number; now?: number }) {
  return knex.transaction(async (trx) => {
    let due = trx<OutboxRow>(OUTBOX)
      .whereNull('delivered_at')
      .whereNull('failed_at')
      .where('next_attempt_at', '<=', now)
      .where((q) => q.whereNull('claimed_until').orWhere('claimed_until', '<', now))
      .orderBy('id')
      .limit(limit);
    if (knex.client.config.client === 'postgres' || knex.client.config.client === 'pg') due = due.forUpdate().skipLocked();
    const rows = (await due) as OutboxRow[];
    if (rows.length === 0) return [];
    await trx(OUTBOX)
      .whereIn(
        'id',
        rows.map((row) => row.id),
      )
      .update({ claimed_until: now + leaseMs });
    return rows.map(toDelivery);
  });
}

/** Rows the CMS served itself right after the commit (the search index): done, nothing left for the worker. */
export async function markServed(knex: Knex, ids: number[], now = Date.now()) {
  if (ids.length > 0) await knex(OUTBOX).whereIn('id', ids).whereNull('delivered_at').update({ delivered_at: now, last_status: 200 });
}

export async function markDelivered(knex: Knex, delivery: Delivery, status: number, now = Date.now()) {
  await knex(OUTBOX)
    .where('id', delivery.id)
    .update({ delivered_at: now, attempts: delivery.attempts + 1, last_status: status, last_error: null, claimed_until: null });
}

/** Another try at `retryAt`; or, for a refusal no retry can fix, failed for good (the health output counts these). */
export async function markFailed(
  knex: Knex,
  delivery: Delivery,
  { status, error, retryAt, now = Date.now() }: { status: number; error: string; retryAt: number | null; now?: number },
) {
  await knex(OUTBOX)
    .where('id', delivery.id)
    .update({
      attempts: delivery.attempts + 1,
      last_status: status,
      last_error: error.slice(0, 500),
      claimed_until: null,
      ...(retryAt === null ? { failed_at: now } : { next_attempt_at: retryAt }),
    });
}

export type Backlog = { pending: number; failed: number; oldestPendingMs: number | null };

/** What waits: undelivered rows (and how long the oldest has waited), and those that failed for good. */
export async function backlog(knex: Knex, now = Date.now()): Promise<Backlog> {
  const [pending] = await knex(OUTBOX).whereNull('delivered_at').whereNull('failed_at').count({ count: '*' }).min({ oldest: 'created_at' });
  const [failed] = await knex(OUTBOX).whereNotNull('failed_at').count({ count: '*' });
  const oldest = pending?.oldest === null || pending?.oldest === undefined ? null : Number(pending.oldest);
  return {
    pending: Number(pending?.count ?? 0),
    failed: Number(failed?.count ?? 0),
    oldestPendingMs: oldest === null ? null : now - oldest,
  };
}

export type DeliveryView = {
  id: number;
  receiver: Receiver;
  event: string;
  uid: string;
  documentId: string;
  locale: string | null;
  state: 'pending' | 'delivered' | 'failed';
  attempts: number;
  lastStatus: number | null;
  lastError: string | null;
  createdAt: string;
  deliveredAt: string | null;
};

/** The newest deliveries, for the admin. */
export async function recentDeliveries(knex: Knex, limit = 20): Promise<DeliveryView[]> {
  const rows = (await knex<OutboxRow>(OUTBOX).orderBy('id', 'desc').limit(limit)) as OutboxRow[];
  return rows.map((row) => {
    const change = JSON.parse(row.payload) as SiteChange;
    return {
      id: row.id,
      receiver: row.receiver,
      event: change.event,
      uid: change.uid,
      documentId: change.documentId,
      locale: change.locale ?? null,
      state: row.delivered_at !== null ? 'delivered' : row.failed_at !== null ? 'failed' : 'pending',
      attempts: row.attempts,
      lastStatus: row.last_status,
      lastError: row.last_error,
      createdAt: new Date(Number(row.created_at)).toISOString(),
      deliveredAt: row.delivered_at === null ? null : new Date(Number(row.delivered_at)).toISOString(),
    };
  });
}

/** Refused deliveries back in the queue, as new (npm run outbox:retry, once the cause is fixed): how many. */
export async function retryFailed(knex: Knex, now = Date.now()) {
  return knex(OUTBOX).whereNotNull('failed_at').update({ failed_at: null, attempts: 0, next_attempt_at: now, claimed_until: null });
}

/** Delivered rows older than `keepMs` go (a week by default): the outbox is a queue, not an archive. */
export async function pruneDelivered(knex: Knex, { keepMs = 7 * DAY_MS, now = Date.now() } = {}) {
  await knex(OUTBOX)
    .whereNotNull('delivered_at')
    .where('delivered_at', '<', now - keepMs)
    .delete();
}
