/**
 * Text as both search engines see it. Tokenising here, once, rather than in SQLite's and PostgreSQL's
 * own parsers gives the two engines the same words and so the same results: case and diacritics are
 * folded, punctuation separates words, and runs of Chinese/Japanese/Korean characters (written without
 * spaces) become overlapping two-character tokens, so any two or more consecutive characters are findable.
 */

const WORD = /[\p{L}\p{N}]+/gu;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const CJK_RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+/gu;

/** Case- and diacritic-insensitive form of a string: "Café" and "cafe" fold alike. */
export function fold(text: string) {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

export function isCjk(text: string) {
  return CJK.test(text);
}

/** Overlapping pairs of a CJK run: 潮水纪事 → 潮水 水纪 纪事 (a lone character stays itself). */
function bigrams(run: string) {
  const chars = [...run];
  if (chars.length < 2) return chars;
  return chars.slice(1).map((char, i) => chars[i] + char);
}

/** A word's tokens: itself, or the pairs of a CJK run. */
const wordTokens = (piece: string) => (isCjk(piece) ? bigrams(piece) : [piece]);

/** The searchable tokens of a text, in order (positions matter for phrases). */
export function tokenize(text: string): string[] {
  return [...fold(text).matchAll(WORD)].flatMap(([word]) => splitScripts(word).flatMap(wordTokens));
}

/**
 * One condition of a query: a sequence of tokens that must appear in this order, next to each other
 * (a quoted phrase, a CJK run, or a single word). `prefix` lets the last token be the start of a word,
 * for the word a reader is still typing.
 */
export type Clause = { tokens: string[]; prefix: boolean };

/**
 * Parses what a reader typed. Only double quotes mean something (a phrase); every other character that
 * is syntax in FTS5 or tsquery (`*`, `:`, `-`, `(`, `NEAR`, `OR`, backslashes...) is plain text, and
 * punctuation simply separates words. An unbalanced quote is ignored. The last bare word is a prefix.
 */
export function parseQuery(query: string): Clause[] {
  const clauses: Clause[] = [];
  const parts = query.split('"');
  const balanced = parts.length % 2 === 1;
  parts.forEach((part, i) => {
    const quoted = balanced && i % 2 === 1;
    const tokens = tokenize(part);
    if (tokens.length === 0) return;
    if (quoted) {
      clauses.push({ tokens, prefix: false });
      return;
    }
    // Outside quotes each word is its own clause, but a CJK run stays one clause: its pairs form a phrase.
    for (const [word] of fold(part).matchAll(WORD)) {
      for (const piece of splitScripts(word)) clauses.push({ tokens: wordTokens(piece), prefix: false });
    }
  });
  const last = clauses.at(-1);
  const endsInWord = /[\p{L}\p{N}]$/u.test(query);
  // A lone CJK character is a prefix of the pairs that start with it; a Latin word needs two letters.
  if (last && endsInWord && last.tokens.length === 1 && [...last.tokens[0]].length >= (isCjk(last.tokens[0]) ? 1 : 2)) {
    last.prefix = true;
  }
  return clauses;
}

/** A word split where it changes between CJK and other scripts ("2024年" → "2024", "年"). */
function splitScripts(word: string): string[] {
  const pieces: string[] = [];
  let last = 0;
  for (const match of word.matchAll(CJK_RUN)) {
    if (match.index > last) pieces.push(word.slice(last, match.index));
    pieces.push(match[0]);
    last = match.index + match[0].length;
  }
  if (last < word.length) pieces.push(word.slice(last));
  return pieces;
}

/** A piece of displayed text; `hit` marks the words that matched the query. */
export type Segment = { text: string; hit?: true };

/**
 * Where the query's words occur in an original text, as [start, end) offsets into that text. Matching
 * runs on the folded form, mapped back character by character so the original spelling is shown.
 */
export function matchRanges(text: string, clauses: Clause[]): [number, number][] {
  const origin: number[] = [];
  let folded = '';
  let offset = 0;
  for (const char of text) {
    const f = fold(char);
    for (let k = 0; k < f.length; k++) origin.push(offset);
    folded += f;
    offset += char.length;
  }
  origin.push(offset);

  const ranges: [number, number][] = [];
  for (const clause of clauses) {
    clause.tokens.forEach((token, i) => {
      const prefix = clause.prefix && i === clause.tokens.length - 1;
      const pattern = isCjk(token)
        ? escapeRegExp(token)
        : `(?<![\\p{L}\\p{N}])${escapeRegExp(token)}${prefix ? '[\\p{L}\\p{N}]*' : '(?![\\p{L}\\p{N}])'}`;
      for (const match of folded.matchAll(new RegExp(pattern, 'gu'))) {
        ranges.push([origin[match.index], origin[match.index + match[0].length]]);
      }
    });
  }
  return merge(ranges);
}

/** The text cut into plain and highlighted segments. */
export function highlight(text: string, clauses: Clause[]): Segment[] {
  return segments(text, matchRanges(text, clauses), 0, text.length);
}

/**
 * A window of about `length` characters around the first match, cut at word boundaries, with ellipses
 * where text was left out; the start of the text when nothing in it matched.
 */
export function snippet(text: string, clauses: Clause[], length = 220): Segment[] {
  const ranges = matchRanges(text, clauses);
  if (text.length <= length) return segments(text, ranges, 0, text.length);
  let start = ranges.length > 0 ? Math.max(0, ranges[0][0] - Math.floor(length / 3)) : 0;
  let end = Math.min(text.length, start + length);
  if (start > 0) start = wordStart(text, start);
  if (end < text.length) end = wordEnd(text, end);
  const result = segments(text, ranges, start, end);
  if (start > 0) result.unshift({ text: '… ' });
  if (end < text.length) result.push({ text: ' …' });
  return result;
}

function segments(text: string, ranges: [number, number][], start: number, end: number): Segment[] {
  const result: Segment[] = [];
  let at = start;
  for (const [from, to] of ranges) {
    if (to <= start || from >= end) continue;
    if (from > at) result.push({ text: text.slice(at, from) });
    result.push({ text: text.slice(Math.max(from, at), Math.min(to, end)), hit: true });
    at = Math.min(to, end);
  }
  if (at < end) result.push({ text: text.slice(at, end) });
  return result;
}

function merge(ranges: [number, number][]) {
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const range of ranges) {
    const last = merged.at(-1);
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([...range]);
  }
  return merged;
}

function wordStart(text: string, at: number) {
  const space = text.lastIndexOf(' ', at);
  return space >= 0 && at - space < 20 ? space + 1 : at;
}
function wordEnd(text: string, at: number) {
  const space = text.indexOf(' ', at);
  return space >= 0 && space - at < 20 ? space : at;
}
function escapeRegExp(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
