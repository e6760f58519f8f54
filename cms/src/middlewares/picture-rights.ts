import type { Context, Next } from 'koa';
import { withheldPaths } from '../rights/withheld';

// Pictures whose licence has ended (src/rights): their files are no longer served (410 Gone, never cached),
// and every public API answer that held one holds null in its place, so the figure keeps its caption,
// credit and alt text and the site shows a placeholder. Runs inside http-cache, so the ETag is the answer's.

// A file as the API answers it, whichever of its fields were asked for: the object with its address.
const isFile = (value: Record<string, unknown>) => typeof value.url === 'string';
const pathOf = (url: string) => new URL(url, 'http://cms').pathname;

/** The answer with every ended picture's file replaced by null. */
export function withoutWithheld(value: unknown, withheld: Set<string>): unknown {
  if (Array.isArray(value)) return value.map((item) => withoutWithheld(item, withheld));
  if (!value || typeof value !== 'object' || Buffer.isBuffer(value)) return value;
  const object = value as Record<string, unknown>;
  if (isFile(object) && withheld.has(pathOf(object.url as string))) return null;
  return Object.fromEntries(Object.entries(object).map(([key, item]) => [key, withoutWithheld(item, withheld)]));
}

export default () => async (ctx: Context, next: Next) => {
  const withheld = withheldPaths();
  if (withheld.size > 0 && (ctx.method === 'GET' || ctx.method === 'HEAD') && withheld.has(ctx.path)) {
    ctx.status = 410;
    ctx.set('Cache-Control', 'no-store');
    ctx.body = {
      data: null,
      error: { status: 410, name: 'GoneError', message: 'This picture’s licence has ended; it is no longer published' },
    };
    return;
  }
  await next();
  if (withheld.size === 0 || !ctx.path.startsWith('/api/') || ctx.status !== 200) return;
  const body = ctx.body;
  if (!body || typeof body !== 'object' || Buffer.isBuffer(body) || typeof (body as { pipe?: unknown }).pipe === 'function') return;
  ctx.body = withoutWithheld(body, withheld);
};
