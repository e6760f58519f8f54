import type { Core } from '@strapi/strapi';
import { ARTICLE, CONTENT_TYPES } from '@newsroom/contract';
import { TEXT_QUERY, textOf, type ArticleText } from './article-text';
import type { Block } from './blocks-html';
import { TranslationNotFound, versionOf, type MachineTranslation } from './service';

// An editor starts a locale of an article from a machine translation of another: the new locale's draft
// gets the translated words, the original's pictures, credits and links, and its provenance (origin
// `machine`, the source locale and version, the provider). It is a draft like any other: nothing is
// published, and publishing it waits for an editor to mark it reviewed (editorial/publish-checks.ts).

/** The request cannot be done as asked (the API answers 400 or 409 with the message). */
export class DraftRefused extends Error {
  constructor(
    message: string,
    readonly status: 400 | 403 | 409,
  ) {
    super(message);
    this.name = 'DraftRefused';
  }
}

type Media = { id: number } | null;
type FigureRow = { image?: Media; caption?: string | null; credit?: string | null; alt?: string | null };
type Ref = { documentId: string; name?: string; title?: string };
type Source = Omit<Parameters<typeof textOf>[0], 'corrections' | 'body' | 'cover' | 'gallery' | 'editorsNote'> & {
  documentId: string;
  publishedAt: string | null;
  updatedAt: string;
  slug: string;
  authors?: Ref[];
  tags?: Ref[];
  section?: Ref | null;
  series?: Ref | null;
  editorsNote?: (Ref & { label: string; body: Block[] | null }) | null;
  cover?: FigureRow | null;
  gallery?: FigureRow[] | null;
  body?: ({ __component: string; body?: Block[] | null } & FigureRow)[] | null;
  corrections?: { date: string; text: string }[] | null;
};

const FIGURE = { fields: ['caption', 'credit', 'alt'], populate: { image: { fields: ['id'] } } };
const NAMED = { fields: ['name'] };
const SOURCE_QUERY = {
  fields: [...TEXT_QUERY.fields, 'slug'],
  populate: {
    authors: { fields: ['name'] },
    tags: NAMED,
    section: NAMED,
    series: { fields: ['title'] },
    editorsNote: { fields: ['label', 'body'] },
    corrections: { fields: ['date', 'text'] },
    cover: FIGURE,
    gallery: FIGURE,
    body: { on: { 'content.rich-text': { fields: ['body'] }, 'media.figure': FIGURE } },
  },
};

export type MachineDraft = {
  documentId: string;
  locale: string;
  provider: string;
  sourceVersion: string | null;
  /** What the draft could not take over, for the editor to see to (relations with no version in `locale`). */
  notes: string[];
};

const figure = (original: FigureRow, words: { caption: string | null; alt: string | null } | undefined) => ({
  image: original.image?.id ?? null,
  caption: words?.caption ?? original.caption ?? null,
  credit: original.credit ?? null,
  alt: words?.alt ?? original.alt ?? null,
});

/** The draft's content: the source's structure and pictures with the translated words. */
function draftData(source: Source, words: ArticleText) {
  return {
    title: words.title,
    standfirst: words.standfirst,
    slug: source.slug,
    body: (source.body ?? []).map((part, i) => {
      const translated = words.body[i];
      if (part.__component === 'content.rich-text') {
        return { __component: part.__component, body: translated?.__component === 'content.rich-text' ? translated.body : part.body };
      }
      return { __component: part.__component, ...figure(part, translated?.__component === 'media.figure' ? translated : undefined) };
    }),
    cover: source.cover ? figure(source.cover, words.cover ?? undefined) : null,
    gallery: (source.gallery ?? []).map((original, i) => figure(original, words.gallery[i])),
    corrections: (source.corrections ?? []).map((correction, i) => ({
      date: correction.date,
      text: words.corrections[i]?.text ?? correction.text,
    })),
  };
}

/** Which of `documentIds` of `uid` have a version in `locale`. */
async function existingIn(strapi: Core.Strapi, uid: string, documentIds: string[], locale: string): Promise<Set<string>> {
  if (documentIds.length === 0) return new Set();
  const rows: { documentId: string }[] = await strapi.db
    .query(uid as typeof ARTICLE)
    .findMany({ where: { documentId: { $in: documentIds }, locale }, select: ['documentId'] });
  return new Set(rows.map((row) => row.documentId));
}

/**
 * Creates the `to` draft of an article from its `from` version: the published one when there is one (so
 * the draft follows the version readers see), else the draft. Refused when `to` has a version already: an
 * editor's work is never overwritten. A provider failure writes nothing. `allowed`: the editor's rights.
 */
export async function createMachineDraft(
  strapi: Core.Strapi,
  translation: MachineTranslation,
  { documentId, from, to }: { documentId: string; from: string; to: string },
  allowed: (from: string, to: string) => boolean = () => true,
): Promise<MachineDraft> {
  const provider = translation.provider;
  if (!provider) throw new TranslationNotFound('No machine translation service is configured (TRANSLATION_PROVIDER)');
  const locales: { code: string }[] = await strapi.plugin('i18n').service('locales').find();
  for (const code of [from, to]) {
    if (!locales.some((l) => l.code === code)) throw new DraftRefused(`${code} is not one of the site's locales`, 400);
  }
  if (from === to) throw new DraftRefused('The source and target locales are the same', 400);
  if (!allowed(from, to)) throw new DraftRefused(`You may not create ${to} articles from ${from} ones`, 403);
  if (!(await translation.providerTargets(from)).includes(to)) {
    throw new DraftRefused(`${provider.name} does not translate ${from} into ${to}`, 400);
  }
  if ((await existingIn(strapi, ARTICLE, [documentId], to)).size > 0) {
    throw new DraftRefused(
      `This article has a ${to} version already; edit it, or delete it to start again from a machine translation`,
      409,
    );
  }
  const documents = strapi.documents(ARTICLE);
  const source = ((await documents.findOne({ documentId, locale: from, status: 'published', ...SOURCE_QUERY } as never)) ??
    (await documents.findOne({ documentId, locale: from, status: 'draft', ...SOURCE_QUERY } as never))) as Source | null;
  if (!source) throw new TranslationNotFound(`There is no article ${documentId} in ${from}`);

  const sourceVersion = source.publishedAt ? versionOf({ publishedAt: source.publishedAt }) : null;
  const made = await translation.translation(
    { documentId, sourceLocale: from, sourceVersion: sourceVersion ?? `draft ${new Date(source.updatedAt).toISOString()}`, target: to },
    source,
  );

  const notes: string[] = [];
  const linked = async (uid: string, refs: Ref[], what: string) => {
    const present = await existingIn(
      strapi,
      uid,
      refs.map((ref) => ref.documentId),
      to,
    );
    const missing = refs.filter((ref) => !present.has(ref.documentId));
    for (const ref of missing) notes.push(`${what} ${ref.name ?? ref.title ?? ref.documentId} has no ${to} version and is not linked`);
    return refs.filter((ref) => present.has(ref.documentId)).map((ref) => ref.documentId);
  };
  const { author, tag, section, series } = CONTENT_TYPES;
  const authors = await linked(author.uid, source.authors ?? [], 'Author');
  const tags = await linked(tag.uid, source.tags ?? [], 'Tag');
  const [sectionId] = await linked(section.uid, source.section ? [source.section] : [], 'Section');
  const [seriesId] = await linked(series.uid, source.series ? [source.series] : [], 'Series');
  const editorsNote = source.editorsNote ? await noteIn(strapi, source.editorsNote.documentId, to, made.text.editorsNote, notes) : null;

  await documents.update({
    documentId,
    locale: to,
    data: {
      ...draftData(source, made.text),
      authors,
      tags,
      section: sectionId ?? null,
      series: seriesId ?? null,
      editorsNote,
      translationOrigin: 'machine',
      translatedFrom: from,
      translationProvider: provider.name,
    },
  } as never);
  // The version it follows is the server's to set (editorial/publishing-stamps.ts keeps it out of saves).
  await strapi.db
    .query(ARTICLE)
    .updateMany({ where: { documentId, locale: to }, data: { translatedFromVersion: sourceVersion, translationStale: false } });
  return { documentId, locale: to, provider: provider.name, sourceVersion, notes };
}

/**
 * The editor's note in `to`: its own version when it has one, else a draft made from the translated words
 * (published with the article by an editor, like any note).
 */
async function noteIn(strapi: Core.Strapi, documentId: string, to: string, words: ArticleText['editorsNote'], notes: string[]) {
  const uid = CONTENT_TYPES.editorsNote.uid;
  if ((await existingIn(strapi, uid, [documentId], to)).size > 0) return documentId;
  if (!words) return null;
  await strapi.documents(uid).update({ documentId, locale: to, data: { label: words.label, body: words.body } } as never);
  notes.push(`The editor's note was machine-translated into a ${to} draft of its own: review and publish it too`);
  return documentId;
}
