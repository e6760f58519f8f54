import fs from 'fs';
import http from 'http';
import path from 'path';
import type { AddressInfo } from 'net';
import { ARTICLE, EDGE_PURGE_HEADER, SURROGATE_KEY_HEADER, collectionKey } from '@newsroom/contract';
import { startCms, type TestCms } from './helpers/strapi';

// What the edge may keep of the public API, under which keys, and the purges a change sends it: against a
// stand-in edge that records the PURGE requests it receives.
const purges: string[][] = [];
const edge = http.createServer((req, res) => {
  if (req.method === 'PURGE') purges.push(String(req.headers[EDGE_PURGE_HEADER] ?? '').split(' '));
  res.writeHead(200).end('Purged 1\n');
});

let cms: TestCms;
beforeAll(async () => {
  await new Promise<void>((resolve) => edge.listen(0, '127.0.0.1', resolve));
  const { port } = edge.address() as AddressInfo;
  cms = await startCms({ env: { EDGE_PURGE_URL: `http://127.0.0.1:${port}`, EDGE_API_MAX_AGE: '600' } });
});
afterAll(async () => {
  await cms?.stop();
  edge.closeAllConnections();
  await new Promise((resolve) => edge.close(resolve));
});

const keysOf = (header: string | undefined) => (header ?? '').split(' ').filter(Boolean);

describe('the public API at the edge', () => {
  it('marks an anonymous list public for EDGE_API_MAX_AGE, keyed by every document in it and its collection', async () => {
    const res = await cms.api.get('/api/articles').query({ populate: { authors: { fields: ['name'] } }, 'pagination[pageSize]': 3 });
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=0, s-maxage=600, stale-while-revalidate=60');
    const keys = keysOf(res.headers[SURROGATE_KEY_HEADER]);
    expect(keys).toContain(collectionKey(ARTICLE));
    for (const article of res.body.data) {
      expect(keys).toContain(article.documentId);
      for (const author of article.authors) expect(keys).toContain(author.documentId);
    }
  });

  it('keys one entry’s answer by its documents only, so publishing another entry leaves it', async () => {
    const documentId = await cms.idOf(ARTICLE, 'rents-rise-fastest-in-westbank');
    const res = await cms.api.get(`/api/articles/${documentId}`);
    expect(res.status).toBe(200);
    expect(keysOf(res.headers[SURROGATE_KEY_HEADER])).toEqual([documentId]);
  });

  it('does not mark an answer to a token, an error, or a route that is not a content type', async () => {
    const token = fs.readFileSync(path.join(cms.tmp, 'web-api-token'), 'utf8').trim();
    const withToken = await cms.api.get('/api/articles').set('Authorization', `Bearer ${token}`);
    expect(withToken.status).toBe(200);
    expect(withToken.headers['cache-control']).toBe('private, no-cache');
    expect(withToken.headers[SURROGATE_KEY_HEADER]).toBeUndefined();

    const refused = await cms.api.get('/api/articles').query({ 'filters[$and]': '1' });
    expect(refused.status).toBe(400);
    expect(refused.headers['cache-control']).toBeUndefined();

    const search = await cms.api.get('/api/search').query({ q: 'harbour' });
    expect(search.status).toBe(200);
    expect(search.headers[SURROGATE_KEY_HEADER]).toBeUndefined();
  });

  it('purges the document and its collection on a publish, and nothing for a draft save', async () => {
    const documentId = await cms.idOf(ARTICLE, 'night-market-returns-to-quayside');
    const articles = cms.strapi.documents(ARTICLE);
    purges.length = 0;
    await articles.update({ documentId, locale: 'en', data: { title: 'Night market: a draft headline' } });
    // The publish after the draft save: once its purge arrived, the draft save's would have arrived before it.
    await articles.publish({ documentId, locale: 'en' });
    for (let i = 0; i < 50 && purges.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(purges).toEqual([[documentId, collectionKey(ARTICLE)]]);
  });
});
