import type { IndexedArticle, Label } from './engine';

type Block = { type?: string; text?: string; children?: Block[] };

/** The plain text of Strapi `blocks` rich text: paragraphs, headings, lists and quotes. */
export function blocksToText(blocks: Block[] | null | undefined): string {
  if (!Array.isArray(blocks)) return '';
  const text = (node: Block): string => (typeof node.text === 'string' ? node.text : (node.children ?? []).map(text).join(''));
  return blocks
    .map(text)
    .filter((line) => line.trim().length > 0)
    .join('\n');
}

type BodyPart = { __component: string; body?: Block[]; caption?: string | null };

/** An article row (with its body, section, authors and tags populated) as the index holds it. */
export function toIndexedArticle(row: {
  documentId: string;
  locale: string;
  slug: string;
  title: string;
  standfirst?: string | null;
  body?: BodyPart[] | null;
  section?: Label | null;
  authors?: Label[] | null;
  tags?: Label[] | null;
  firstPublishedAt?: string | Date | null;
  publishedAt: string | Date;
}): IndexedArticle {
  const body = (row.body ?? [])
    .map((part) => (part.__component === 'content.rich-text' ? blocksToText(part.body) : (part.caption ?? '')))
    .filter(Boolean)
    .join('\n');
  const label = (value: Label) => ({ slug: value.slug, name: value.name });
  return {
    documentId: row.documentId,
    locale: row.locale,
    slug: row.slug,
    title: row.title,
    standfirst: row.standfirst ?? '',
    body,
    section: row.section ? label(row.section) : null,
    authors: (row.authors ?? []).map(label),
    tags: (row.tags ?? []).map(label),
    publishedAt: new Date(row.firstPublishedAt ?? row.publishedAt),
  };
}
