// Strapi's rich-text blocks to HTML fragments a translation service can read, and back. Each block whose
// children are text (a paragraph, heading, quote or list item) is one fragment, so a sentence keeps its
// emphasis and links in place: bold, italic, underline, strikethrough and code as <b> <i> <u> <s> <code>,
// a link as <a id="l…"> (its address stays here, never sent to be translated).

export type TextNode = {
  type: 'text';
  text: string;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  strikethrough?: boolean;
  code?: boolean;
};
export type LinkNode = { type: 'link'; url: string; children: TextNode[] };
export type Inline = TextNode | LinkNode;
export type Block = { type: string; children?: (Block | Inline)[]; [key: string]: unknown };

const MARKS = [
  ['bold', 'b'],
  ['italic', 'i'],
  ['underline', 'u'],
  ['strikethrough', 's'],
  ['code', 'code'],
] as const;
type Mark = (typeof MARKS)[number][0];

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const unescape = (text: string) =>
  text
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, '&');

const isInline = (node: Block | Inline): node is Inline => node.type === 'text' || node.type === 'link';

function textToHtml(node: TextNode) {
  let html = escape(node.text);
  for (const [mark, tag] of MARKS) if (node[mark]) html = `<${tag}>${html}</${tag}>`;
  return html;
}

/** One block's text children as HTML, and the addresses of its links by id. */
export function inlineToHtml(children: Inline[]): { html: string; links: string[] } {
  const links: string[] = [];
  const html = children
    .map((node) => {
      if (node.type === 'text') return textToHtml(node);
      links.push(node.url);
      return `<a id="l${links.length - 1}">${node.children.map(textToHtml).join('')}</a>`;
    })
    .join('');
  return { html, links };
}

/** The HTML a translation service gave back, as text children again (unknown tags are dropped, text kept). */
export function htmlToInline(html: string, links: string[]): Inline[] {
  const out: Inline[] = [];
  const marks: Mark[] = [];
  let link: LinkNode | null = null;
  const tagOf = new Map<string, Mark>(MARKS.map(([mark, tag]) => [tag, mark]));
  for (const [, tag, text] of html.matchAll(/(<[^>]*>)|([^<]+)/g)) {
    if (text !== undefined) {
      const node: TextNode = { type: 'text', text: unescape(text) };
      for (const mark of marks) node[mark] = true;
      (link ? link.children : out).push(node);
      continue;
    }
    const [, closing, name, attributes] = /^<(\/?)([a-zA-Z]+)([^>]*)>$/.exec(tag) ?? [];
    const mark = name ? tagOf.get(name.toLowerCase()) : undefined;
    if (mark) {
      if (closing) marks.splice(marks.lastIndexOf(mark), 1);
      else marks.push(mark);
    } else if (name?.toLowerCase() === 'a') {
      if (closing) link = null;
      else {
        const id = /id="l(\d+)"/.exec(attributes)?.[1];
        link = { type: 'link', url: id !== undefined ? (links[Number(id)] ?? '') : '', children: [] };
        out.push(link);
      }
    }
  }
  // A link the service emptied or lost its address: its words stay, as text.
  return out.flatMap((node) => (node.type === 'link' && (!node.url || node.children.length === 0) ? node.children : [node]));
}

/** Every block whose children are text, in reading order (the ones that are translated). */
export function textBlocks(blocks: Block[]): Block[] {
  return blocks.flatMap((block) => {
    if (block.type === 'code' || block.type === 'image' || !block.children) return [];
    if (block.children.every(isInline)) return [block];
    return textBlocks(block.children.filter((child): child is Block => !isInline(child)));
  });
}
