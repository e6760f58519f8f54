import { ProviderError, batches, exchange, markNames, type TranslationProvider } from './provider';
import { PROVIDER_NAMES } from './names';

// DeepL API v2 (`POST /v2/translate`, `Authorization: DeepL-Auth-Key …`): at most 50 texts and 128 KiB a
// request; with tag_handling=html an element marked translate="no" is left as it is. 456: quota used up.

const LIMITS = { count: 50, characters: 30_000 };
// DeepL's codes: upper case; Chinese as ZH, British or American English as a target.
const TARGET: Record<string, string> = { en: 'EN-GB', zh: 'ZH', pt: 'PT-PT' };

export function deeplProvider({ url, key, timeoutMs = 15_000 }: { url: string; key: string; timeoutMs?: number }): TranslationProvider {
  const base = url.replace(/\/$/, '');
  const headers = { Authorization: `DeepL-Auth-Key ${key}`, 'Content-Type': 'application/json' };
  return {
    id: 'deepl',
    name: PROVIDER_NAMES.deepl,
    async targets(source) {
      const response = await exchange(`${base}/v2/languages?type=target`, { headers }, { timeoutMs });
      const languages = (await response.json()) as { language: string }[];
      const codes = languages.map((l) => l.language.toLowerCase().split('-')[0]);
      return [...new Set(codes)].filter((code) => code !== source);
    },
    async translate(fragments, from, to, keep) {
      const marked = fragments.map((fragment) => markNames(fragment, keep, (name) => `<span translate="no">${name}</span>`));
      const out: string[] = [];
      for (const batch of batches(marked, LIMITS)) {
        const body = { text: batch, source_lang: from.toUpperCase(), target_lang: TARGET[to] ?? to.toUpperCase(), tag_handling: 'html' };
        let response: Response;
        try {
          response = await exchange(`${base}/v2/translate`, { method: 'POST', headers, body: JSON.stringify(body) }, { timeoutMs });
        } catch (error) {
          if (error instanceof ProviderError && error.status === 456) throw new ProviderError('DeepL: the quota is used up', false, 456);
          throw error;
        }
        const answer = (await response.json()) as { translations?: { text: string }[] };
        if (answer.translations?.length !== batch.length) throw new ProviderError('DeepL answered a different number of texts', true);
        out.push(...answer.translations.map((t) => t.text.replace(/<span translate="no">([\s\S]*?)<\/span>/g, '$1')));
      }
      return out;
    },
  };
}
