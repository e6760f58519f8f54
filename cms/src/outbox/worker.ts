import type { Core } from '@strapi/strapi';
import { cmsEnv } from '../env';
import { deliver, retryable, type ReceiverConfig } from './receivers';
import { syncIndexed } from '../search';
import { claimDue, markDelivered, markFailed, pruneDelivered, type Delivery } from './store';

type Options = { pollMs: number; baseMs: number; maxBackoffMs: number; leaseMs: number; batch: number };

/**
 * Delivers the outbox on every CMS node: at once after a write commits (`kick`), and every `pollMs` for
 * retries and for what another node left (its lease ran out: it died mid-delivery). A failed delivery is
 * tried again after base, 2×base, 4×base, ... up to `maxBackoffMs`, until the receiver takes it; so a web app
 * that is down when editors publish gets every event once it is back. Each attempt is one JSON log line.
 */
export function createOutboxWorker(strapi: Core.Strapi, config: ReceiverConfig, options: Options) {
  const knex = strapi.db.connection;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;

  async function attempt(delivery: Delivery) {
    const started = Date.now();
    const answer = delivery.receiver === 'search' ? await reindex(delivery) : await deliver(delivery.receiver, delivery.change, config);
    const ok = answer.status >= 200 && answer.status < 300;
    const attempt = delivery.attempts + 1;
    const retry = !ok && retryable(answer.status);
    const line = {
      msg: 'refresh delivery',
      receiver: delivery.receiver,
      event: delivery.change.event,
      uid: delivery.change.uid,
      documentId: delivery.change.documentId,
      locale: delivery.change.locale,
      attempt,
      status: answer.status,
      ms: Date.now() - started,
      waitedMs: started - delivery.createdAt,
      ...(ok ? refreshed(delivery, answer.body) : { error: answer.body.slice(0, 300) }),
      ...(!ok && !retry ? { gaveUp: true } : {}),
    };
    if (ok) {
      await markDelivered(knex, delivery, answer.status);
      strapi.log.info(JSON.stringify(line));
      return;
    }
    const backoff = Math.min(options.baseMs * 2 ** (attempt - 1), options.maxBackoffMs);
    await markFailed(knex, delivery, { status: answer.status, error: answer.body, retryAt: retry ? Date.now() + backoff : null });
    strapi.log[retry ? 'warn' : 'error'](JSON.stringify(retry ? { ...line, retryInMs: backoff } : line));
  }

  // The search index is this CMS's own: brought up to date with the document as it is now.
  async function reindex({ change }: Delivery) {
    try {
      await syncIndexed(strapi, change.uid, change.documentId);
      return { status: 200, body: '' };
    } catch (error) {
      return { status: 500, body: (error as Error).message };
    }
  }

  /** Claims and delivers what is due until nothing is; one pass at a time per node, a kick meanwhile runs another. */
  async function drain() {
    do {
      again = false;
      for (;;) {
        if (stopped) return;
        const due = await claimDue(knex, { limit: options.batch, leaseMs: options.leaseMs });
        if (due.length === 0) break;
        await Promise.all(due.map((delivery) => attempt(delivery)));
      }
    } while (again && !stopped);
  }

  function kick() {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = drain()
      .catch((error: Error) => void strapi.log.warn(JSON.stringify({ msg: 'refresh outbox unavailable', error: error.message })))
      .finally(() => (running = null));
  }

  return {
    kick,
    start() {
      const tick = () => {
        kick();
        timer = setTimeout(tick, options.pollMs);
        timer.unref();
      };
      tick();
      // Delivered rows are pruned once a day (and at start).
      void pruneDelivered(knex).catch(() => undefined);
      setInterval(() => void pruneDelivered(knex).catch(() => undefined), 86_400_000).unref();
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}

/** What the web app says it refreshed (`{ revalidated: [...] }`), or what the edge says it purged. */
function refreshed(delivery: Delivery, body: string) {
  if (delivery.receiver === 'edge') return { purged: body.trim().slice(0, 100) };
  if (delivery.receiver === 'search') return {};
  try {
    return { refreshed: (JSON.parse(body) as { revalidated?: string[] }).revalidated };
  } catch {
    return {};
  }
}

let worker: ReturnType<typeof createOutboxWorker> | null = null;

/** Where this node delivers: the environment's WEB_URL, REVALIDATE_SECRET and EDGE_PURGE_URL. */
export function receiverConfig(): ReceiverConfig {
  const env = cmsEnv();
  return { webUrl: env.WEB_URL, revalidateSecret: env.REVALIDATE_SECRET, edgePurgeUrl: env.EDGE_PURGE_URL ?? '' };
}

/** This node's worker (started at bootstrap); the pipeline kicks it after each commit. */
export function outboxWorker(strapi: Core.Strapi) {
  if (!worker) {
    const env = cmsEnv();
    worker = createOutboxWorker(strapi, receiverConfig(), {
      pollMs: env.OUTBOX_POLL_MS,
      baseMs: env.WEBHOOK_RETRY_BASE_MS,
      maxBackoffMs: env.OUTBOX_MAX_BACKOFF_MS,
      leaseMs: 30_000,
      batch: 20,
    });
  }
  return worker;
}

/** Forgets this process's worker (tests start several CMSs in one process). */
export async function stopOutboxWorker() {
  await worker?.stop();
  worker = null;
}
