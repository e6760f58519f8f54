import { errors } from '@strapi/utils';
import type { Core } from '@strapi/strapi';

const PAGE_KEYS = ['page', 'pageSize', 'start', 'limit'] as const;
const INTEGER = /^\d{1,9}$/;
const LOCALE_CACHE_MS = 30_000;

/** Why a REST query's pagination is unacceptable, or null when it is fine. */
export function paginationProblem(query: Record<string, unknown>, maxLimit: number): string | null {
  const pagination = query.pagination;
  if (pagination === undefined) return null;
  if (typeof pagination !== 'object' || pagination === null || Array.isArray(pagination)) {
    return 'pagination must be an object, e.g. pagination[page]=1&pagination[pageSize]=25';
  }
  for (const [key, value] of Object.entries(pagination)) {
    if (key === 'withCount') continue;
    if (!PAGE_KEYS.includes(key as (typeof PAGE_KEYS)[number])) return `pagination[${key}] is not a known pagination key`;
    if (typeof value !== 'string' || !INTEGER.test(value)) return `pagination[${key}] must be a whole number`;
    const n = Number(value);
    if ((key === 'page' || key === 'pageSize') && n < 1) return `pagination[${key}] must be at least 1`;
    if ((key === 'pageSize' || key === 'limit') && n > maxLimit) return `pagination[${key}] must be at most ${maxLimit}`;
  }
  return null;
}

/** Why a `locale` parameter is unacceptable, or null when it names a configured locale (or is absent). */
export function localeProblem(locale: unknown, known: string[]): string | null {
  if (locale === undefined) return null;
  if (typeof locale !== 'string' || !known.includes(locale)) return `locale must be one of: ${known.join(', ')}`;
  return null;
}

/**
 * The public REST API's first line, before Strapi's own query validation:
 * - an over-large or malformed page size is a 400 (Strapi would clamp it silently);
 * - an unknown locale is a 400 (Strapi would answer an empty list, indistinguishable from "no content");
 * - drafts (`status=draft`) are only for authenticated clients such as the web app's preview; an
 *   anonymous reader asking for them is refused, whatever Strapi's defaults allow. A request carrying
 *   credentials still goes through Strapi's authentication, which rejects a bad token with 401.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const maxLimit = strapi.config.get('api.rest.maxLimit', 100) as number;
  let locales: { codes: string[]; at: number } | null = null;

  async function knownLocales() {
    if (!locales || Date.now() - locales.at > LOCALE_CACHE_MS) {
      const found: { code: string }[] = await strapi.plugin('i18n').service('locales').find();
      locales = { codes: found.map((l) => l.code), at: Date.now() };
    }
    return locales.codes;
  }

  return async (ctx, next) => {
    if (ctx.path.startsWith('/api/')) {
      const query = ctx.query as Record<string, unknown>;
      const problem = paginationProblem(query, maxLimit) ?? localeProblem(query.locale, await knownLocales());
      if (problem) throw new errors.ValidationError(problem);
      if (query.status !== undefined && query.status !== 'published' && !ctx.request.header.authorization) {
        throw new errors.ForbiddenError('Drafts are only available to authenticated API clients');
      }
    }
    await next();
  };
};
