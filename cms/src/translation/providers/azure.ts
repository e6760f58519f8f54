import { ProviderError, batches, exchange, markNames, type TranslationProvider } from './provider';
import { PROVIDER_NAMES } from './names';

// Azure AI Translator, REST v3 (`/translate?api-version=3.0`): at most 1,000 elements and 50,000 characters
// a request; a name wrapped in `<span class="notranslate">` is left as it is (textType=html).

const LIMITS = { count: 1_000, characters: 50_000 };
// The site's codes where Azure's differ.
const AZURE: Record<string, string> = { zh: 'zh-Hans' };
const SITE: Record<string, string> = { 'zh-Hans': 'zh' };
const KEEP_OPEN = '<span class="notranslate">';

export function azureProvider({
  url,
  key,
  region,
  timeoutMs = 15_000,
}: {
  url: string;
  key: string;
  region?: string;
  timeoutMs?: number;
}): TranslationProvider {
  const base = url.replace(/\/$/, '');
  const headers = {
    'Ocp-Apim-Subscription-Key': key,
    ...(region ? { 'Ocp-Apim-Subscription-Region': region } : {}),
    'Content-Type': 'application/json',
  };
  return {
    id: 'azure',
    name: PROVIDER_NAMES.azure,
    async targets(source) {
      const response = await exchange(`${base}/languages?api-version=3.0&scope=translation`, { headers }, { timeoutMs });
      const { translation } = (await response.json()) as { translation?: Record<string, unknown> };
      const sourceCode = AZURE[source] ?? source;
      return Object.keys(translation ?? {})
        .filter((code) => code !== sourceCode)
        .map((code) => SITE[code] ?? code);
    },
    async translate(fragments, from, to, keep) {
      const marked = fragments.map((fragment) => markNames(fragment, keep, (name) => `${KEEP_OPEN}${name}</span>`));
      const query = new URLSearchParams({ 'api-version': '3.0', from: AZURE[from] ?? from, to: AZURE[to] ?? to, textType: 'html' });
      const out: string[] = [];
      for (const batch of batches(marked, LIMITS)) {
        const response = await exchange(
          `${base}/translate?${query}`,
          { method: 'POST', headers, body: JSON.stringify(batch.map((Text) => ({ Text }))) },
          { timeoutMs },
        );
        const answer = (await response.json()) as { translations?: { text: string }[] }[];
        if (!Array.isArray(answer) || answer.length !== batch.length)
          throw new ProviderError('Azure answered a different number of texts', true);
        out.push(...answer.map((item) => unmark(item.translations?.[0]?.text ?? '')));
      }
      return out;
    },
  };
}

const unmark = (text: string) => text.replace(/<span class="notranslate">([\s\S]*?)<\/span>/g, '$1');
