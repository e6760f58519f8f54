import cronTasks from './cron-tasks';

export default ({ env }) => ({
  host: env('HOST', '0.0.0.0'),
  port: env.int('PORT', 1337),
  url: env('PUBLIC_URL', ''),
  // Uploads live under public/uploads; tests point this at a temporary folder.
  dirs: { public: env('PUBLIC_DIR', './public') },
  app: {
    keys: env.array('APP_KEYS', ['local-app-key-1', 'local-app-key-2']),
  },
  // Strapi 5 ignores STRAPI_DISABLE_UPDATE_NOTIFICATION; this keeps it from calling out at start.
  logger: { updates: { enabled: false } },
  // Scheduled publishing and unpublishing (src/editorial/schedule.ts) runs every minute.
  cron: { enabled: env.bool('CRON_ENABLED', true), tasks: cronTasks },
});
