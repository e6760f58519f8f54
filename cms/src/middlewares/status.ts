import type { Context, Next } from 'koa';
import type { Core } from '@strapi/strapi';
import { backlog } from '../outbox/store';

// GET /_status: what an operator (or a monitor) asks a CMS node beyond Strapi's bare /_health (204): whether
// its database answers, and the site refresh outbox's backlog (README, Operations). Never cached.
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) =>
  async (ctx: Context, next: Next) => {
    if (ctx.path !== '/_status' || (ctx.method !== 'GET' && ctx.method !== 'HEAD')) return next();
    ctx.set('Cache-Control', 'no-store');
    try {
      const outbox = await backlog(strapi.db.connection);
      ctx.status = 200;
      ctx.body = { status: 'ok', database: 'up', outbox };
    } catch (error) {
      ctx.status = 503;
      ctx.set('Retry-After', '5');
      ctx.body = { status: 'unavailable', database: 'down', error: (error as Error).message.slice(0, 200) };
    }
  };
