import fs from 'fs';
import path from 'path';
import { LOCALES } from '@newsroom/contract';
import { dictionaryFor, labelsFor } from '../labels';
import en from '../../labels/en.json';

// The site's words: one dictionary per language in web/labels, English filling every gap.
const files = fs.readdirSync(path.join(__dirname, '..', '..', 'labels')).filter((file) => file.endsWith('.json'));
const keys = Object.keys(en).filter((key) => key !== '$comment');

describe('labels', () => {
  it('has a complete dictionary for every locale of the site', () => {
    for (const locale of LOCALES) {
      const own = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'labels', `${locale}.json`), 'utf8'));
      expect({ locale, missing: keys.filter((key) => !(key in own)) }).toEqual({ locale, missing: [] });
    }
  });

  it('uses no word the English dictionary does not have (a typo would never be shown)', () => {
    for (const file of files) {
      const own = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'labels', file), 'utf8'));
      expect({ file, unknown: Object.keys(own).filter((key) => key !== '$comment' && !keys.includes(key)) }).toEqual({ file, unknown: [] });
    }
  });

  it('falls back to English for a missing word, never to its key', () => {
    const es = labelsFor('es');
    expect(es.updated).toBe('Actualizado');
    expect(es.share).toBe('Share');
    expect(labelsFor('fr').updated).toBe('Updated'); // no file at all
    for (const language of ['en', 'zh', 'es', 'ca', 'fr']) {
      const words = dictionaryFor(language);
      for (const key of keys)
        expect({
          language,
          key,
          filled: typeof words[key as keyof typeof words] === 'string' || typeof words[key as keyof typeof words] === 'object',
        }).toEqual({ language, key, filled: true });
    }
  });

  it('fills in values and counts in each language', () => {
    expect(labelsFor('en').aboutAuthors(2)).toBe('About the authors');
    expect(labelsFor('es').aboutAuthors(1)).toBe('Sobre el autor');
    expect(labelsFor('zh').machineNotice('Apertium', '潮水纪事报')).toBe('本文由 Apertium 自动翻译。潮水纪事报不对译文负责。');
    expect(labelsFor('zh').translationReviewed('英语', 'Microsoft Translator')).toBe(
      '由 Microsoft Translator 从英语机器翻译，并经本报编辑审校。',
    );
  });

  it('reads no file outside web/labels, whatever the language code', () => {
    expect(labelsFor('../package').updated).toBe('Updated');
  });
});
