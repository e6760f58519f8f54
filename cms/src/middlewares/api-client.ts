import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';
import { apiClients } from '../public-api/api-client';
import { isPartnerRoute } from '../public-api/partner-routes';
import { cmsEnv } from '../env';

const problem = (ctx: Context, status: number, title: string, detail: string) => {
  ctx.status = status;
  ctx.set('Cache-Control', 'no-store');
  ctx.type = 'application/problem+json';
  ctx.body = JSON.stringify({ type: 'about:blank', title, status, detail });
};

/**
 * Identifies who asks the public API (a token by name, or an address: src/public-api/api-client.ts) for the
 * rate limits and the request log, and holds partner tokens to what they are for: every token but the web
 * app's reads published content of the public routes, and nothing else, whatever it was granted in the admin.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const identify = apiClients(strapi, new Set(cmsEnv().TRUSTED_PROXIES));
  return async (ctx: Context, next: Next) => {
    if (!ctx.path.startsWith('/api/')) return next();
    const client = await identify(ctx);
    ctx.state.apiClient = client;
    if (client.kind === 'token' && !client.web) {
      if (ctx.method !== 'GET' && ctx.method !== 'HEAD') {
        ctx.set('Allow', 'GET, HEAD');
        return problem(ctx, 405, 'Method Not Allowed', 'Partner tokens are read-only: they may GET published content.');
      }
      if (!isPartnerRoute(ctx.path)) {
        return problem(ctx, 403, 'Forbidden', `Partner tokens read the public content API only, not ${ctx.path}.`);
      }
    }
    await next();
  };
};
