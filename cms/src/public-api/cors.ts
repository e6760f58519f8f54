import type { Context } from 'koa';
import type { CmsEnv } from '../env';

// The public surface: the REST API and uploads. Everything else (the admin and its APIs) is the editors'.
const isPublicPath = (path: string) => path.startsWith('/api/') || path === '/api' || path.startsWith('/uploads/');

/**
 * CORS for configured origins only: `CORS_ORIGINS` (comma-separated), by default the site's and the
 * admin's own, and on the public API also `PARTNER_ORIGINS`, the partners' sites whose browsers read it.
 * Strapi 5.54's default reflects any Origin with credentials, on the API and the admin, so any page on a
 * sibling domain could use an editor's session. Credentials are allowed on the admin's routes only; the
 * public API is read without cookies (a partner's browser sends its token, if any, as a Bearer header).
 */
export function corsOptions(env: CmsEnv) {
  const configured =
    env.CORS_ORIGINS.length > 0 ? env.CORS_ORIGINS : [env.WEB_PUBLIC_URL, env.PUBLIC_URL ?? `http://localhost:${env.PORT}`];
  const origins = configured.map((origin) => new URL(origin).origin);
  const publicOrigins = [...origins, ...env.PARTNER_ORIGINS.map((origin) => new URL(origin).origin)];
  return {
    origin: (ctx: Context) => (isPublicPath(ctx.path) ? publicOrigins : origins),
    credentials: (ctx: Context) => !isPublicPath(ctx.path),
    headers: ['Content-Type', 'Authorization', 'Origin', 'Accept', 'If-None-Match'],
    // What a partner's script may read of an answer: its validator and where it stands with the limits.
    expose: ['ETag', 'RateLimit', 'RateLimit-Policy', 'Retry-After'],
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
    maxAge: 86400,
  };
}
