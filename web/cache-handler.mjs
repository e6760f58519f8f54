// The page cache that several web nodes share (used when REDIS_URL is set; next.config.ts). Every rendered
// page, route answer and CMS fetch is kept in Redis, so a page rendered on one node is served by all and a
// tag revalidated on one node is stale on all. Each node also keeps a copy in its own memory and answers
// from it while no tag of the page was revalidated since; while Redis is away (its client fails at once
// when not connected), memory alone answers, so pages keep being served; when Redis is back, every node
// forgets its memory copies (a publish made meanwhile reached one node at most, and a restarted Redis no
// longer knows what was revalidated), purges the edge, and reads and writes Redis again.
//
// The edge (Varnish) is purged here too, in the one order that is safe: a tag's pages are first dropped from
// Redis, then from the edge, so the edge's next request renders anew instead of fetching the stale copy
// back. Which pages those are, the handler records itself: for every page and route it stores, the tags it
// was rendered with, as Redis sets of cache keys. Next's own tags header would say the
// same, but `next start` does not send it.
import { CacheHandler } from '@fortedigital/nextjs-cache-handler';
import createRedisHandler from '@fortedigital/nextjs-cache-handler/redis-strings';
import { createClient } from '@redis/client';
import contract from '@newsroom/contract';
import { memoryLevel } from './cache-memory.mjs';

const { DEFAULT_LOCALE, EDGE_PURGE_HEADER, SITE_PAGES_KEY } = contract;
const IMPLICIT_TAG = '_N_T_';
// Redis keys beside the handler's own, all under the prefix (REDIS_KEY_PREFIX, so sites can share a Redis):
// per tag, the cache keys of the pages rendered with it (the edge's index), and per tag, when it was last
// revalidated. An index entry outlives its pages (cached a day at most without a refresh).
const DEFAULT_PREFIX = 'newsroom:web:';
const EDGE_INDEX_TTL_SECONDS = 2 * 86_400;
const edgeIndexKey = (prefix, tag) => `${prefix}edge:${tag}`;
const tagRevalidatedKey = (prefix) => `${prefix}tag-revalidated`;
// Keys per PURGE request: well inside the edge's header size limit.
const PURGE_BATCH = 100;
// Next's default `expireTime` (next.config sets none): how long a page may be served stale while it re-renders.
const EXPIRE_SECONDS = 31_536_000;

const log = (line) => console.log(JSON.stringify({ at: new Date().toISOString(), ...line }));

/** A Redis client that reconnects by itself; `onBack` runs each time it is back after being away. */
function connect(url, onBack) {
  const client = createClient({
    url,
    // A command while Redis is away fails at once instead of queueing: the node serves from memory.
    disableOfflineQueue: true,
    socket: { connectTimeout: 2_000, reconnectStrategy: (retries) => Math.min(200 * (retries + 1), 2_000) },
  });
  let down = false;
  client.on('error', (error) => {
    if (!down) log({ msg: 'redis unavailable: serving from this node’s memory', error: error.message });
    down = true;
  });
  client.on('ready', () => {
    if (down) {
      log({ msg: 'redis back' });
      onBack();
    }
    down = false;
  });
  client.connect().catch(() => {
    // Reported by the error handler; the client keeps reconnecting.
  });
  return client;
}

/** The tags an entry was rendered with: a page's come in its headers, a route's in `tags`. */
function tagsOf(entry) {
  const header = entry?.value?.headers?.['x-next-cache-tags'];
  const fromHeader = typeof header === 'string' ? header.split(',') : Array.isArray(header) ? header : [];
  return [...new Set([...(entry?.tags ?? []), ...fromHeader])].filter((tag) => tag && !tag.startsWith(IMPLICIT_TAG));
}

/**
 * The address readers use for a page's cache key (`/route-cache/APP_PAGE/<build>/$/en/articles/x` in Next 16,
 * the route's path in earlier ones): the default locale's pages have no prefix.
 */
export function publicPath(cacheKey) {
  const marker = cacheKey.indexOf('/$/');
  const route = marker === -1 ? cacheKey : cacheKey.slice(marker + 2);
  if (route === `/${DEFAULT_LOCALE}`) return '/';
  return route.startsWith(`/${DEFAULT_LOCALE}/`) ? route.slice(DEFAULT_LOCALE.length + 1) : route;
}

async function purgeEdge(purgeUrl, tag, keys) {
  for (let i = 0; i < keys.length; i += PURGE_BATCH) {
    const batch = keys.slice(i, i + PURGE_BATCH);
    try {
      const response = await fetch(purgeUrl, {
        method: 'PURGE',
        headers: { [EDGE_PURGE_HEADER]: batch.join(' ') },
        signal: AbortSignal.timeout(2_000),
      });
      log({ msg: 'edge purged', tag, keys: batch, status: response.status });
    } catch (error) {
      // The edge keeps the page until its own expiry; the next publish of it tries again.
      log({ msg: 'edge purge failed', tag, keys: batch, error: error.message });
    }
  }
}

/**
 * Next keeps a page's Cache-Control (its revalidate time) in the memory of the node that rendered it. A node
 * reading the page from the shared cache needs it in the entry, or it answers without Cache-Control and the
 * edge may not keep the page.
 */
function withCacheControl(entry) {
  if (entry && !entry.cacheControl && entry.lifespan?.revalidate) {
    entry.cacheControl = { revalidate: entry.lifespan.revalidate, expire: EXPIRE_SECONDS };
  }
  return entry;
}

/** Redis commands besides the handler's own fail after this long: the node answers from memory instead. */
const REDIS_TIMEOUT_MS = 1_000;

/**
 * This node's memory first, Redis behind it, the edge's index written beside each page and the edge purged
 * after each revalidation. A page in memory is served if no tag of it was revalidated (on any node) since it
 * was rendered: one small Redis read (`<prefix>tag-revalidated`, tag to time) instead of fetching and
 * decoding the page from Redis on every request. While Redis is away, memory alone answers.
 */
function sharedHandler(client, prefix, purgeUrl) {
  const redis = createRedisHandler({ client, keyPrefix: prefix, timeoutMs: REDIS_TIMEOUT_MS });
  // A node's memory is a small first level in front of Redis (which holds every page): cache-memory.mjs.
  const megabytes = Number(process.env.WEB_MEMORY_CACHE_MB || 64);
  const newMemory = () => memoryLevel(megabytes * 1024 * 1024);
  let memory = newMemory();
  const revalidatedAt = tagRevalidatedKey(prefix);
  const timed = () => client.withAbortSignal(AbortSignal.timeout(REDIS_TIMEOUT_MS));

  async function stillFresh(entry, implicitTags) {
    const tags = [...new Set([...entry.tags, ...implicitTags])];
    if (tags.length === 0) return true;
    const times = await timed().hmGet(revalidatedAt, tags);
    return times.every((time) => !time || Number(time) <= entry.lastModified);
  }

  /**
   * Redis is back: this node's memory copies may predate a publish it was not told of, and pages rendered
   * meanwhile were not indexed for the edge. So memory is emptied first, then the edge drops every page
   * (each node does both, so no stale copy can be refetched into the edge after the last purge).
   */
  function afterOutage() {
    memory = newMemory();
    if (purgeUrl) void purgeEdge(purgeUrl, 'redis back', [SITE_PAGES_KEY]);
  }

  return {
    afterOutage,
    name: 'memory-then-redis',
    async get(key, meta) {
      const local = await memory.get(key, meta);
      if (local) {
        const fresh = client.isReady ? await stillFresh(local, meta?.implicitTags ?? []).catch(() => true) : true;
        if (fresh) return withCacheControl(local);
        await memory.delete(key);
      }
      if (!client.isReady) return null;
      const shared = await redis.get(key, meta);
      if (shared) await memory.set(key, shared);
      return withCacheControl(shared);
    },
    async set(key, entry, ctx) {
      await memory.set(key, entry, ctx);
      await redis.set(key, entry, ctx);
      // Pages and routes are keyed by path; fetches by a hash, and the edge never sees those.
      const kind = entry?.value?.kind;
      if (!purgeUrl || !key.startsWith('/') || (kind !== 'APP_PAGE' && kind !== 'APP_ROUTE')) return;
      const multi = client.multi();
      for (const tag of tagsOf(entry)) {
        multi.sAdd(edgeIndexKey(prefix, tag), key);
        multi.expire(edgeIndexKey(prefix, tag), EDGE_INDEX_TTL_SECONDS);
      }
      await multi.exec();
    },
    async revalidateTag(tag) {
      await memory.revalidateTag(tag);
      // Every node's memory copies rendered before now are stale from here on.
      await timed().hSet(revalidatedAt, tag, Date.now());
      await redis.revalidateTag(tag);
      if (!purgeUrl || tag.startsWith(IMPLICIT_TAG)) return;
      const keys = await client.sMembers(edgeIndexKey(prefix, tag));
      if (keys.length > 0) await purgeEdge(purgeUrl, tag, [...new Set(keys.map(publicPath))].sort());
    },
  };
}

CacheHandler.onCreation(() => {
  if (globalThis.__sharedCacheConfig) return globalThis.__sharedCacheConfig;
  const prefix = process.env.REDIS_KEY_PREFIX || DEFAULT_PREFIX;
  const purgeUrl = process.env.EDGE_PURGE_URL || '';
  let handler;
  const client = connect(process.env.REDIS_URL, () => handler.afterOutage());
  handler = sharedHandler(client, prefix, purgeUrl);
  globalThis.__sharedCacheConfig = { handlers: [handler] };
  return globalThis.__sharedCacheConfig;
});

export default CacheHandler;
