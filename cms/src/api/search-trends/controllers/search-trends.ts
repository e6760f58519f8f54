import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { errors } from '@strapi/utils';
import { READER_KEY_HEADER, SEARCH_MAX_QUERY_LENGTH } from '@newsroom/contract';
import { clientKey, searchTrends } from '../../../trends/trends';

async function locale(strapi: Core.Strapi, value: unknown) {
  const i18n = strapi.plugin('i18n').service('locales');
  if (value === undefined) return (await i18n.getDefaultLocale()) as string;
  const known: { code: string }[] = await i18n.find();
  if (typeof value !== 'string' || !known.some((l) => l.code === value)) {
    throw new errors.ValidationError(`locale must be one of: ${known.map((l) => l.code).join(', ')}`);
  }
  return value;
}

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /api/search-trends?locale=en: what readers search for now, pinned terms first. */
  async find(ctx: Context) {
    const code = await locale(strapi, ctx.query.locale);
    ctx.body = { data: await searchTrends(strapi).current(code), meta: { locale: code } };
  },

  /**
   * POST /api/search-trends {term, locale}: counts one search made on the site. Only the web app's
   * token may call it; it names the reader by an opaque key (READER_KEY_HEADER) for rate limiting.
   */
  async record(ctx: Context) {
    // Parsed by strapi::body.
    const body = (ctx.request as { body?: { term?: unknown; locale?: unknown } }).body;
    if (typeof body?.term !== 'string' || body.term.trim() === '') throw new errors.ValidationError('term is required');
    if (body.term.length > SEARCH_MAX_QUERY_LENGTH)
      throw new errors.ValidationError(`term must be at most ${SEARCH_MAX_QUERY_LENGTH} characters`);
    const forwarded = ctx.request.header[READER_KEY_HEADER];
    const identity = typeof forwarded === 'string' && forwarded.length > 0 ? forwarded.slice(0, 200) : ctx.request.ip;
    const result = await searchTrends(strapi).record({
      term: body.term,
      locale: await locale(strapi, body.locale),
      client: clientKey(identity),
    });
    ctx.body = { data: result };
  },
});
