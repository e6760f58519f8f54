import 'server-only';
import { z } from 'zod';
import { MACHINE_TRANSLATION_PATHS } from '@newsroom/contract';
import { articleTranslation, translationLanguages, type ArticleTranslation } from '@newsroom/contract/schemas';
import { cmsGet } from './client';
import { ARTICLE, isSlug } from './queries';
import { article, itemsOf } from './schemas';
import { FALLBACK_REVALIDATE_SECONDS, tags } from './tags';
import type { Article } from './types';

// Machine translations for readers, made and kept by the CMS (cms/src/translation). The site asks for the
// languages on offer, and for an article's words in one of them, which it lays over the original.

const cache = (...t: string[]) => ({ tags: t, revalidate: FALLBACK_REVALIDATE_SECONDS });

export type TranslationOffer = { languages: string[]; provider: { id: string; name: string } | null };

/** What articles in `locale` can be machine translated into; none when no provider is configured or it is down. */
export async function getTranslationOffer(locale: string): Promise<TranslationOffer> {
  try {
    const answer = await cmsGet(MACHINE_TRANSLATION_PATHS.languages, { locale }, translationLanguages, cache(tags.translationLanguages));
    return { languages: answer?.data ?? [], provider: answer?.meta.provider ?? null };
  } catch (error) {
    // The article page is unaffected: it shows no Translate control.
    console.error(`machine translation languages: ${(error as Error).message}`);
    return { languages: [], provider: null };
  }
}

export type MachineTranslated = { article: Article; meta: ArticleTranslation['meta'] };

type RawArticle = Record<string, unknown> & { documentId: string; body?: Record<string, unknown>[] | null };

/**
 * The translation's words laid over the original's REST payload: headline, standfirst, body parts and
 * figures by position, cover and gallery captions, the editor's note, corrections. Everything else
 * (pictures, credits, names, links, dates) stays the original's.
 */
export function overlay(original: RawArticle, words: ArticleTranslation['data']): RawArticle {
  const figure = (target: unknown, text: { caption: string | null; alt: string | null } | null | undefined) =>
    target && text
      ? {
          ...(target as object),
          caption: text.caption ?? (target as { caption?: unknown }).caption,
          alt: text.alt ?? (target as { alt?: unknown }).alt,
        }
      : target;
  const note = original.editorsNote as Record<string, unknown> | null | undefined;
  const corrections = (original.corrections as Record<string, unknown>[] | null | undefined) ?? null;
  return {
    ...original,
    title: words.title,
    standfirst: words.standfirst,
    body: (original.body ?? []).map((part, i) => {
      const text = words.body[i];
      if (!text || text.__component !== part.__component) return part;
      return text.__component === 'content.rich-text' ? { ...part, body: text.body ?? part.body } : figure(part, text);
    }) as RawArticle['body'],
    cover: figure(original.cover, words.cover),
    gallery: ((original.gallery as unknown[] | null | undefined) ?? []).map((item, i) => figure(item, words.gallery[i])),
    editorsNote: note && words.editorsNote ? { ...note, label: words.editorsNote.label, body: words.editorsNote.body ?? note.body } : note,
    corrections: corrections?.map((correction, i) => ({ ...correction, text: words.corrections[i]?.text ?? correction.text })) ?? null,
  };
}

/**
 * An article's published version machine translated into `language`, in the same shape as the original,
 * or null when there is no such article or translation on offer. A translation that cannot be had now
 * (the CMS answers 503) throws: the page then answers 503 (proxy.ts), and nothing is cached.
 */
export async function getMachineTranslation(locale: string, slug: string, language: string): Promise<MachineTranslated | null> {
  if (!isSlug(slug)) return null;
  const articleTag = tags.article(locale, slug);
  const originals = await cmsGet(
    '/articles',
    { ...ARTICLE, locale, filters: { slug: { $eq: slug } }, pagination: { page: 1, pageSize: 1, withCount: false } },
    itemsOf(z.looseObject({ documentId: z.string() })),
    cache(articleTag, tags.sectionNames, tags.tagNames, tags.editorsNotes),
  );
  const original = originals?.[0] as RawArticle | undefined;
  if (!original) return null;
  // Refreshed with the article: a new version of it is a new translation.
  const translation = await cmsGet(
    MACHINE_TRANSLATION_PATHS.article(original.documentId),
    { locale, to: language },
    articleTranslation,
    cache(articleTag),
  );
  if (!translation) return null;
  return { article: article.parse(overlay(original, translation.data)), meta: translation.meta };
}
