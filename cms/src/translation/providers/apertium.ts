import { ProviderError, exchange, mapLimited, markNames, type TranslationProvider } from './provider';
import { PROVIDER_NAMES } from './names';

// Apertium (apertium-apy, from Debian): a rule-based engine running on this machine. It names languages by
// ISO 639-3 and has pairs (eng → spa, eng → cat); one fragment a request. It cannot be told to leave a
// word alone, so kept names travel as placeholder tokens, which it passes through as unknown words.

const CODES: Record<string, string> = {
  en: 'eng',
  es: 'spa',
  ca: 'cat',
  fr: 'fra',
  pt: 'por',
  it: 'ita',
  de: 'deu',
  gl: 'glg',
  eu: 'eus',
  oc: 'oci',
};
const SITE = Object.fromEntries(Object.entries(CODES).map(([site, apertium]) => [apertium, site]));
const token = (index: number) => `ZQX${index}XQZ`;

export function apertiumProvider(baseUrl: string, { timeoutMs = 15_000 } = {}): TranslationProvider {
  const base = baseUrl.replace(/\/$/, '');
  return {
    id: 'apertium',
    name: PROVIDER_NAMES.apertium,
    async targets(source) {
      const code = CODES[source];
      if (!code) return [];
      const response = await exchange(`${base}/listPairs`, {}, { timeoutMs });
      const pairs = ((await response.json()) as { responseData?: { sourceLanguage: string; targetLanguage: string }[] }).responseData ?? [];
      // Variants (cat_valencia, eng_US) are left out: the plain language is the one offered.
      return pairs.filter((p) => p.sourceLanguage === code && SITE[p.targetLanguage]).map((p) => SITE[p.targetLanguage]);
    },
    async translate(fragments, from, to, keep) {
      const langpair = `${CODES[from]}|${CODES[to]}`;
      if (!CODES[from] || !CODES[to]) throw new ProviderError(`Apertium does not translate ${from} into ${to}`, false);
      const names = [...new Set(keep)].sort((a, b) => b.length - a.length);
      return mapLimited(fragments, 4, async (fragment) => {
        const marked = markNames(fragment, names, (_name, index) => token(index));
        const body = new URLSearchParams({ q: marked, langpair, format: 'html', markUnknown: 'no' });
        const response = await exchange(`${base}/translate`, { method: 'POST', body }, { timeoutMs });
        const answer = (await response.json()) as { responseData?: { translatedText?: string }; responseStatus?: number };
        const text = answer.responseData?.translatedText;
        if (typeof text !== 'string') throw new ProviderError(`Apertium answered ${answer.responseStatus} without a translation`, true);
        return text.replace(/ZQX(\d+)XQZ/g, (all, i: string) => names[Number(i)] ?? all);
      });
    },
  };
}
