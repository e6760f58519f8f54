import { cmsEnv } from '../src/env';

// Machine translation (src/translation): which service, what it may cost, how long readers wait.
export default () => {
  const env = cmsEnv();
  return {
    provider: env.TRANSLATION_PROVIDER === '' ? 'none' : env.TRANSLATION_PROVIDER,
    apertium: { url: env.APERTIUM_URL },
    azure: { url: env.AZURE_TRANSLATOR_URL, key: env.AZURE_TRANSLATOR_KEY, region: env.AZURE_TRANSLATOR_REGION },
    deepl: { url: env.DEEPL_URL, key: env.DEEPL_AUTH_KEY },
    // Offered to readers (empty: all the provider has for the article's language).
    targets: env.TRANSLATION_TARGETS,
    dailyCharacters: env.TRANSLATION_DAILY_CHARACTERS,
    waitMs: env.TRANSLATION_WAIT_MS,
    requestTimeoutMs: env.TRANSLATION_REQUEST_TIMEOUT_MS,
    concurrency: env.TRANSLATION_CONCURRENCY,
  };
};
