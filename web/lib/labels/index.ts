import 'server-only';
import fs from 'fs';
import path from 'path';
import { DEFAULT_LOCALE, LOCALE_SETTINGS, isLocale } from '@newsroom/contract';
import { compileLabels, type Dictionary, type Labels } from './compile';

export type { Dictionary, Labels } from './compile';

const FALLBACK: string = DEFAULT_LOCALE;
// A language code as the labels files are named (BCP 47): nothing else reaches the file system.
const LANGUAGE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
const dictionaries = new Map<string, Dictionary>();

function readDictionary(locale: string): Dictionary {
  if (!LANGUAGE.test(locale)) return {};
  const file = path.join(/*turbopackIgnore: true*/ process.cwd(), 'labels', `${locale}.json`);
  try {
    return JSON.parse(fs.readFileSync(/*turbopackIgnore: true*/ file, 'utf8')) as Dictionary;
  } catch (error) {
    if (locale === FALLBACK) throw error;
    return {}; // a locale without its labels file reads the English words
  }
}

/**
 * A locale's words, each missing one in English (read once per process from web/labels). Any language
 * may have a file: a machine translation's page reads its notice from one (labels/es.json) when there is.
 */
export function dictionaryFor(locale: string): Dictionary {
  let dictionary = dictionaries.get(locale);
  if (!dictionary) {
    dictionary = locale === FALLBACK ? readDictionary(locale) : { ...readDictionary(FALLBACK), ...readDictionary(locale) };
    dictionaries.set(locale, dictionary);
  }
  return dictionary;
}

const compiled = new Map<string, Labels>();

/** The site's words in `locale` (or another language, English where it has no file), ready to use. */
export function labelsFor(locale: string): Labels {
  let labels = compiled.get(locale);
  if (!labels) {
    labels = compileLabels(dictionaryFor(locale), isLocale(locale) ? LOCALE_SETTINGS[locale].intl : locale);
    compiled.set(locale, labels);
  }
  return labels;
}
