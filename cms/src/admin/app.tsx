import type { StrapiApp } from '@strapi/strapi/admin';
import type { ContentManagerPlugin } from '@strapi/content-manager/strapi-admin';
import { ArrowClockwise } from '@strapi/icons';
import { TranslationPanel } from './translation-panel';

// The admin set up for the newsroom: an article's edit view shows where its translation stands and can
// start another locale from a machine translation (src/translation, machine-drafts.ts); the home page shows
// whether what was published has reached the site (src/outbox).
export default {
  config: { locales: [] },
  register(app: StrapiApp) {
    app.widgets.register({
      id: 'site-refresh',
      icon: ArrowClockwise,
      title: { id: 'newsroom.site-refresh.title', defaultMessage: 'Site refresh' },
      component: async () => (await import('./site-refresh-widget')).SiteRefreshWidget,
    });
  },
  bootstrap(app: StrapiApp) {
    const contentManager = app.getPlugin('content-manager').apis as ContentManagerPlugin['config']['apis'];
    contentManager.addEditViewSidePanel([TranslationPanel]);
  },
};
