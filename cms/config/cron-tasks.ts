import type { Core } from '@strapi/strapi';
import { runSchedules } from '../src/editorial/schedule';
import { endPictureRights } from '../src/rights/sweep';

export default {
  editorialSchedule: {
    task: ({ strapi }: { strapi: Core.Strapi }) =>
      runSchedules(strapi).catch((error) => strapi.log.error(`scheduled publishing failed: ${error.message}`)),
    options: { rule: '*/1 * * * *' },
  },
  // Pictures whose licence ended stop showing: pages, feeds and API answers refreshed (src/rights/sweep.ts).
  pictureRights: {
    task: ({ strapi }: { strapi: Core.Strapi }) =>
      endPictureRights(strapi).catch((error) => strapi.log.error(`picture rights not applied: ${error.message}`)),
    options: { rule: '*/1 * * * *' },
  },
};
