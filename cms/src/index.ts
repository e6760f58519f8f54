import type { Core } from '@strapi/strapi';
import { registerPublishingPipeline } from './publishing/pipeline';
import { ensureScheduleTable } from './editorial/schedule';
import { ensureLocales } from './bootstrap/locales';
import { restrictPublicRole } from './bootstrap/public-access';
import { ensureWebApiToken } from './bootstrap/api-token';
import { ensureFirstAdmin } from './bootstrap/admin-account';
import { ensurePartnerTokens, registerPartnerTokenRules } from './bootstrap/partner-tokens';
import { seedDemoContent } from './seed';
import { retireRevalidationWebhook } from './webhooks/web-revalidation';
import { startSiteRefresh } from './refresh/site-refresh';
import { ensureOutboxTable } from './outbox/store';
import { stopOutboxWorker } from './outbox/worker';
import { registerOutboxAdminRoutes } from './outbox/admin-routes';
import { ensureSearchIndex } from './search';
import { registerTrendRules, searchTrends } from './trends/trends';
import { ensureReadIndexes } from './database/read-indexes';
import { cmsEnv } from './env';
import { machineTranslation } from './translation/service';
import { registerTranslationAdminRoutes } from './translation/admin-routes';
import { applyDeskViews } from './desk/apply-views';
import { registerDeskAdminRoutes } from './desk/admin-routes';
import { watchPictureRights } from './rights/withheld';

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    registerPublishingPipeline(strapi);
    registerTrendRules(strapi);
    registerPartnerTokenRules(strapi);
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await ensureLocales(strapi);
    await restrictPublicRole(strapi);
    await ensureWebApiToken(strapi);
    await ensurePartnerTokens(strapi);
    await ensureFirstAdmin(strapi);
    await ensureSearchIndex(strapi);
    await searchTrends(strapi).ensureSchema();
    await ensureScheduleTable(strapi);
    await ensureOutboxTable(strapi);
    await machineTranslation(strapi).ensureSchema();
    registerTranslationAdminRoutes(strapi);
    registerOutboxAdminRoutes(strapi);
    registerDeskAdminRoutes(strapi);
    await applyDeskViews(strapi);
    await ensureReadIndexes(strapi.db.connection);
    if (cmsEnv().SEED_DEMO_CONTENT) {
      await seedDemoContent(strapi);
    }
    // After the seed: its hundreds of writes have no pages to refresh (the web app has cached nothing yet).
    await retireRevalidationWebhook(strapi);
    await startSiteRefresh(strapi);
    await watchPictureRights(strapi);
  },

  async destroy() {
    await stopOutboxWorker();
  },
};
