import type { Context, Next } from 'koa';
import type { Core } from '@strapi/strapi';

// While the database is unreachable (restarting, failing over, a network cut), a request that needs it gets
// a 503 that says so and when to try again, instead of a bare 500: an editor's publish can simply be
// retried, and neither the edge nor the web app keeps the answer. Nothing already saved is touched; the
// connection pool reconnects by itself once the database answers.

const CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', '57P01', '57P02', '57P03', '08000', '08001', '08003', '08006']);
const MESSAGES =
  /Connection terminated|Timeout acquiring a connection|terminating connection|database system is (starting up|shutting down|in recovery)|connection error|not queryable/i;

/** Whether `error` (or an error it wraps) is the database being out of reach rather than a bad request. */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 4) return false;
  const { code, message, cause } = error as { code?: unknown; message?: unknown; cause?: unknown };
  if (typeof code === 'string' && CODES.has(code)) return true;
  if (typeof message === 'string' && MESSAGES.test(message)) return true;
  return isDatabaseUnavailable(cause, depth + 1);
}

/** Whether the database answers a trivial query within two seconds. */
async function databaseAnswers(strapi: Core.Strapi) {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), 2_000)));
  const ping = strapi.db.connection.raw('select 1').then(
    () => true,
    () => false,
  );
  try {
    return await Promise.race([ping, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) =>
  async (ctx: Context, next: Next) => {
    let reason: string;
    try {
      await next();
      // Strapi's authentication turns a failed lookup of the token or role into a 401/403: when the
      // database is the cause, say so rather than tell a client it is not allowed.
      if ((ctx.status !== 401 && ctx.status !== 403) || (await databaseAnswers(strapi))) return;
      reason = `answered ${ctx.status} while the database did not answer`;
    } catch (error) {
      // A lost connection surfaces in many shapes (a transaction cut short, a pool timeout): any error while
      // the database does not answer is that.
      if (!isDatabaseUnavailable(error) && (await databaseAnswers(strapi))) throw error;
      reason = (error as Error).message.slice(0, 160);
    }
    {
      strapi.log.warn(`database unavailable: ${ctx.method} ${ctx.path} answered 503 (${reason})`);
      ctx.status = 503;
      ctx.set('Retry-After', '5');
      ctx.set('Cache-Control', 'no-store');
      ctx.body = {
        data: null,
        error: {
          status: 503,
          name: 'ServiceUnavailableError',
          message: 'The database is not answering at the moment. Try again in a few seconds; what was saved before is safe.',
          details: {},
        },
      };
    }
  };
