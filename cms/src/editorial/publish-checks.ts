import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { ARTICLE, localeFilter } from './first-published';
import { redirectOwner } from './slug-history';

export const MAX_HEADLINE = 110;

type Figure = { alt?: string | null; credit?: string | null };
type Draft = {
  id: number;
  documentId: string;
  locale: string;
  slug?: string | null;
  title?: string | null;
  standfirst?: string | null;
  partNumber?: number | null;
  authors?: unknown[];
  cover?: Figure | null;
  gallery?: Figure[] | null;
  body?: ({ __component: string } & Figure)[] | null;
  series?: { documentId: string } | null;
};

const blank = (value: string | null | undefined) => !value || value.trim() === '';

/** What stops a draft from being published, in words an editor can act on (empty: nothing). */
export function publishProblems(draft: Draft): string[] {
  const problems: string[] = [];
  const title = draft.title?.trim() ?? '';
  if (title === '') problems.push('the headline is empty');
  else if (title.length > MAX_HEADLINE) problems.push(`the headline is ${title.length} characters long; the most is ${MAX_HEADLINE}`);
  if (!draft.authors || draft.authors.length === 0) problems.push('there is no author');
  if (blank(draft.standfirst)) problems.push('the standfirst is missing');

  const figures: [string, Figure][] = [
    ...(draft.cover ? [['the cover figure', draft.cover] as [string, Figure]] : []),
    ...(draft.gallery ?? []).map((figure, i): [string, Figure] => [`gallery figure ${i + 1}`, figure]),
    ...(draft.body ?? [])
      .filter((part) => part.__component === 'media.figure')
      .map((figure, i): [string, Figure] => [`figure ${i + 1} in the body`, figure]),
  ];
  for (const [name, figure] of figures) {
    const missing = [blank(figure.alt) && 'alt text', blank(figure.credit) && 'credit'].filter(Boolean);
    if (missing.length > 0) problems.push(`${name} has no ${missing.join(' and no ')}`);
  }
  return problems;
}

/**
 * Publishing is refused, with every reason at once, when an article is not ready: the checks run on the
 * server, in a Document Service middleware, so the admin, the REST API and scheduled publishing all meet
 * them (the admin shows the message; the API answers 400 with it). Saving a draft is never refused.
 */
export function registerPublishChecks(strapi: Core.Strapi) {
  strapi.documents.use(async (context, next) => {
    if (context.uid !== ARTICLE) return next();
    const params = context.params as { documentId?: string; locale?: string | string[]; status?: string };

    // A create or update "with status published" publishes inside Strapi, out of the middlewares' sight:
    // save the draft first, then publish it through the Document Service like any other publish.
    if ((context.action === 'create' || context.action === 'update') && params.status === 'published') {
      delete params.status;
      const draft = (await next()) as { documentId: string };
      const published = await strapi.documents(ARTICLE).publish({ documentId: draft.documentId, locale: params.locale as string });
      return published.entries[0];
    }
    if (context.action === 'publish' && params.documentId) await assertReady(strapi, params.documentId, params.locale);
    return next();
  });
}

async function assertReady(strapi: Core.Strapi, documentId: string, locale: string | string[] | undefined) {
  const defaultLocale = await strapi.plugin('i18n').service('locales').getDefaultLocale();
  const drafts: Draft[] = await strapi.db.query(ARTICLE).findMany({
    where: { documentId, publishedAt: null, ...localeFilter(locale, defaultLocale) },
    populate: { authors: { select: ['id'] }, cover: true, gallery: true, body: true, series: { select: ['documentId'] } },
  });
  const problems: string[] = [];
  for (const draft of drafts) {
    const own = publishProblems(draft);
    const clash = await partNumberClash(strapi, draft);
    if (clash) own.push(clash);
    if (draft.slug && (await redirectOwner(strapi, draft.slug, draft.locale, draft.documentId))) {
      own.push(`the slug "${draft.slug}" is a former address of another article and still redirects there`);
    }
    if (own.length > 0) problems.push(drafts.length > 1 ? `${draft.locale}: ${own.join('; ')}` : own.join('; '));
  }
  if (problems.length > 0) {
    throw new errors.ValidationError(`This article cannot be published yet: ${problems.join(' | ')}.`, { problems });
  }
}

/** Another article of the same series already holds this part number. */
async function partNumberClash(strapi: Core.Strapi, draft: Draft) {
  if (!draft.series || draft.partNumber == null) return null;
  const other = await strapi.db.query(ARTICLE).findOne({
    where: {
      documentId: { $ne: draft.documentId },
      locale: draft.locale,
      partNumber: draft.partNumber,
      series: { documentId: draft.series.documentId },
    },
    select: ['title'],
  });
  return other ? `part ${draft.partNumber} of this series is already "${other.title}"` : null;
}
