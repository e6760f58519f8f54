import { htmlToInline, inlineToHtml, textBlocks, type Block, type Inline } from './blocks-html';

// What of an article a machine translation changes: the headline, standfirst, body (its structure, links
// and emphasis kept), figure captions and alt text, the editor's note and the corrections. What it leaves:
// names, credits, addresses, slugs, dates and images. `ArticleText` holds only those words, in the REST
// shape of the article (body parts and figures in their order), so a reader's page lays it over the original.

export type FigureText = { caption: string | null; alt: string | null };
export type BodyText = { __component: 'content.rich-text'; body: Block[] | null } | ({ __component: 'media.figure' } & FigureText);

export type ArticleText = {
  title: string;
  standfirst: string | null;
  body: BodyText[];
  cover: FigureText | null;
  gallery: FigureText[];
  editorsNote: { label: string; body: Block[] | null } | null;
  corrections: { text: string }[];
};

const FIGURE_TEXT = { fields: ['caption', 'alt'] };
/** What the Document Service is asked for to read an article's words (and its authors, whose names are kept). */
export const TEXT_QUERY = {
  fields: ['title', 'standfirst', 'publishedAt', 'updatedAt', 'locale'],
  populate: {
    authors: { fields: ['name'] },
    editorsNote: { fields: ['label', 'body'] },
    corrections: { fields: ['text'] },
    cover: FIGURE_TEXT,
    gallery: FIGURE_TEXT,
    body: { on: { 'content.rich-text': { fields: ['body'] }, 'media.figure': FIGURE_TEXT } },
  },
};

type Read = {
  title?: string | null;
  standfirst?: string | null;
  body?: ({ __component: string; body?: Block[] | null } & Partial<FigureText>)[] | null;
  cover?: Partial<FigureText> | null;
  gallery?: Partial<FigureText>[] | null;
  editorsNote?: { label?: string | null; body?: Block[] | null } | null;
  corrections?: { text?: string | null }[] | null;
};

const figureText = (figure: Partial<FigureText>): FigureText => ({ caption: figure.caption ?? null, alt: figure.alt ?? null });

/** The words of an article read with TEXT_QUERY. */
export function textOf(article: Read): ArticleText {
  return {
    title: article.title ?? '',
    standfirst: article.standfirst ?? null,
    body: (article.body ?? []).map(
      (part): BodyText =>
        part.__component === 'content.rich-text'
          ? { __component: 'content.rich-text', body: part.body ?? null }
          : { __component: 'media.figure', ...figureText(part) },
    ),
    cover: article.cover ? figureText(article.cover) : null,
    gallery: (article.gallery ?? []).map(figureText),
    editorsNote: article.editorsNote ? { label: article.editorsNote.label ?? '', body: article.editorsNote.body ?? null } : null,
    corrections: (article.corrections ?? []).map((correction) => ({ text: correction.text ?? '' })),
  };
}

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const plain = (html: string) =>
  html
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .trim();

type Slot = { html: string; put: (translated: string) => void };

/**
 * The fragments to send, and how to put their translations back: `rebuild` returns a translated copy of
 * `text` (the original is untouched).
 */
export function fragmentsOf(text: ArticleText): {
  fragments: string[];
  characters: number;
  rebuild: (translated: string[]) => ArticleText;
} {
  const copy = structuredClone(text);
  const slots: Slot[] = [];
  const plainSlot = (value: string | null | undefined, put: (translated: string) => void) => {
    if (value && value.trim()) slots.push({ html: escape(value), put: (translated) => put(plain(translated)) });
  };
  const blockSlots = (blocks: Block[] | null | undefined) => {
    for (const block of textBlocks(blocks ?? [])) {
      const { html, links } = inlineToHtml(block.children as Inline[]);
      if (html.trim()) slots.push({ html, put: (translated) => (block.children = htmlToInline(translated, links)) });
    }
  };
  const figureSlots = (figure: FigureText | null | undefined) => {
    if (!figure) return;
    plainSlot(figure.caption, (t) => (figure.caption = t));
    plainSlot(figure.alt, (t) => (figure.alt = t));
  };

  plainSlot(copy.title, (t) => (copy.title = t));
  plainSlot(copy.standfirst, (t) => (copy.standfirst = t));
  for (const part of copy.body) {
    if (part.__component === 'content.rich-text') blockSlots(part.body);
    else figureSlots(part);
  }
  figureSlots(copy.cover);
  copy.gallery.forEach(figureSlots);
  if (copy.editorsNote) {
    const note = copy.editorsNote;
    plainSlot(note.label, (t) => (note.label = t));
    blockSlots(note.body);
  }
  for (const correction of copy.corrections) plainSlot(correction.text, (t) => (correction.text = t));

  const fragments = slots.map((slot) => slot.html);
  return {
    fragments,
    characters: fragments.reduce((sum, fragment) => sum + fragment.length, 0),
    rebuild(translated) {
      if (translated.length !== slots.length) throw new Error(`expected ${slots.length} translations, got ${translated.length}`);
      slots.forEach((slot, i) => slot.put(translated[i]));
      return copy;
    },
  };
}
