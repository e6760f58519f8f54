import type { Core } from '@strapi/strapi';
import { ARTICLE, CONTENT_TYPES } from '@newsroom/contract';
import { fragmentsOf, textOf, TEXT_QUERY, type ArticleText } from './article-text';
import { ProviderError, providerFor, type TranslationConfig, type TranslationProvider } from './providers';
import { secondsUntilTomorrow, translationStore, type StoredTranslation, type TranslationKey } from './store';

const LANGUAGES_CACHE_MS = 3_600_000;

/** No translation now, but perhaps later: the API answers 503 with Retry-After (never cached). */
export class TranslationUnavailable extends Error {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
    this.name = 'TranslationUnavailable';
  }
}

/** The request names something that is not there: no published article, or a language not offered. */
export class TranslationNotFound extends Error {
  name = 'TranslationNotFound';
}

const iso = (value: string | Date) => new Date(value).toISOString();

/** The version of a published article a translation follows: the time its public copy was published. */
export const versionOf = (article: { publishedAt: string | Date }) => iso(article.publishedAt);

/**
 * Machine translation, for readers and editors, through the configured provider: each version of an
 * article is translated once per language and kept (store.ts); what is sent is counted against a daily
 * budget shared by every node; a few translations are made at once and the same one never twice at once.
 */
export class MachineTranslation {
  readonly provider: TranslationProvider | null;
  private readonly store;
  private readonly inFlight = new Map<string, Promise<StoredTranslation>>();
  private readonly languageLists = new Map<string, { at: number; codes: string[] }>();
  private running = 0;

  constructor(
    private readonly strapi: Core.Strapi,
    readonly config: TranslationConfig = strapi.config.get('translation') as TranslationConfig,
    provider?: TranslationProvider | null,
  ) {
    this.provider = provider === undefined ? providerFor(config) : provider;
    this.store = translationStore(strapi.db.connection);
  }

  ensureSchema() {
    return this.store.ensureSchema();
  }

  /** Everything the provider translates `source` into (cached an hour; the last good list while it is down). */
  async providerTargets(source: string): Promise<string[]> {
    if (!this.provider) return [];
    const cached = this.languageLists.get(source);
    if (cached && Date.now() - cached.at < LANGUAGES_CACHE_MS) return cached.codes;
    try {
      const codes = (await this.provider.targets(source)).filter((code) => code !== source);
      this.languageLists.set(source, { at: Date.now(), codes });
      return codes;
    } catch (error) {
      if (cached) return cached.codes;
      throw this.unavailable(error);
    }
  }

  /** The languages readers are offered for an article in `source`: the provider's, narrowed by TRANSLATION_TARGETS. */
  async languages(source: string): Promise<string[]> {
    const codes = await this.providerTargets(source);
    return this.config.targets.length > 0 ? codes.filter((code) => this.config.targets.includes(code)) : codes;
  }

  /**
   * The published version of an article in `target`, for readers: as kept, or made now. A reader waits
   * at most `waitMs` for a new one (then 503; it goes on being made and is kept for the next visit).
   */
  async forReaders(documentId: string, locale: string, target: string): Promise<StoredTranslation> {
    if (!(await this.languages(locale)).includes(target)) {
      throw new TranslationNotFound(`Articles in ${locale} are not translated into ${target} here`);
    }
    const article = await this.strapi.documents(ARTICLE).findOne({ documentId, locale, status: 'published', ...TEXT_QUERY } as never);
    if (!article) throw new TranslationNotFound(`There is no published article ${documentId} in ${locale}`);
    const key = { documentId, sourceLocale: locale, sourceVersion: versionOf(article as { publishedAt: string }), target };
    const kept = await this.store.find(key);
    if (kept) return kept;

    const job = this.translation(key, article as never);
    let timer: NodeJS.Timeout | undefined;
    const waited = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new TranslationUnavailable('The translation is still being made', 10)), this.config.waitMs);
    });
    try {
      return await Promise.race([job, waited]);
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * Translates an article's words with its kept names (authors, the site's list), against the budget.
   * The same key asked for twice at once is made once.
   */
  translation(key: TranslationKey, article: Parameters<typeof textOf>[0] & { authors?: { name?: string }[] }): Promise<StoredTranslation> {
    const id = `${key.documentId}\n${key.sourceLocale}\n${key.sourceVersion}\n${key.target}`;
    const running = this.inFlight.get(id);
    if (running) return running;
    const authors = (article.authors ?? []).flatMap((author) => (author.name ? [author.name] : []));
    const job = this.make(key, textOf(article), authors).finally(() => this.inFlight.delete(id));
    this.inFlight.set(id, job);
    // A reader who stopped waiting does not see the outcome; the log does.
    job.catch((error: Error) =>
      this.strapi.log.warn(`machine translation ${key.documentId} ${key.sourceLocale}→${key.target}: ${error.message}`),
    );
    return job;
  }

  private async make(key: TranslationKey, text: ArticleText, authors: string[]): Promise<StoredTranslation> {
    const provider = this.provider;
    if (!provider) throw new TranslationNotFound('No machine translation service is configured');
    if (this.running >= this.config.concurrency) throw new TranslationUnavailable('Too many translations are being made', 15);
    this.running++;
    try {
      const { fragments, characters, rebuild } = fragmentsOf(text);
      if (!(await this.store.reserve(characters, this.config.dailyCharacters))) {
        throw new TranslationUnavailable("Today's machine translation budget is spent", secondsUntilTomorrow());
      }
      let translated: string[];
      try {
        translated = await provider.translate(fragments, key.sourceLocale, key.target, [...authors, ...(await this.namesKept())]);
      } catch (error) {
        await this.store.release(characters);
        throw this.unavailable(error);
      }
      const stored: StoredTranslation = {
        ...key,
        provider: provider.id,
        text: rebuild(translated),
        characters,
        createdAt: new Date().toISOString(),
      };
      await this.store.save(stored);
      return stored;
    } finally {
      this.running--;
    }
  }

  /** The site's list of names machine translation must leave alone (Site: namesNotTranslated), one a line. */
  private async namesKept(): Promise<string[]> {
    const site: { namesNotTranslated?: string | null } | null = await this.strapi.db
      .query(CONTENT_TYPES.site.uid)
      .findOne({ select: ['namesNotTranslated'], where: { namesNotTranslated: { $notNull: true } } });
    return (site?.namesNotTranslated ?? '')
      .split(/\r?\n|,/)
      .map((name) => name.trim())
      .filter(Boolean);
  }

  /** A provider failure, as readers and editors hear of it: try again later, and the log says why. */
  private unavailable(error: unknown): Error {
    if (error instanceof TranslationUnavailable || error instanceof TranslationNotFound) return error;
    const message = error instanceof Error ? error.message : String(error);
    this.strapi.log.error(`machine translation (${this.provider?.id}): ${message}`);
    const retryable = error instanceof ProviderError ? error.retryable : true;
    return new TranslationUnavailable(`The translation service is not available (${message})`, retryable ? 30 : 300);
  }
}

const instances = new WeakMap<Core.Strapi, MachineTranslation>();

/** This CMS's machine translation (one per Strapi instance: its in-flight jobs and caches are per node). */
export function machineTranslation(strapi: Core.Strapi): MachineTranslation {
  let service = instances.get(strapi);
  if (!service) {
    service = new MachineTranslation(strapi);
    instances.set(strapi, service);
  }
  return service;
}
