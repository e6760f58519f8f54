import { apertiumProvider } from './apertium';
import { azureProvider } from './azure';
import { deeplProvider } from './deepl';
import type { TranslationProvider } from './provider';

export type TranslationConfig = {
  provider: 'none' | 'apertium' | 'azure' | 'deepl';
  apertium: { url: string };
  azure: { url: string; key?: string; region?: string };
  deepl: { url: string; key?: string };
  targets: string[];
  dailyCharacters: number;
  waitMs: number;
  requestTimeoutMs: number;
  concurrency: number;
};

/** The configured provider, or null for none; a missing key fails at start, naming the variable. */
export function providerFor(config: TranslationConfig): TranslationProvider | null {
  const timeoutMs = config.requestTimeoutMs;
  switch (config.provider) {
    case 'apertium':
      return apertiumProvider(config.apertium.url, { timeoutMs });
    case 'azure':
      if (!config.azure.key) throw new Error('TRANSLATION_PROVIDER=azure needs AZURE_TRANSLATOR_KEY');
      return azureProvider({ url: config.azure.url, key: config.azure.key, region: config.azure.region, timeoutMs });
    case 'deepl':
      if (!config.deepl.key) throw new Error('TRANSLATION_PROVIDER=deepl needs DEEPL_AUTH_KEY');
      return deeplProvider({ url: config.deepl.url, key: config.deepl.key, timeoutMs });
    default:
      return null;
  }
}

export { ProviderError, type TranslationProvider } from './provider';
export { PROVIDER_NAMES } from './names';
