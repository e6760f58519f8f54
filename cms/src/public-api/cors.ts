import type { Context } from 'koa';
import type { CmsEnv } from '../env';

// The public surface: the REST API and uploads. Everything else (the admin and its APIs) is the editors'.
const isPublicPath = (path: string) => path.startsWith('/api/') || path === '/api' || path.startsWith('/uploads/');

/**
 * CORS for configured origins only: `CORS_ORIGINS` (comma-separated), by default the site's and the
 * admin's own. Strapi 5.54's default reflects any Origin with credentials, on the API and the admin, so any
 * page on a sibling domain could use an editor's session. Credentials are allowed on the admin's routes
 * only; the public API is read without cookies.
 */
export function corsOptions(env: CmsEnv) {
  const configured =
    env.CORS_ORIGINS.length > 0 ? env.CORS_ORIGINS : [env.WEB_PUBLIC_URL, env.PUBLIC_URL ?? `http://localhost:${env.PORT}`];
  const origins = configured.map((origin) => new URL(origin).origin);
  return {
    origin: origins,
    credentials: (ctx: Context) => !isPublicPath(ctx.path),
    headers: ['Content-Type', 'Authorization', 'Origin', 'Accept', 'If-None-Match'],
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
    maxAge: 86400,
  };
}
