import cronTasks from './cron-tasks';
import { cmsEnv } from '../src/env';

export default () => {
  const env = cmsEnv();
  return {
    host: env.HOST,
    port: env.PORT,
    url: env.PUBLIC_URL ?? '',
    // Uploads live under public/uploads; tests point this at a temporary folder.
    dirs: { public: env.PUBLIC_DIR },
    app: { keys: env.APP_KEYS },
    // Strapi 5 ignores STRAPI_DISABLE_UPDATE_NOTIFICATION; this keeps it from calling out at start.
    logger: { updates: { enabled: false } },
    // Scheduled publishing and unpublishing (src/editorial/schedule.ts) runs every minute.
    cron: { enabled: env.CRON_ENABLED, tasks: cronTasks },
  };
};
