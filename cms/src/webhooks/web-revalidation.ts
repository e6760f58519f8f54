import type { Core } from '@strapi/strapi';

/** The Strapi webhook that once carried the site's change events (before the outbox, src/outbox). */
export const WEB_REVALIDATION_WEBHOOK = 'web: refresh pages';

type Webhook = { id: string | number; name: string };

/**
 * The site's refreshes go through the outbox now: a webhook left by an earlier version would post every
 * event a second time, from memory, and lose it on a restart. It is removed at start (the admin's Settings →
 * Webhooks keeps any webhook an editor made); the admin home's "Site refresh" widget shows the deliveries.
 */
export async function retireRevalidationWebhook(strapi: Core.Strapi) {
  const store = strapi.get('webhookStore');
  const runner = strapi.get('webhookRunner');
  for (const webhook of (await store.findWebhooks()) as Webhook[]) {
    if (webhook.name !== WEB_REVALIDATION_WEBHOOK) continue;
    await store.deleteWebhook(webhook.id);
    runner.remove(webhook);
  }
}
