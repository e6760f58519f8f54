import type { Core } from '@strapi/strapi';

export const ARTICLE = 'api::article.article';

// Times the server owns: an editor or API client can never set them.
const SERVER_OWNED = ['firstPublishedAt', 'lastEditorialUpdateAt'] as const;

type Locale = string | string[] | undefined;

/** The locales a publish call touches: Strapi 5 takes one code, a list, '*' for all, or none (the default). */
export function localeFilter(locale: Locale, defaultLocale: string) {
  if (locale === '*') return {};
  if (Array.isArray(locale)) return { locale: { $in: locale } };
  return { locale: locale ?? defaultLocale };
}

/**
 * Stamps an article's drafts just before they are published, so the published copy inherits the times:
 * the first-published time once, on the first publish of each locale, never again; the editorial update
 * time ("Updated") on the first publish and on every publish the editor marks as an update (the
 * default), not on a silent republish such as a typo fix.
 */
export function registerFirstPublishStamp(strapi: Core.Strapi) {
  strapi.documents.use(async (context, next) => {
    if (context.uid !== ARTICLE) return next();
    const params = context.params as { data?: Record<string, unknown>; documentId?: string; locale?: Locale };

    if ((context.action === 'create' || context.action === 'update') && params.data) {
      for (const field of SERVER_OWNED) delete params.data[field];
    }

    if (context.action === 'publish' && params.documentId) {
      const defaultLocale = await strapi.plugin('i18n').service('locales').getDefaultLocale();
      const drafts = { documentId: params.documentId, publishedAt: null, ...localeFilter(params.locale, defaultLocale) };
      const now = new Date();
      const query = strapi.db.query(ARTICLE);
      await query.updateMany({ where: { ...drafts, firstPublishedAt: null }, data: { firstPublishedAt: now } });
      await query.updateMany({
        where: { ...drafts, $or: [{ markAsUpdate: true }, { markAsUpdate: null }, { lastEditorialUpdateAt: null }] },
        data: { lastEditorialUpdateAt: now },
      });
    }

    return next();
  });
}
