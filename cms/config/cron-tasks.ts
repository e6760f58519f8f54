import type { Core } from '@strapi/strapi';
import { runSchedules } from '../src/editorial/schedule';

export default {
  editorialSchedule: {
    task: ({ strapi }: { strapi: Core.Strapi }) =>
      runSchedules(strapi).catch((error) => strapi.log.error(`scheduled publishing failed: ${error.message}`)),
    options: { rule: '*/1 * * * *' },
  },
};
