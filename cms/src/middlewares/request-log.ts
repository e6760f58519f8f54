import type { Context, Next } from 'koa';
import { apiClientOf } from '../public-api/api-client';
import { cmsEnv } from '../env';

/**
 * One JSON line per request on standard output, for operators' log tools (in place of strapi::logger's
 * coloured text): when, method, path and query, status, milliseconds, the token's name (never the token) and how the
 * answer stood to caches: `miss` (the edge asked for an answer it may keep), `pass` (the edge may not keep
 * it, or there is no edge), `not-modified` (a 304 to a client's If-None-Match). Edge hits never reach the
 * CMS; the edge's own log (varnishncsa) has them.
 */
export default () => {
  const enabled = ['http', 'verbose', 'debug', 'silly'].includes(cmsEnv().LOG_LEVEL);
  return async (ctx: Context, next: Next) => {
    if (!enabled) return next();
    const started = process.hrtime.bigint();
    try {
      await next();
    } finally {
      const client = apiClientOf(ctx);
      const cacheable = /\bpublic\b/.test(ctx.response.get('Cache-Control'));
      const line = {
        time: new Date().toISOString(),
        method: ctx.method,
        path: ctx.path,
        query: ctx.querystring.slice(0, 2_000),
        status: ctx.status,
        ms: Number((Number(process.hrtime.bigint() - started) / 1e6).toFixed(1)),
        token: client?.kind === 'token' ? client.name : null,
        client: client?.address,
        cache: ctx.status === 304 ? 'not-modified' : cacheable ? 'miss' : 'pass',
      };
      process.stdout.write(`${JSON.stringify(line)}\n`);
    }
  };
};
