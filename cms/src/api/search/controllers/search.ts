import type { Core } from '@strapi/strapi';
import { searchArticles } from '../../../search/service';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx) {
    ctx.body = await searchArticles(strapi, ctx.query);
  },
});
