import type en from '../../labels/en.json';

// The site's words come from one dictionary per locale (web/labels/<code>.json), English filling any gap.
// Compiling turns a dictionary into what pages call: words, and functions for the ones with a count or a
// value in them. Pure, so client components can compile the dictionary the server hands them.

type Plural = Partial<Record<Intl.LDMLPluralRule, string>>;
type Entry = string | Plural;
/** A locale's dictionary: every key of the English one, any of them may be missing. */
export type Dictionary = { [K in keyof typeof en]?: Entry };

const fill = (template: string, values: Record<string, string>) => template.replace(/\{(\w+)\}/g, (all, name) => values[name] ?? all);

export function compileLabels(dictionary: Dictionary, intl: string) {
  const text = (key: keyof typeof en) => {
    const entry = dictionary[key];
    return typeof entry === 'string' ? entry : (entry?.other ?? String(key));
  };
  const counted = (key: keyof typeof en, count: number, values: Record<string, string> = {}) => {
    const entry = dictionary[key];
    const template = typeof entry === 'string' ? entry : (entry?.[new Intl.PluralRules(intl).select(count)] ?? entry?.other ?? String(key));
    return fill(template, values);
  };
  const number = (n: number) => new Intl.NumberFormat(intl).format(n);
  const words = Object.fromEntries(Object.keys(dictionary).map((key) => [key, text(key as keyof typeof en)])) as Record<
    keyof typeof en,
    string
  >;
  return {
    ...words,
    part: (n: number) => fill(text('part'), { n: number(n) }),
    aboutAuthors: (count: number) => counted('aboutAuthors', count),
    page: (page: number) => fill(text('page'), { page: number(page) }),
    pageOf: (page: number, count: number) => fill(text('pageOf'), { page: number(page), count: number(count) }),
    searchTitle: (query: string) => (query ? fill(text('searchTitleFor'), { query }) : text('searchTitle')),
    searchResults: (total: number, query: string) => counted('searchResults', total, { total: number(total), query }),
    searchNone: (query: string) => fill(text('searchNone'), { query }),
    notInLanguage: (language: string) => fill(text('notInLanguage'), { language }),
    machineNotice: (provider: string, site: string) => fill(text('machineNotice'), { provider, site }),
    translatedFrom: (language: string) => fill(text('translatedFrom'), { language }),
    translationReviewed: (language: string, provider: string) => fill(text('translationReviewed'), { language, provider }),
    translatedBy: (provider: string) => fill(text('translatedBy'), { provider }),
    /** A sentence with elements in it (links): its text, and the {names} where the elements go. */
    slots: (key: keyof typeof en) =>
      text(key)
        .split(/(\{\w+\})/)
        .filter(Boolean)
        .map((part) => (/^\{\w+\}$/.test(part) ? { slot: part.slice(1, -1) } : { text: part })),
  };
}

export type Labels = ReturnType<typeof compileLabels>;

/** The part of a dictionary a client component needs, to hand it from the server as a prop. */
export function pickWords<K extends keyof typeof en>(dictionary: Dictionary, keys: readonly K[]): Dictionary {
  return Object.fromEntries(keys.map((key) => [key, dictionary[key]]));
}
