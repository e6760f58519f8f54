import { EDGE_PURGE_HEADER, REVALIDATE_PATH, REVALIDATE_SECRET_HEADER, collectionKey, type SiteChange } from '@newsroom/contract';
import type { Receiver } from './store';

// The edge keys every answer of Next's image optimiser by its path (edge/edge.vcl): this one.
const NEXT_IMAGE_KEY = '/_next/image';

/** A receiver's answer: its HTTP status (0: it could not be reached) and what it said. */
export type Answer = { status: number; body: string };

export type ReceiverConfig = { webUrl: string; revalidateSecret: string; edgePurgeUrl: string };

/** The receivers this node delivers to: the web app when WEB_URL is set, the edge when EDGE_PURGE_URL is. */
export const activeReceivers = (config: ReceiverConfig): Receiver[] => [
  ...(config.webUrl ? (['web'] as const) : []),
  ...(config.edgePurgeUrl ? (['edge'] as const) : []),
];

async function send(url: string, init: RequestInit, timeoutMs: number): Promise<Answer> {
  try {
    const response = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
    return { status: response.status, body: await response.text() };
  } catch (error) {
    return { status: 0, body: (error as Error).message };
  }
}

/**
 * Delivers one change event. The web app's /api/revalidate makes the pages that showed or now show the entry
 * stale (the same body Strapi's webhooks sent before the outbox); the edge drops the API
 * answers that hold the document and the lists of its type (src/middlewares/http-cache.ts names them).
 */
export function deliver(receiver: Receiver, change: SiteChange, config: ReceiverConfig): Promise<Answer> {
  if (receiver === 'web') {
    return send(
      `${config.webUrl.replace(/\/$/, '')}${REVALIDATE_PATH}`,
      {
        method: 'POST',
        body: JSON.stringify({ createdAt: new Date().toISOString(), ...change }),
        headers: { [REVALIDATE_SECRET_HEADER]: config.revalidateSecret, 'Content-Type': 'application/json' },
      },
      10_000,
    );
  }
  return send(config.edgePurgeUrl, { method: 'PURGE', headers: { [EDGE_PURGE_HEADER]: edgeKeys(change).join(' ') } }, 2_000);
}

/**
 * The edge's surrogate keys a change makes stale: the document's API answers and its type's lists; when a
 * picture's licence ended, its files (keyed by path) and the site's resized images (one key for all of them).
 */
export function edgeKeys(change: SiteChange): string[] {
  const withheld = change.after?.picturesWithheld ?? [];
  return [change.documentId, collectionKey(change.uid), ...withheld, ...(withheld.length > 0 ? [NEXT_IMAGE_KEY] : [])];
}

// Network failures (status 0), 5xx and rate limiting are worth another try; any other 4xx is a refusal (a
// wrong secret, a payload the receiver rejects) that the same request will never get past.
export const retryable = (status: number) => status === 0 || status >= 500 || status === 429;
