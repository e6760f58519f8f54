import type { Core } from '@strapi/strapi';
import { ARTICLE, localeFilter } from './first-published';

export const SLUG_REDIRECT = 'api::slug-redirect.slug-redirect';

/**
 * Keeps an article's former addresses. When a publish changes a locale's slug, the slug it had is
 * recorded as a redirect to the article (by document, so a chain of renames always lands on the current
 * address in one hop); publishing under a former slug again takes it back. The web app answers a
 * redirect with a 308, and the publish checks keep other articles off a slug that redirects.
 */
export function registerSlugHistory(strapi: Core.Strapi) {
  strapi.documents.use(async (context, next) => {
    const params = context.params as { documentId?: string; locale?: string | string[] };
    if (context.uid !== ARTICLE || context.action !== 'publish' || !params.documentId) return next();

    const defaultLocale = await strapi.plugin('i18n').service('locales').getDefaultLocale();
    const rows: { slug: string; locale: string; publishedAt: string | null }[] = await strapi.db.query(ARTICLE).findMany({
      where: { documentId: params.documentId, ...localeFilter(params.locale, defaultLocale) },
      select: ['slug', 'locale', 'publishedAt'],
    });
    const result = await next();

    const redirects = strapi.documents(SLUG_REDIRECT);
    for (const draft of rows.filter((row) => !row.publishedAt)) {
      const live = rows.find((row) => row.publishedAt && row.locale === draft.locale);
      const reclaimed = await redirects.findMany({
        filters: { slug: draft.slug, language: draft.locale, targetDocumentId: params.documentId },
      });
      for (const redirect of reclaimed) await redirects.delete({ documentId: redirect.documentId });
      if (live && live.slug !== draft.slug) {
        const known = await redirects.findFirst({ filters: { slug: live.slug, language: live.locale } });
        if (!known) await redirects.create({ data: { slug: live.slug, language: live.locale, targetDocumentId: params.documentId } });
      }
    }
    return result;
  });
}

/** The article another article's former slug redirects to, if any (the slug is not free). */
export async function redirectOwner(strapi: Core.Strapi, slug: string, locale: string, documentId: string) {
  const redirect = await strapi.db
    .query(SLUG_REDIRECT)
    .findOne({ where: { slug, language: locale, targetDocumentId: { $ne: documentId } }, select: ['targetDocumentId'] });
  return redirect?.targetDocumentId ?? null;
}
