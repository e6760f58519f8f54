// The edge's index in Redis, named once for the cache handler that writes it (cache-handler.mjs) and the
// revalidation route that reads it (lib/edge.ts): per cache tag, the cache keys of the pages rendered with it.

/** Longer than any page is cached without a refresh (the one-day fallback), so an entry outlives its pages. */
export const EDGE_INDEX_TTL_SECONDS = 2 * 86_400;

/** Every key the site writes to Redis starts with this, so several sites can share one Redis. */
export const redisKeyPrefix = (configured) => configured || 'newsroom:web:';

/** The set of cache keys rendered with `tag`. */
export const edgeIndexKey = (prefix, tag) => `${prefix}edge:${tag}`;
