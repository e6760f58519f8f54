import type { Context, Next } from 'koa';
import { cmsEnv } from '../env';

// With uploads in S3-compatible storage, the files keep their /uploads/<name> addresses on every CMS node:
// a GET or HEAD of one is answered from the bucket (the web app's /uploads route and the admin's media
// library read them here). Upload names carry a content hash, so an answer never changes.

const NAME = /^\/uploads\/([\w.-]+)$/;

export default () => {
  const env = cmsEnv();
  if (env.UPLOAD_PROVIDER !== 's3') return async (_ctx: Context, next: Next) => next();
  const bucketUrl = (env.S3_PUBLIC_URL ?? `${env.S3_ENDPOINT ?? `https://s3.${env.S3_REGION}.amazonaws.com`}/${env.S3_BUCKET}`).replace(
    /\/$/,
    '',
  );

  return async (ctx: Context, next: Next) => {
    const name = NAME.exec(ctx.path)?.[1];
    if (!name || (ctx.method !== 'GET' && ctx.method !== 'HEAD')) return next();
    let upstream: Response;
    try {
      upstream = await fetch(`${bucketUrl}/${name}`, { method: ctx.method, signal: AbortSignal.timeout(10_000) });
    } catch {
      ctx.status = 503;
      ctx.set('Retry-After', '30');
      ctx.body = { error: { status: 503, name: 'ServiceUnavailableError', message: 'The media storage is unavailable' } };
      return;
    }
    if (!upstream.ok) {
      ctx.status = upstream.status === 404 || upstream.status === 403 ? 404 : 502;
      ctx.body = { error: { status: ctx.status, name: 'NotFoundError', message: 'No such file' } };
      return;
    }
    ctx.status = 200;
    ctx.type = upstream.headers.get('content-type') ?? 'application/octet-stream';
    const length = upstream.headers.get('content-length');
    if (length) ctx.length = Number(length);
    ctx.set('Cache-Control', 'public, max-age=31536000, immutable');
    ctx.body = ctx.method === 'HEAD' || !upstream.body ? null : Buffer.from(await upstream.arrayBuffer());
  };
};
