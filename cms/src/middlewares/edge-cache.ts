import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';
import { SURROGATE_KEY_HEADER, collectionKey } from '@newsroom/contract';
import { cmsEnv } from '../env';

// What the edge (edge/edge.vcl) may keep of the public API, and under which surrogate keys it is purged
// (src/refresh/edge-purge.ts): an anonymous 200 from a content type's REST route is public for
// EDGE_API_MAX_AGE, keyed by every document in it and, for a list, by its collection. Answers to a token and
// other routes say nothing, and the edge does not keep them.

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
    if ((ctx.method !== 'GET' && ctx.method !== 'HEAD') || !ctx.path.startsWith('/api/')) return;
    // An answer for a token may hold what the public cannot see (the edge passes such requests anyway).
    if (ctx.get('authorization')) return;
    const match = collectionRoute.exec(ctx.path);
    const route = match && routes.get(match[1]);
    if (!route || ctx.status !== 200 || ctx.response.get('Cache-Control')) return;
    const keys = documentIds(ctx.body);
    // A list can change with any publish of its type; one entry's answer only with the documents in it.
    if (!match[2] || route.single) keys.add(collectionKey(route.uid));
    ctx.set('Cache-Control', `public, max-age=0, s-maxage=${maxAge}, stale-while-revalidate=60`);
    ctx.set(SURROGATE_KEY_HEADER, [...keys].join(' '));
  };
};
