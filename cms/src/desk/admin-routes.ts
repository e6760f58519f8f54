import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { licencesEnding, needsFixing, recentlyPublished, scheduled, siteTimeZone, staleTranslations } from './attention';

/** The admin API behind the home page's desk widgets: one GET per widget, for editors signed in to the admin. */
export const DESK_ADMIN_PATHS = {
  scheduled: '/desk/scheduled',
  needsFixing: '/desk/needs-fixing',
  recentlyPublished: '/desk/recently-published',
  staleTranslations: '/desk/stale-translations',
  licencesEnding: '/desk/licences-ending',
} as const;

export function registerDeskAdminRoutes(strapi: Core.Strapi) {
  const views: Record<keyof typeof DESK_ADMIN_PATHS, () => Promise<object>> = {
    scheduled: async () => ({ items: await scheduled(strapi) }),
    needsFixing: () => needsFixing(strapi),
    recentlyPublished: async () => ({ items: await recentlyPublished(strapi) }),
    staleTranslations: () => staleTranslations(strapi),
    licencesEnding: () => licencesEnding(strapi),
  };
  strapi.server.routes({
    type: 'admin',
    routes: Object.entries(views).map(([name, view]) => ({
      method: 'GET',
      path: DESK_ADMIN_PATHS[name as keyof typeof DESK_ADMIN_PATHS],
      handler: async (ctx: Context) => {
        ctx.set('Cache-Control', 'no-store');
        ctx.body = { data: { timeZone: await siteTimeZone(strapi), ...(await view()) } };
      },
      config: { policies: ['admin::isAuthenticatedAdmin'] },
    })),
  } as never);
}
