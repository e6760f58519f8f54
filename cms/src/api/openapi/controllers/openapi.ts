import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { publicApiDocument } from '../../../public-api/openapi';
import { referencePage } from '../../../public-api/openapi-reference';

// Made once per process (the content model is fixed at boot); the CMS package's version names the API's.
export default ({ strapi }: { strapi: Core.Strapi }) => {
  let document: Record<string, unknown> | undefined;
  let page: string | undefined;
  const current = () => (document ??= publicApiDocument(strapi, String(strapi.config.get('info.version'))));
  return {
    async document(ctx: Context) {
      ctx.set('Cache-Control', 'public, max-age=300');
      ctx.body = current();
    },
    async reference(ctx: Context) {
      ctx.set('Cache-Control', 'public, max-age=300');
      ctx.type = 'text/html; charset=utf-8';
      ctx.body = page ??= referencePage(current());
    },
  };
};
