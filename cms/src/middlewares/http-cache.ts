import { createHash } from 'crypto';
import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';
import { SURROGATE_KEY_HEADER, collectionKey } from '@newsroom/contract';
import { cmsEnv } from '../env';

// HTTP caching of the public API. Every 200 to a GET carries a strong ETag, and a request that already holds
// it (If-None-Match) gets a 304 without the body. An anonymous answer from a content type's REST route is
// public for EDGE_API_MAX_AGE at the edge (edge/edge.vcl), keyed by every document in it and, for a list, by
// its collection, so a publish purges exactly the answers it changed (src/refresh/edge-purge.ts). An answer
// to a token is private: the client may keep it and revalidate it, no shared cache may.

const collectionRoute = /^\/api\/([a-z0-9-]+)(\/[^/]+)?$/;

/** Every documentId in an answer: the entries and whatever they populate. */
function documentIds(value: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const item of value) documentIds(item, found);
  else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (key === 'documentId' && typeof item === 'string') found.add(item);
      else documentIds(item, found);
    }
  }
  return found;
}

/** A strong validator of the exact bytes sent. */
const etagOf = (json: string) => `"${createHash('sha256').update(json).digest('base64url').slice(0, 27)}"`;

/**
 * Whether a request's If-None-Match names this answer's ETag (weak comparison, RFC 9110 13.1.2). Not koa's
 * `ctx.fresh`: it answers no when the request says `Cache-Control: no-cache`, which fetch() adds to every
 * request with If-None-Match, so no browser or Node client would ever get its 304.
 */
function matches(ifNoneMatch: string, etag: string): boolean {
  if (!ifNoneMatch || !etag) return false;
  if (ifNoneMatch.trim() === '*') return true;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((tag) => opaque(tag) === opaque(etag));
}

export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const maxAge = cmsEnv().EDGE_API_MAX_AGE;
  // REST names (plural for a collection, singular for a single type) to content types.
  const routes = new Map<string, { uid: string; single: boolean }>();
  for (const [uid, model] of Object.entries(strapi.contentTypes)) {
    if (!uid.startsWith('api::')) continue;
    const { kind, info } = model as { kind: string; info: { pluralName: string; singularName: string } };
    if (kind === 'singleType') routes.set(info.singularName, { uid, single: true });
    else routes.set(info.pluralName, { uid, single: false });
  }

  return async (ctx: Context, next: Next) => {
    await next();
    if ((ctx.method !== 'GET' && ctx.method !== 'HEAD') || !ctx.path.startsWith('/api/') || ctx.status !== 200) return;
    if (
      ctx.body === null ||
      typeof ctx.body !== 'object' ||
      Buffer.isBuffer(ctx.body) ||
      typeof (ctx.body as { pipe?: unknown }).pipe === 'function'
    ) {
      return;
    }
    const answer = ctx.body;
    const json = JSON.stringify(answer);
    ctx.body = json;
    ctx.type = 'application/json';
    ctx.set('ETag', etagOf(json));

    const ownPolicy = ctx.response.get('Cache-Control');
    if (ctx.get('authorization')) {
      // An answer for a token may hold what the public cannot see (the edge passes such requests anyway).
      if (!/no-store/.test(ownPolicy)) ctx.set('Cache-Control', 'private, no-cache');
    } else if (!ownPolicy) {
      const match = collectionRoute.exec(ctx.path);
      const route = match && routes.get(match[1]);
      if (route) {
        const keys = documentIds(answer);
        // A list can change with any publish of its type; one entry's answer only with the documents in it.
        if (!match[2] || route.single) keys.add(collectionKey(route.uid));
        ctx.set('Cache-Control', `public, max-age=0, s-maxage=${maxAge}, stale-while-revalidate=60`);
        ctx.set(SURROGATE_KEY_HEADER, [...keys].join(' '));
      }
    }
    if (matches(ctx.get('if-none-match'), ctx.response.get('ETag'))) {
      ctx.status = 304;
      ctx.body = null;
    }
  };
};
