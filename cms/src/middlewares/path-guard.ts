import { errors } from '@strapi/utils';
import type { Context, Next } from 'koa';

/**
 * A path with a broken percent-escape (`/uploads/%zz`) or one that climbs out of its folder
 * (`/uploads/..%2f..%2fpackage.json`) is a 400 here, a client's error, before the static file server or the
 * router meets it (koa-static throws on both, and Strapi logs that as a server error).
 */
export default () => async (ctx: Context, next: Next) => {
  let decoded: string;
  try {
    decoded = decodeURIComponent(ctx.path);
  } catch {
    throw new errors.ValidationError('The address has a broken percent-escape (such as %zz)');
  }
  if (decoded.split(/[/\\]/).includes('..')) throw new errors.ValidationError('The address climbs out of its folder (..)');
  await next();
};
