export const MAX_TERM_LENGTH = 60;

/** The form a search is counted under: case, diacritics and spacing folded, "Café  Lights" → "cafe lights". */
export function normalizeTerm(text: string) {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/["'“”‘’]/g, '')
    .replace(/\s+/gu, ' ')
    .trim();
}

const URL_LIKE = /(:\/\/|^www\.|\bwww\.|[a-z0-9-]+\.(com|net|org|io|co|info|biz|ru|cn|xyz|top|uk|de)\b|@)/u;

/** Why a normalised term is not worth counting, or null when it is. */
export function junkReason(term: string): string | null {
  if (term.length === 0) return 'empty';
  if (term.length > MAX_TERM_LENGTH) return 'too long';
  if (!/\p{L}/u.test(term)) return 'no letters';
  if (URL_LIKE.test(term)) return 'looks like a URL or address';
  return null;
}
