import type { Context, Next } from 'koa';

const ONE_YEAR = 31_536_000;

/** HSTS where the CMS is served over TLS: directly, or behind a proxy that says so. */
export default () => async (ctx: Context, next: Next) => {
  if (ctx.secure || ctx.get('x-forwarded-proto') === 'https') {
    ctx.set('Strict-Transport-Security', `max-age=${ONE_YEAR}; includeSubDomains`);
  }
  await next();
};
