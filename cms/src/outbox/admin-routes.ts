import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { backlog, recentDeliveries } from './store';

/** The admin API's view of the outbox (the home page's "Site refresh" widget), behind an editor's session. */
export const SITE_REFRESH_ADMIN_PATH = '/site-refresh/deliveries';

export function registerOutboxAdminRoutes(strapi: Core.Strapi) {
  strapi.server.routes({
    type: 'admin',
    routes: [
      {
        method: 'GET',
        path: SITE_REFRESH_ADMIN_PATH,
        handler: async (ctx: Context) => {
          const knex = strapi.db.connection;
          ctx.set('Cache-Control', 'no-store');
          ctx.body = { data: { backlog: await backlog(knex), deliveries: await recentDeliveries(knex, 15) } };
        },
        config: { policies: ['admin::isAuthenticatedAdmin'] },
      },
    ],
  } as never);
}
