import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { ARTICLE } from '@newsroom/contract';
import type { Figure, Row } from '../publishing/document';
import type { Step } from '../publishing/pipeline';
import { redirectOwner } from './slug-history';

export const MAX_HEADLINE = 110;
/** The headline's hard limit (the schema's maxLength): a draft may be longer than MAX_HEADLINE while it is worked on. */
export const MAX_DRAFT_HEADLINE = 200;

const blank = (value: string | null | undefined) => !value || value.trim() === '';

const day = (value: string | Date) => new Date(value).toISOString().slice(0, 10);

/** What a figure lacks to be published: alt text, a credit, and rights that still hold. */
function figureProblems(name: string, figure: Figure, now: Date): string[] {
  const problems: string[] = [];
  const missing = [blank(figure.alt) && 'alt text', blank(figure.credit) && 'credit'].filter(Boolean);
  if (missing.length > 0) problems.push(`${name} has no ${missing.join(' and no ')}`);
  if (figure.usableUntil && new Date(figure.usableUntil) <= now) {
    problems.push(`the licence of ${name} ended on ${day(figure.usableUntil)}: renew it or choose another picture`);
  }
  if (figure.licence === 'creative-commons' && blank(figure.licenceUrl)) {
    problems.push(`${name} is under a Creative Commons licence but does not say which (its licence URL)`);
  }
  return problems;
}

/** What stops a draft from being published, in words an editor can act on (empty: nothing). */
export function publishProblems(draft: Row, now = new Date()): string[] {
  const problems: string[] = [];
  const title = draft.title?.trim() ?? '';
  if (title === '') problems.push('the headline is empty');
  else if (title.length > MAX_HEADLINE) problems.push(`the headline is ${title.length} characters long; the most is ${MAX_HEADLINE}`);
  if (!draft.authors || draft.authors.length === 0) problems.push('there is no author');
  if (blank(draft.standfirst)) problems.push('the standfirst is missing');
  if (draft.translationOrigin === 'machine') {
    problems.push(
      'it is a machine translation nobody has reviewed: read it against the original, then set Translation origin to machine-reviewed',
    );
  }

  const figures: [string, Figure][] = [
    ...(draft.cover ? [['the cover figure', draft.cover] as [string, Figure]] : []),
    ...(draft.gallery ?? []).map((figure, i): [string, Figure] => [`gallery figure ${i + 1}`, figure]),
    ...(draft.body ?? [])
      .filter((part) => part.__component === 'media.figure')
      .map((figure, i): [string, Figure] => [`figure ${i + 1} in the body`, figure]),
  ];
  for (const [name, figure] of figures) problems.push(...figureProblems(name, figure, now));
  return problems;
}

/**
 * Publishing is refused, with every reason at once, when an article is not ready: the checks run on the
 * server, in the publishing pipeline, so the admin, the REST API and scheduled publishing all meet them
 * (the admin shows the message; the API answers 400 with it). Saving a draft is never refused.
 */
export const prePublishChecks: Step = {
  name: 'pre-publish checks',
  applies: (change) => change.uid === ARTICLE && change.action === 'publish',
  async run({ strapi, publishing }) {
    const problems: string[] = [];
    for (const draft of publishing) {
      const own = await draftProblems(strapi, draft);
      if (own.length > 0) problems.push(publishing.length > 1 ? `${draft.locale}: ${own.join('; ')}` : own.join('; '));
    }
    if (problems.length > 0) {
      throw new errors.ValidationError(`This article cannot be published yet: ${problems.join(' | ')}.`, { problems });
    }
  },
};

/** Everything that stops a draft (read with its relations and figures) from being published, checks against other articles included. */
export async function draftProblems(strapi: Core.Strapi, draft: Row): Promise<string[]> {
  const problems = publishProblems(draft);
  const clash = await partNumberClash(strapi, draft);
  if (clash) problems.push(clash);
  if (draft.slug && (await redirectOwner(strapi, draft.slug, draft.locale ?? '', draft.documentId))) {
    problems.push(`the slug "${draft.slug}" is a former address of another article and still redirects there`);
  }
  return problems;
}

/** Another article of the same series already holds this part number. */
async function partNumberClash(strapi: Core.Strapi, draft: Row) {
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
