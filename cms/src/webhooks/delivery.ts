import type { Core } from '@strapi/strapi';

type Webhook = { name: string; url: string; headers?: Record<string, string> };
type Result = { statusCode: number; message?: string };
// What the site's change events carry that a log line names (refresh/site-refresh.ts).
type Info = { event?: string; uid?: string; documentId?: string; locale?: string | null };
type Run = (webhook: Webhook, event: string, info?: Info) => Promise<Result>;

// Network failures (status 0), 5xx and rate limiting are worth another try; any other 4xx is a configuration
// problem (a wrong secret, a bad payload) that trying again will not fix.
const retryable = (status: number) => status === 0 || status >= 500 || status === 429;

/**
 * Strapi posts a webhook once and forgets it. For the named webhooks (the web app's page refreshes) this
 * retries a failed delivery with exponential backoff (base, 2×base, 4×base, ...) and logs every attempt
 * as one JSON line: event, entry, attempt, status, time taken and what the receiver says it refreshed.
 * It wraps the runner Strapi gives, so the webhook stays visible and editable in the admin.
 */
const WRAPPED = Symbol('retrying deliveries');

export function retryWebhookDeliveries(strapi: Core.Strapi, names: string[], { attempts = 6, baseMs = 1000 } = {}) {
  const runner = strapi.get('webhookRunner') as { run: Run; [WRAPPED]?: true };
  if (runner[WRAPPED]) return;
  runner[WRAPPED] = true;
  const strapiRun: Run = runner.run.bind(runner);
  // A pending retry never keeps a stopping process alive.
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms).unref());

  // The first attempt runs in Strapi's delivery queue; retries wait outside it, so that while the web app is
  // down its five workers keep delivering new events instead of sleeping on old ones.
  const deliver = async (webhook: Webhook, event: string, info: Info, attempt: number): Promise<Result> => {
    const started = Date.now();
    const result = await post(webhook, event, info);
    const ok = result.statusCode >= 200 && result.statusCode < 300;
    const last = ok || !retryable(result.statusCode) || attempt === attempts;
    const line = {
      msg: 'webhook delivery',
      webhook: webhook.name,
      event: info.event ?? event,
      uid: info.uid,
      documentId: info.documentId,
      locale: info.locale,
      attempt,
      status: result.statusCode,
      ms: Date.now() - started,
      ...(ok ? { refreshed: refreshedTags(result) } : { error: result.message?.slice(0, 300) }),
      ...(last && !ok ? { gaveUp: true } : {}),
    };
    if (ok) strapi.log.info(JSON.stringify(line));
    else strapi.log[last ? 'error' : 'warn'](JSON.stringify(line));
    if (!last) void sleep(baseMs * 2 ** (attempt - 1)).then(() => deliver(webhook, event, info, attempt + 1));
    return result;
  };

  runner.run = async (webhook, event, info = {}) =>
    names.includes(webhook.name) ? deliver(webhook, event, info, 1) : strapiRun(webhook, event, info);
}

/** One delivery, as Strapi's runner makes it (same body and headers), keeping the receiver's answer. */
async function post(webhook: Webhook, event: string, info: Info): Promise<Result> {
  try {
    const response = await fetch(webhook.url, {
      method: 'POST',
      body: JSON.stringify({ event, createdAt: new Date(), ...info }),
      headers: { ...webhook.headers, 'X-Strapi-Event': event, 'Content-Type': 'application/json' },
      signal: AbortSignal.timeout(10_000),
    });
    return { statusCode: response.status, message: await response.text() };
  } catch (error) {
    return { statusCode: 0, message: (error as Error).message };
  }
}

/** The tags the web app says it refreshed (its /api/revalidate answers `{ revalidated: [...] }`). */
function refreshedTags(result: Result) {
  try {
    return (JSON.parse(result.message ?? '{}') as { revalidated?: string[] }).revalidated;
  } catch {
    return undefined;
  }
}
