import type { Core } from '@strapi/strapi';
import { registerPublishingPipeline } from './publishing/pipeline';
import { ensureScheduleTable } from './editorial/schedule';
import { ensureLocales } from './bootstrap/locales';
import { restrictPublicRole } from './bootstrap/public-access';
import { ensureWebApiToken } from './bootstrap/api-token';
import { ensureFirstAdmin } from './bootstrap/admin-account';
import { seedDemoContent } from './seed';
import { registerWebRevalidation } from './webhooks/web-revalidation';
import { registerEdgePurge } from './refresh/edge-purge';
import { ensureSearchIndex } from './search';
import { registerTrendRules, searchTrends } from './trends/trends';
import { ensureReadIndexes } from './database/read-indexes';
import { cmsEnv } from './env';
import { machineTranslation } from './translation/service';
import { registerTranslationAdminRoutes } from './translation/admin-routes';

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    registerPublishingPipeline(strapi);
    registerTrendRules(strapi);
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await ensureLocales(strapi);
    await restrictPublicRole(strapi);
    await ensureWebApiToken(strapi);
    await ensureFirstAdmin(strapi);
    await ensureSearchIndex(strapi);
    await searchTrends(strapi).ensureSchema();
    await ensureScheduleTable(strapi);
    await machineTranslation(strapi).ensureSchema();
    registerTranslationAdminRoutes(strapi);
    await ensureReadIndexes(strapi.db.connection);
    if (cmsEnv().SEED_DEMO_CONTENT) {
      await seedDemoContent(strapi);
    }
    // After the seed: a first start's hundreds of seed events would otherwise be posted to a web app that has
    // cached nothing yet (and is often not up), and their retries would hold the delivery queue for a while.
    await registerWebRevalidation(strapi);
    registerEdgePurge(strapi);
  },
};
