import fs from 'fs';
import path from 'path';
import { startCms, type TestCms } from './helpers/strapi';

const HOUR = 3_600_000;
let cms: TestCms;
let token: string;

beforeAll(async () => {
  cms = await startCms({ env: { TRENDS_MIN_SEARCHES: '3', TRENDS_CLIENT_SEARCHES_PER_HOUR: '5' } });
  token = fs.readFileSync(path.join(cms.tmp, 'web-api-token'), 'utf8').trim();
});
afterAll(async () => {
  await cms?.stop();
});

const record = (term: unknown, client: string, locale = 'en') =>
  cms.api.post('/api/search-trends').set('Authorization', `Bearer ${token}`).set('x-reader-key', client).send({ term, locale });
const trends = async (locale = 'en') => {
  const res = await cms.api.get('/api/search-trends').query({ locale });
  expect(res.status).toBe(200);
  return res.body.data as { term: string; pinned: boolean }[];
};
const service = () => (require('../dist/src/trends/trends') as typeof import('../src/trends/trends')).searchTrends(cms.strapi);

describe('recording searches', () => {
  it('counts each client once per term, folded, and lists a term only after enough distinct searches', async () => {
    expect((await record('Night  Ferry', 'reader-1')).body.data).toEqual({ recorded: true });
    expect((await record('night ferry', 'reader-1')).body.data).toEqual({ recorded: false, reason: 'already counted for this client' });
    expect((await record('NÏGHT ferry ', 'reader-2')).body.data).toEqual({ recorded: true });
    service().forget();
    expect((await trends()).map((t) => t.term)).not.toContain('night ferry');

    await record('night ferry', 'reader-3');
    service().forget();
    expect(await trends()).toContainEqual({ term: 'night ferry', pinned: false });
  });

  it('limits how many searches one client can record in an hour', async () => {
    const results = [];
    for (let i = 0; i < 7; i++) results.push((await record(`limit term ${i}`, 'busy-client')).body.data.recorded);
    expect(results).toEqual([true, true, true, true, true, false, false]);
  });

  it('does not record junk: URLs, addresses, terms without letters, over-long terms', async () => {
    for (const term of [
      'https://spam.example/buy',
      'www.example.com',
      'cheap pills shop.xyz',
      'me@example.com',
      '12345',
      '!!!',
      'x'.repeat(61),
    ]) {
      expect({ term, recorded: (await record(term, `junk-${term}`)).body.data.recorded }).toEqual({ term, recorded: false });
    }
  });

  it('refuses bad input with a 400, and anyone but the web app with a 403', async () => {
    expect((await record('', 'c')).status).toBe(400);
    expect((await record(42, 'c')).status).toBe(400);
    expect((await record('x'.repeat(201), 'c')).status).toBe(400);
    expect((await record('ferry', 'c', 'xx')).body.error.message).toMatch(/locale must be one of/);
    const anonymous = await cms.api.post('/api/search-trends').send({ term: 'ferry', locale: 'en' });
    expect(anonymous.status).toBe(403);
    expect((await cms.api.get('/api/search-trends').query({ locale: 'xx' })).status).toBe(400);
  });

  it('stores nothing about the reader: only term, locale, hour and a count', async () => {
    const columns = Object.keys(await cms.strapi.db.connection('search_trend_counts').columnInfo()).sort();
    expect(columns).toEqual(['hour', 'locale', 'searches', 'term']);
  });
});

describe('what is trending', () => {
  it('weighs recent searches above older ones, and forgets those outside the window', async () => {
    const trends = service();
    const now = new Date();
    const at = (hoursAgo: number) => new Date(now.getTime() - hoursAgo * HOUR);
    // Yesterday's story had more searches than today's, but today's is what readers want now.
    for (let i = 0; i < 8; i++) await trends.record({ term: 'bridge closure', locale: 'en', client: `old-${i}`, at: at(30) });
    for (let i = 0; i < 4; i++) await trends.record({ term: 'storm surge', locale: 'en', client: `new-${i}`, at: at(1) });
    for (let i = 0; i < 9; i++) await trends.record({ term: 'last week', locale: 'en', client: `gone-${i}`, at: at(24 * 7) });

    const terms = (await trends.list('en', now)).map((t: { term: string }) => t.term);
    expect(terms.indexOf('storm surge')).toBeLessThan(terms.indexOf('bridge closure'));
    expect(terms).toContain('bridge closure');
    expect(terms).not.toContain('last week');
    // Seen from two days later, yesterday's story has left the window.
    expect((await trends.list('en', new Date(now.getTime() + 30 * HOUR))).map((t: { term: string }) => t.term)).not.toContain(
      'bridge closure',
    );
  });

  it('keeps each locale to itself', async () => {
    for (let i = 0; i < 3; i++) await service().record({ term: '渡轮', locale: 'zh', client: `zh-${i}` });
    service().forget();
    expect((await trends('zh')).map((t) => t.term)).toEqual(['渡轮']);
    expect((await trends('en')).map((t) => t.term)).not.toContain('渡轮');
  });

  it('never shows blocked terms and always shows pinned ones first, as soon as an editor saves them', async () => {
    const rules = cms.strapi.documents('api::trend-rule.trend-rule');
    // A term trending now (its own readers), and the cache filled: the rules below must take effect anyway.
    for (let i = 0; i < 3; i++) await service().record({ term: 'Storm Surge', locale: 'en', client: `surge-${i}` });
    service().forget();
    expect((await trends()).map((t) => t.term)).toContain('storm surge');
    await rules.create({ data: { term: 'Storm Surge', rule: 'block' }, locale: 'en' });
    await rules.create({ data: { term: 'Polling stations', rule: 'pin' }, locale: 'en' });
    const list = await trends();
    expect(list[0]).toEqual({ term: 'polling stations', pinned: true });
    expect(list.map((t) => t.term)).not.toContain('storm surge');
    expect((await trends('zh')).map((t) => t.term)).not.toContain('polling stations');
  });
});
