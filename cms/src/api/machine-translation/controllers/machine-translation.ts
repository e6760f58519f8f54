import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { errors } from '@strapi/utils';
import { machineTranslation, TranslationNotFound, TranslationUnavailable } from '../../../translation/service';
import { PROVIDER_NAMES } from '../../../translation/providers';

// A language code as the site names them (BCP 47: `es`, `ca`, `zh`, `pt-BR`, `zh-Hant`).
const LANGUAGE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

async function localeOf(strapi: Core.Strapi, value: unknown): Promise<string> {
  // An unknown locale is refused by the query guard before this.
  return typeof value === 'string' ? value : ((await strapi.plugin('i18n').service('locales').getDefaultLocale()) as string);
}

/** The answer for a translation that cannot be had now: 503 with Retry-After, never to be cached. */
export function unavailable(ctx: Context, error: TranslationUnavailable) {
  ctx.status = 503;
  ctx.set('Retry-After', String(error.retryAfterSeconds));
  ctx.set('Cache-Control', 'no-store');
  ctx.body = {
    data: null,
    error: { status: 503, name: 'ServiceUnavailableError', message: error.message, details: { retryAfter: error.retryAfterSeconds } },
  };
}

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /api/machine-translation/languages?locale=en: what articles in that locale can be translated into. */
  async languages(ctx: Context) {
    const service = machineTranslation(strapi);
    const locale = await localeOf(strapi, ctx.query.locale);
    try {
      const provider = service.provider && { id: service.provider.id, name: service.provider.name };
      ctx.body = { data: await service.languages(locale), meta: { locale, provider } };
    } catch (error) {
      if (error instanceof TranslationUnavailable) return unavailable(ctx, error);
      throw error;
    }
  },

  /**
   * GET /api/machine-translation/articles/:documentId?locale=en&to=es: the published version's words in
   * `to`, translated once per version and kept. Only the web app's token may ask (each new one costs).
   */
  async article(ctx: Context) {
    const to = ctx.query.to;
    if (typeof to !== 'string' || !LANGUAGE.test(to)) throw new errors.ValidationError('to must be a language code, such as es');
    const locale = await localeOf(strapi, ctx.query.locale);
    const service = machineTranslation(strapi);
    try {
      const made = await service.forReaders(ctx.params.documentId, locale, to);
      ctx.body = {
        data: made.text,
        meta: {
          documentId: made.documentId,
          locale: made.sourceLocale,
          version: made.sourceVersion,
          language: made.target,
          provider: { id: made.provider, name: PROVIDER_NAMES[made.provider] ?? made.provider },
          translatedAt: made.createdAt,
        },
      };
    } catch (error) {
      if (error instanceof TranslationUnavailable) return unavailable(ctx, error);
      if (error instanceof TranslationNotFound) throw new errors.NotFoundError(error.message);
      throw error;
    }
  },
});
