import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { searchArticles } from '../../../search/service';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx: Context) {
    ctx.body = await searchArticles(strapi, ctx.query);
  },
});
