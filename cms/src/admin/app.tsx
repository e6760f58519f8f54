import type { StrapiApp } from '@strapi/strapi/admin';
import type { ContentManagerPlugin } from '@strapi/content-manager/strapi-admin';
import { TranslationPanel } from './translation-panel';

// The admin set up for the newsroom: an article's edit view shows where its translation stands and can
// start another locale from a machine translation (src/translation, machine-drafts.ts).
export default {
  config: { locales: [] },
  bootstrap(app: StrapiApp) {
    const contentManager = app.getPlugin('content-manager').apis as ContentManagerPlugin['config']['apis'];
    contentManager.addEditViewSidePanel([TranslationPanel]);
  },
};
