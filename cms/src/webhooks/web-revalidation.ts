import type { Core } from '@strapi/strapi';
import { retryWebhookDeliveries } from './delivery';

export const WEB_REVALIDATION_WEBHOOK = 'web: refresh pages';
export const REVALIDATE_SECRET_HEADER = 'x-revalidate-secret';
const EVENTS = ['entry.create', 'entry.update', 'entry.delete', 'entry.publish', 'entry.unpublish'];

type Webhook = { id: string | number; name: string; url: string; headers: Record<string, string>; events: string[]; isEnabled: boolean };

/**
 * Registers (or corrects) the webhook that tells the web app what changed, pointing at WEB_URL with
 * the shared REVALIDATE_SECRET; its deliveries are retried and logged (delivery.ts). Stored webhooks are loaded before the app's bootstrap, so a webhook
 * created or changed here is also handed to the runner.
 */
export async function registerWebRevalidation(strapi: Core.Strapi) {
  const webUrl = (process.env.WEB_URL || 'http://127.0.0.1:3000').replace(/\/$/, '');
  const secret = process.env.REVALIDATE_SECRET || 'local-revalidate-secret';
  const wanted = {
    name: WEB_REVALIDATION_WEBHOOK,
    url: `${webUrl}/api/revalidate`,
    headers: { [REVALIDATE_SECRET_HEADER]: secret },
    events: EVENTS,
    isEnabled: true,
  };

  retryWebhookDeliveries(strapi, [WEB_REVALIDATION_WEBHOOK], {
    attempts: Number(process.env.WEBHOOK_ATTEMPTS || 6),
    baseMs: Number(process.env.WEBHOOK_RETRY_BASE_MS || 1000),
  });

  const store = strapi.get('webhookStore');
  const runner = strapi.get('webhookRunner');
  const existing = ((await store.findWebhooks()) as Webhook[]).find((webhook) => webhook.name === wanted.name);

  if (!existing) {
    runner.add(await store.createWebhook(wanted));
    return;
  }
  const same =
    existing.url === wanted.url &&
    existing.isEnabled &&
    existing.headers?.[REVALIDATE_SECRET_HEADER] === secret &&
    EVENTS.every((event) => existing.events.includes(event));
  if (!same) runner.update(await store.updateWebhook(existing.id, wanted));
}
