import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { clientKey, searchTrends } from '../../../trends/trends';

const MAX_INPUT = 200;

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
  async find(ctx) {
    const code = await locale(strapi, ctx.query.locale);
    ctx.body = { data: await searchTrends(strapi).current(code), meta: { locale: code } };
  },

  /**
   * POST /api/search-trends {term, locale}: counts one search made on the site. Only the web app's
   * token may call it; it names the reader by an opaque key (x-search-client) for rate limiting.
   */
  async record(ctx) {
    const body = ctx.request.body as { term?: unknown; locale?: unknown } | undefined;
    if (typeof body?.term !== 'string' || body.term.trim() === '') throw new errors.ValidationError('term is required');
    if (body.term.length > MAX_INPUT) throw new errors.ValidationError(`term must be at most ${MAX_INPUT} characters`);
    const forwarded = ctx.request.header['x-search-client'];
    const identity = typeof forwarded === 'string' && forwarded.length > 0 ? forwarded.slice(0, 200) : ctx.request.ip;
    const result = await searchTrends(strapi).record({
      term: body.term,
      locale: await locale(strapi, body.locale),
      client: clientKey(identity),
    });
    ctx.body = { data: result };
  },
});
