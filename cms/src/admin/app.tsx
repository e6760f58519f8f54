import type { StrapiApp } from '@strapi/strapi/admin';
import type { ContentManagerPlugin } from '@strapi/content-manager/strapi-admin';
import { ArrowClockwise, Calendar, CheckCircle, Earth, Images, WarningCircle } from '@strapi/icons';
import { TranslationPanel } from './translation-panel';
import { ScheduleCell } from './schedule-cell';

// The admin set up for the newsroom: the home page shows what needs attention today (src/desk) and whether
// what was published has reached the site (src/outbox); the article list says what is scheduled; an
// article's edit view shows where its translation stands and can start another locale from a machine
// translation (src/translation, machine-drafts.ts). Labels, hints and list columns: src/desk/views.ts.

type Header = { name: string; cellFormatter?: unknown };

export default {
  config: { locales: [] },
  register(app: StrapiApp) {
    const widget = (id: string, title: string, icon: typeof Calendar, load: () => Promise<() => JSX.Element>) =>
      app.widgets.register({ id, icon, title: { id: `newsroom.${id}.title`, defaultMessage: title }, component: load });
    widget('scheduled', 'Scheduled (next 48 hours)', Calendar, async () => (await import('./desk-widgets')).ScheduledWidget);
    widget('needs-fixing', 'Needs fixing before publish', WarningCircle, async () => (await import('./desk-widgets')).NeedsFixingWidget);
    widget('recently-published', 'Recently published', CheckCircle, async () => (await import('./desk-widgets')).RecentlyPublishedWidget);
    widget('stale-translations', 'Stale translations', Earth, async () => (await import('./desk-widgets')).StaleTranslationsWidget);
    widget(
      'licences-ending',
      'Picture licences ending (14 days)',
      Images,
      async () => (await import('./desk-widgets')).LicencesEndingWidget,
    );
    widget('site-refresh', 'Site refresh', ArrowClockwise, async () => (await import('./site-refresh-widget')).SiteRefreshWidget);
  },
  bootstrap(app: StrapiApp) {
    const contentManager = app.getPlugin('content-manager').apis as ContentManagerPlugin['config']['apis'];
    contentManager.addEditViewSidePanel([TranslationPanel]);
    // The article list's "Publish at" column says what the schedule will do, not just a time.
    app.registerHook(
      'Admin/CM/pages/ListView/inject-column-in-table',
      ({ displayedHeaders, layout }: { displayedHeaders: Header[]; layout: unknown }) => ({
        displayedHeaders: displayedHeaders.map((header) =>
          header.name === 'publishAt'
            ? { ...header, cellFormatter: (row: Parameters<typeof ScheduleCell>[0]) => <ScheduleCell {...row} /> }
            : header,
        ),
        layout,
      }),
    );
  },
};
