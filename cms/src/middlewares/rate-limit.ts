import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';
import Redis from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { apiClientOf } from '../public-api/api-client';
import { cmsEnv } from '../env';

/**
 * Fair limits on the public API (README, "Partners"): API_RATE_LIMIT requests a window per client address,
 * API_TOKEN_RATE_LIMIT per token, counted in Redis when REDIS_URL is set (one count across every CMS node)
 * and in this node's memory otherwise. Every answer says where its client stands, in the IETF draft's
 * RateLimit-Policy and RateLimit headers; past the limit it is a 429 with Retry-After and a problem+json
 * body. The web app's own token is not limited (readers' requests reach it through the site's cache). What
 * the edge answers from its cache never reaches here, so it does not count. If Redis fails, each node counts
 * in its own memory until it is back.
 */
type Policy = { name: 'address' | 'token'; quota: number; limiter: RateLimiterAbstract };

function limiter(redis: Redis | null, name: string, points: number, duration: number): RateLimiterAbstract {
  const memory = new RateLimiterMemory({ points, duration, keyPrefix: name });
  if (!redis) return memory;
  return new RateLimiterRedis({
    storeClient: redis,
    points,
    duration,
    keyPrefix: `${cmsEnv().REDIS_KEY_PREFIX}rate-limit:${name}`,
    insuranceLimiter: memory,
  });
}

export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const env = cmsEnv();
  const window = env.API_RATE_LIMIT_WINDOW;
  let policies: Record<Policy['name'], Policy> | undefined;

  // Made at the first request, not at load: `strapi build` and scripts load the middlewares too.
  function policiesNow() {
    if (policies) return policies;
    let redis: Redis | null = null;
    if (env.REDIS_URL) {
      redis = new Redis(env.REDIS_URL, { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: false });
      let warned = false;
      redis.on('error', (error) => {
        if (!warned) strapi.log.warn(`Rate limits count in memory while Redis is unreachable: ${error.message}`);
        warned = true;
      });
      redis.on('ready', () => (warned = false));
    }
    policies = {
      address: { name: 'address', quota: env.API_RATE_LIMIT, limiter: limiter(redis, 'address', env.API_RATE_LIMIT, window) },
      token: { name: 'token', quota: env.API_TOKEN_RATE_LIMIT, limiter: limiter(redis, 'token', env.API_TOKEN_RATE_LIMIT, window) },
    };
    return policies;
  }

  return async (ctx: Context, next: Next) => {
    const client = apiClientOf(ctx);
    if (!client || (client.kind === 'token' && client.web) || ctx.method === 'OPTIONS') return next();
    const policy = policiesNow()[client.kind === 'token' ? 'token' : 'address'];
    const key = client.kind === 'token' ? String(client.id) : client.address;

    let state: RateLimiterRes;
    let exceeded = false;
    try {
      state = await policy.limiter.consume(key);
    } catch (refusal) {
      if (!(refusal instanceof RateLimiterRes)) {
        strapi.log.warn(`Rate limit not counted: ${(refusal as Error).message}`);
        return next();
      }
      state = refusal;
      exceeded = true;
    }
    const reset = Math.max(1, Math.ceil(state.msBeforeNext / 1000));
    ctx.set('RateLimit-Policy', `"${policy.name}";q=${policy.quota};w=${window}`);
    ctx.set('RateLimit', `"${policy.name}";r=${state.remainingPoints};t=${reset}`);
    if (!exceeded) return next();

    ctx.status = 429;
    ctx.set('Retry-After', String(reset));
    ctx.set('Cache-Control', 'no-store');
    ctx.type = 'application/problem+json';
    ctx.body = JSON.stringify({
      type: 'about:blank',
      title: 'Too Many Requests',
      status: 429,
      detail: `At most ${policy.quota} requests every ${window} s per ${policy.name === 'token' ? 'token' : 'client address'}; try again in ${reset} s.`,
    });
  };
};
