import type { Core } from '@strapi/strapi';
import { EDGE_PURGE_HEADER, collectionKey, type SiteChange } from '@newsroom/contract';
import { SITE_CHANGE_EVENT } from './site-refresh';
import { cmsEnv } from '../env';

/**
 * Purges the edge's copies of API answers a change affects, and only those: the answers that hold the
 * document (its surrogate key, src/middlewares/edge-cache.ts) and the lists of its type. It follows the same
 * change events as the web app (none for a draft save), from the node that made the change. The site's
 * pages are purged by the web app, right after it has made them stale (web/cache-handler.mjs).
 */
export function registerEdgePurge(strapi: Core.Strapi) {
  const purgeUrl = cmsEnv().EDGE_PURGE_URL;
  if (!purgeUrl) return;
  strapi.eventHub.on(SITE_CHANGE_EVENT, async (change: SiteChange) => {
    const keys = [change.documentId, collectionKey(change.uid)];
    try {
      const response = await fetch(purgeUrl, {
        method: 'PURGE',
        headers: { [EDGE_PURGE_HEADER]: keys.join(' ') },
        signal: AbortSignal.timeout(2_000),
      });
      strapi.log.info(JSON.stringify({ msg: 'edge purged', keys, status: response.status }));
    } catch (error) {
      strapi.log.warn(JSON.stringify({ msg: 'edge purge failed', keys, error: (error as Error).message }));
    }
  });
}
