import { errors } from '@strapi/utils';
import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';
import { QueryShapeError, checkQueryShape } from '../public-api/query-shape';
import { publicModels } from '../public-api/public-models';

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
    if (key === 'withCount') {
      if (value !== 'true' && value !== 'false') return 'pagination[withCount] must be true or false';
      continue;
    }
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

/** Why a `status` parameter is unacceptable (who may ask for drafts is decided after authentication). */
export function statusProblem(status: unknown): string | null {
  if (status === undefined || status === 'published' || status === 'draft') return null;
  return 'status must be published or draft';
}

/** `/api/<pluralName>[/<documentId>]` and `/api/<singularName>` of our content types, to their uid. */
function contentTypeRoutes(strapi: Core.Strapi): (path: string) => string | null {
  const byName = new Map<string, { uid: string; single: boolean }>();
  for (const [uid, contentType] of Object.entries(strapi.contentTypes)) {
    if (!uid.startsWith('api::')) continue;
    const single = contentType.kind === 'singleType';
    byName.set(single ? contentType.info.singularName : contentType.info.pluralName, { uid, single });
  }
  return (path) => {
    const [, , name, id, ...rest] = path.split('/');
    const route = byName.get(name);
    if (!route || rest.length > 0 || (route.single && id !== undefined)) return null;
    return route.uid;
  };
}

/**
 * The public REST API's first line, before Strapi reads the query:
 * - pagination: an over-large or malformed page size is a 400 (Strapi would clamp it silently);
 * - locale: an unknown one is a 400 (Strapi would answer an empty list, indistinguishable from "no content");
 * - status: published or draft (whether this client may read drafts is `draft-access`'s decision);
 * - filters, sort, fields and populate of a content type follow the public grammar (`query-shape.ts`), so
 *   a malformed shape is a 400 naming the parameter instead of a 500 from deep inside Strapi.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const maxLimit = strapi.config.get('api.rest.maxLimit', 100) as number;
  const models = publicModels(strapi);
  const contentTypeOf = contentTypeRoutes(strapi);
  let locales: { codes: string[]; at: number } | null = null;

  async function knownLocales() {
    if (!locales || Date.now() - locales.at > LOCALE_CACHE_MS) {
      const found: { code: string }[] = await strapi.plugin('i18n').service('locales').find();
      locales = { codes: found.map((l) => l.code), at: Date.now() };
    }
    return locales.codes;
  }

  return async (ctx: Context, next: Next) => {
    if (ctx.path.startsWith('/api/')) {
      const query = ctx.query as Record<string, unknown>;
      const problem =
        paginationProblem(query, maxLimit) ?? localeProblem(query.locale, await knownLocales()) ?? statusProblem(query.status);
      if (problem) throw new errors.ValidationError(problem);
      const uid = contentTypeOf(ctx.path);
      if (uid) {
        try {
          const checked = checkQueryShape(query, uid, models);
          if (JSON.stringify(checked) !== JSON.stringify(query)) ctx.query = checked;
        } catch (error) {
          if (error instanceof QueryShapeError) throw new errors.ValidationError(error.message, { parameter: error.parameter });
          throw error;
        }
      }
    }
    await next();
  };
};
