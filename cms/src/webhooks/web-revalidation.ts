import type { Core } from '@strapi/strapi';
import { REVALIDATE_PATH, REVALIDATE_SECRET_HEADER } from '@newsroom/contract';
import { SITE_CHANGE_EVENT } from '../refresh/site-refresh';
import { retryWebhookDeliveries } from './delivery';
import { cmsEnv } from '../env';

export const WEB_REVALIDATION_WEBHOOK = 'web: refresh pages';
const EVENTS = [SITE_CHANGE_EVENT];

type Webhook = { id: string | number; name: string; url: string; headers: Record<string, string>; events: string[]; isEnabled: boolean };

/**
 * Registers (or corrects) the webhook that tells the web app what changed: it subscribes to the site's
 * change events (refresh/site-refresh.ts), points at WEB_URL and carries the shared REVALIDATE_SECRET. Its
 * deliveries are retried and logged (delivery.ts), and it stays visible in the admin (Settings →
 * Webhooks). Stored webhooks are loaded before the app's bootstrap, so one created or changed here is also
 * handed to the runner.
 */
export async function registerWebRevalidation(strapi: Core.Strapi) {
  const env = cmsEnv();
  if (env.WEB_URL === '') {
    strapi.log.info('WEB_URL is blank: no web app is told of changes');
    return;
  }
  const webUrl = env.WEB_URL.replace(/\/$/, '');
  const secret = env.REVALIDATE_SECRET;
  const wanted = {
    name: WEB_REVALIDATION_WEBHOOK,
    url: `${webUrl}${REVALIDATE_PATH}`,
    headers: { [REVALIDATE_SECRET_HEADER]: secret },
    events: EVENTS,
    isEnabled: true,
  };

  retryWebhookDeliveries(strapi, [WEB_REVALIDATION_WEBHOOK], {
    attempts: env.WEBHOOK_ATTEMPTS,
    baseMs: env.WEBHOOK_RETRY_BASE_MS,
  });

  const store = strapi.get('webhookStore');
  store.addAllowedEvent('SITE_CHANGE', SITE_CHANGE_EVENT);
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
    existing.events.length === EVENTS.length &&
    EVENTS.every((event) => existing.events.includes(event));
  if (!same) runner.update(await store.updateWebhook(existing.id, wanted));
}
