// One interface over the machine translation services (TRANSLATION_PROVIDER): Apertium on this machine,
// Azure Translator v3 and DeepL v2 by their documented wire protocols. Languages are named as the site
// names them (BCP 47: `en`, `es`, `ca`, `zh`); each provider maps them to its own codes.

export interface TranslationProvider {
  id: 'apertium' | 'azure' | 'deepl';
  /** How readers are told who translated ("translated automatically by …"). */
  name: string;
  /** The languages it translates `source` into. */
  targets(source: string): Promise<string[]>;
  /**
   * Translates HTML fragments in order, markup kept; `keep` are names (people, places) to leave as they
   * are, which each provider is told in its own way. Long input is split into requests within its limits.
   */
  translate(fragments: string[], from: string, to: string, keep: string[]): Promise<string[]>;
}

/** A failed request to a provider: `retryable` for overload and outages, not for refusals (keys, quota). */
export class ProviderError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
    readonly status: number | null = null,
  ) {
    super(message);
    this.name = 'ProviderError';
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * One HTTP exchange with a provider, retried with backoff on network errors, 429 and 5xx (honouring
 * Retry-After up to a few seconds); a refusal (401, 403, 456, other 4xx) fails at once.
 */
export async function exchange(url: string, init: RequestInit, { attempts = 3, timeoutMs = 15_000, baseMs = 300 } = {}): Promise<Response> {
  for (let attempt = 1; ; attempt++) {
    let response: Response | null = null;
    let failure: ProviderError;
    try {
      response = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
      if (response.ok) return response;
      const body = (await response.text().catch(() => '')).slice(0, 200);
      const retryable = response.status === 429 || response.status >= 500;
      failure = new ProviderError(`${new URL(url).host} answered ${response.status} ${body}`.trim(), retryable, response.status);
    } catch (error) {
      failure = new ProviderError(`${new URL(url).host} could not be reached: ${(error as Error).message}`, true);
    }
    if (!failure.retryable || attempt >= attempts) throw failure;
    const retryAfter = Number(response?.headers.get('retry-after'));
    await sleep(Number.isFinite(retryAfter) && retryAfter > 0 ? Math.min(retryAfter, 5) * 1000 : baseMs * 2 ** (attempt - 1));
  }
}

/** Splits `items` into batches of at most `count` items and `characters` characters (each item whole). */
export function batches(items: string[], { count, characters }: { count: number; characters: number }): string[][] {
  const out: string[][] = [];
  let current: string[] = [];
  let size = 0;
  for (const item of items) {
    if (current.length > 0 && (current.length >= count || size + item.length > characters)) {
      out.push(current);
      current = [];
      size = 0;
    }
    current.push(item);
    size += item.length;
  }
  if (current.length > 0) out.push(current);
  return out;
}

/** Runs `work` over `items` with at most `limit` at a time, keeping the order of the results. */
export async function mapLimited<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        results[i] = await work(items[i]);
      }
    }),
  );
  return results;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Wraps each kept name in `wrap(name)` (longest first, whole words), so a provider can be told to leave it. */
export function markNames(fragment: string, keep: string[], wrap: (name: string, index: number) => string): string {
  const names = [...new Set(keep.filter((name) => name.trim().length > 1))].sort((a, b) => b.length - a.length);
  if (names.length === 0) return fragment;
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(${names.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`, 'gu');
  // Names inside tags (attributes) are left alone: only text between tags is marked.
  return fragment.replace(/(<[^>]*>)|([^<]+)/g, (all, tag: string | undefined, text: string | undefined) =>
    tag ? tag : (text ?? '').replace(pattern, (name) => wrap(name, names.indexOf(name))),
  );
}
