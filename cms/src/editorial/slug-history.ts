import type { Core } from '@strapi/strapi';
import { ARTICLE, CONTENT_TYPES } from '@newsroom/contract';
import type { Step } from '../publishing/pipeline';

export const SLUG_REDIRECT = CONTENT_TYPES.slugRedirect.uid;

/**
 * Keeps an article's former addresses. When a publish changes a locale's slug, the slug it had is
 * recorded as a redirect to the article (by document, so a chain of renames always lands on the current
 * address in one hop); publishing under a former slug again takes it back. The web app answers a
 * redirect with a 308, and the publish checks keep other articles off a slug that redirects.
 */
export const slugHistory: Step = {
  name: 'slug history',
  applies: (change) => change.uid === ARTICLE && change.action === 'publish' && change.publishing.length > 0,
  async run({ strapi, documentId, before, publishing }) {
    const redirects = strapi.documents(SLUG_REDIRECT);
    for (const draft of publishing) {
      const live = before.find((row) => row.publishedAt && row.locale === draft.locale);
      const reclaimed = await redirects.findMany({
        filters: { slug: draft.slug ?? '', language: draft.locale ?? '', targetDocumentId: documentId ?? '' },
      });
      for (const redirect of reclaimed) await redirects.delete({ documentId: redirect.documentId });
      if (live?.slug && live.slug !== draft.slug) {
        const known = await redirects.findFirst({ filters: { slug: live.slug, language: live.locale ?? '' } });
        if (!known) await redirects.create({ data: { slug: live.slug, language: live.locale ?? '', targetDocumentId: documentId ?? '' } });
      }
    }
  },
};

/** The article another article's former slug redirects to, if any (the slug is not free). */
export async function redirectOwner(strapi: Core.Strapi, slug: string, locale: string, documentId: string) {
  const redirect = await strapi.db
    .query(SLUG_REDIRECT)
    .findOne({ where: { slug, language: locale, targetDocumentId: { $ne: documentId } }, select: ['targetDocumentId'] });
  return redirect?.targetDocumentId ?? null;
}
