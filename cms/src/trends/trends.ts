import crypto from 'crypto';
import type { Core } from '@strapi/strapi';
import { CONTENT_TYPES } from '@newsroom/contract';
import { junkReason, normalizeTerm } from './terms';

const TABLE = 'search_trend_counts';
const RULE = CONTENT_TYPES.trendRule.uid;
const HOUR = 3_600_000;
const MAX_TRACKED_CLIENTS = 100_000;

export type TrendsConfig = {
  windowHours: number;
  halfLifeHours: number;
  minSearches: number;
  size: number;
  clientSearchesPerHour: number;
  cacheSeconds: number;
};

export type Trend = { term: string; pinned: boolean };

const hourOf = (time: Date) => Math.floor(time.getTime() / HOUR);

/**
 * Search Trends: anonymous counts of normalised search terms per language and hour, nothing else (no
 * address, no cookie, no client id is stored). Trending = the highest time-decayed counts of the recent
 * window among terms searched at least `minSearches` times, after the editors' rules: blocked terms
 * never show, pinned terms always come first.
 *
 * Manipulation is limited per client, in memory: a client counts once per term per window and at most
 * `clientSearchesPerHour` times an hour. (Several CMS nodes each keep their own limits.)
 */
export class SearchTrends {
  private readonly counted = new Map<string, number>(); // client+term → until when it is counted
  private readonly quotas = new Map<string, { hour: number; used: number }>();
  private readonly lists = new Map<string, { at: number; trends: Trend[] }>();
  private prunedHour = 0;

  constructor(
    private readonly strapi: Core.Strapi,
    private readonly config: TrendsConfig = strapi.config.get('trends') as TrendsConfig,
  ) {}

  private get knex() {
    return this.strapi.db.connection;
  }

  async ensureSchema() {
    if (await this.knex.schema.hasTable(TABLE)) return;
    await this.knex.schema.createTable(TABLE, (table) => {
      table.string('locale', 32).notNullable();
      table.string('term', 120).notNullable();
      table.integer('hour').notNullable();
      table.integer('searches').notNullable();
      table.primary(['locale', 'term', 'hour']);
      table.index(['locale', 'hour']);
    });
  }

  /** Counts one search, unless it is junk or this client has already had its say. */
  async record({ term, locale, client, at = new Date() }: { term: string; locale: string; client: string; at?: Date }) {
    const normalized = normalizeTerm(term);
    const junk = junkReason(normalized);
    if (junk) return { recorded: false, reason: junk };
    const limited = this.admit(client, `${locale}\n${normalized}`, at);
    if (limited) return { recorded: false, reason: limited };

    const hour = hourOf(at);
    await this.knex(TABLE)
      .insert({ locale, term: normalized, hour, searches: 1 })
      .onConflict(['locale', 'term', 'hour'])
      .merge({ searches: this.knex.raw('?? + 1', [`${TABLE}.searches`]) });
    await this.prune(hour);
    return { recorded: true };
  }

  /** The current trends of a locale, computed at most every `cacheSeconds`. */
  async current(locale: string) {
    const cached = this.lists.get(locale);
    if (cached && Date.now() - cached.at < this.config.cacheSeconds * 1000) return cached.trends;
    const trends = await this.list(locale);
    this.lists.set(locale, { at: Date.now(), trends });
    return trends;
  }

  /** Editors changed a rule: the next request recomputes. */
  forget() {
    this.lists.clear();
  }

  async list(locale: string, now = new Date()): Promise<Trend[]> {
    const { windowHours, halfLifeHours, minSearches, size } = this.config;
    const since = hourOf(now) - windowHours + 1;
    const inWindow = () => this.knex(TABLE).where('locale', locale).where('hour', '>=', since).where('hour', '<=', hourOf(now));
    const frequent = inWindow().select('term').groupBy('term').havingRaw('SUM(searches) >= ?', [minSearches]);
    const rows: { term: string; hour: number; searches: number }[] = await inWindow()
      .whereIn('term', frequent)
      .select('term', 'hour', 'searches');

    const scores = new Map<string, number>();
    for (const row of rows) {
      const ageHours = (now.getTime() - (Number(row.hour) + 0.5) * HOUR) / HOUR;
      scores.set(row.term, (scores.get(row.term) ?? 0) + Number(row.searches) * 0.5 ** (Math.max(ageHours, 0) / halfLifeHours));
    }

    const rules: { term: string; rule: 'pin' | 'block' }[] = await this.strapi.db
      .query(RULE)
      .findMany({ where: { locale }, select: ['term', 'rule'], orderBy: { id: 'asc' } });
    const blocked = new Set(rules.filter((r) => r.rule === 'block').map((r) => normalizeTerm(r.term)));
    const pinned = [...new Set(rules.filter((r) => r.rule === 'pin').map((r) => normalizeTerm(r.term)))].filter((t) => !blocked.has(t));

    const trending = [...scores]
      .filter(([term]) => !blocked.has(term) && !pinned.includes(term))
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .map(([term]) => ({ term, pinned: false }));
    return [...pinned.map((term) => ({ term, pinned: true })), ...trending].slice(0, size);
  }

  /** Null when this client may count this term now; otherwise why not. */
  private admit(client: string, key: string, at: Date) {
    const now = at.getTime();
    const hour = hourOf(at);
    const quota = this.quotas.get(client);
    const used = quota?.hour === hour ? quota.used : 0;
    if (used >= this.config.clientSearchesPerHour) return 'rate limited';
    const counted = `${client}\n${key}`;
    if ((this.counted.get(counted) ?? 0) > now) return 'already counted for this client';

    this.quotas.set(client, { hour, used: used + 1 });
    this.counted.set(counted, now + this.config.windowHours * HOUR);
    if (this.counted.size > MAX_TRACKED_CLIENTS) {
      for (const [k, until] of this.counted) if (until <= now) this.counted.delete(k);
    }
    if (this.quotas.size > MAX_TRACKED_CLIENTS) {
      for (const [k, q] of this.quotas) if (q.hour !== hour) this.quotas.delete(k);
    }
    return null;
  }

  /** Once an hour, drops counts that have left the window. */
  private async prune(hour: number) {
    if (hour === this.prunedHour) return;
    this.prunedHour = hour;
    await this.knex(TABLE)
      .where('hour', '<', hour - this.config.windowHours)
      .delete();
  }
}

/** A client's key for rate limiting: a salted hash, never stored, so no address is kept. */
export function clientKey(identity: string) {
  return crypto.createHash('sha256').update(`${SALT}\n${identity}`).digest('base64url').slice(0, 22);
}
const SALT = crypto.randomBytes(16).toString('hex');

const instances = new WeakMap<Core.Strapi, SearchTrends>();
export function searchTrends(strapi: Core.Strapi): SearchTrends {
  let trends = instances.get(strapi);
  if (!trends) {
    trends = new SearchTrends(strapi);
    instances.set(strapi, trends);
  }
  return trends;
}

/** Rules take effect at once: any change to them drops the cached lists. */
export function registerTrendRules(strapi: Core.Strapi) {
  strapi.documents.use(async (context, next) => {
    const result = await next();
    if (context.uid === RULE && context.action !== 'findMany' && context.action !== 'findOne' && context.action !== 'count') {
      searchTrends(strapi).forget();
    }
    return result;
  });
}
