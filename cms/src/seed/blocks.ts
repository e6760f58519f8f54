/** Strapi `blocks` rich text from plain paragraphs. */
export function paragraphsToBlocks(paragraphs: string[]) {
  return paragraphs.map((text) => ({ type: 'paragraph', children: [{ type: 'text', text }] }));
}
