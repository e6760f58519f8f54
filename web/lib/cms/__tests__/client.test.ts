import http from 'http';
import type { AddressInfo } from 'net';
import latest from '../../../test/fixtures/latest-articles.json';

// A stand-in HTTP server answering as Strapi would, to check what the client makes of each answer.
let server: http.Server;
let answer: { status: number; body: string } = { status: 200, body: '' };
let lastRequest: { url?: string; authorization?: string } = {};

beforeAll(async () => {
  server = http.createServer((req, res) => {
    lastRequest = { url: req.url, authorization: req.headers.authorization };
    res.writeHead(answer.status, { 'Content-Type': 'application/json' }).end(answer.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  process.env.CMS_URL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  process.env.STRAPI_API_TOKEN = 'test-token';
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

const load = () => require('../index') as typeof import('../index');

describe('the CMS client', () => {
  it('asks for exactly the fields an article card needs, with the web token, and parses the answer', async () => {
    answer = { status: 200, body: JSON.stringify(latest) };
    const latestArticles = await load().getLatestArticles({ locale: 'en', pageSize: 3 });
    // What the client made of the recorded answer: the app's own types, in the CMS's order.
    expect(latestArticles.map((a) => a.slug)).toEqual(latest.data.map((a: { slug: string }) => a.slug));
    expect(latestArticles[0]).toMatchObject({ id: latest.data[0].documentId, title: latest.data[0].title, locale: 'en' });
    expect(latestArticles[0].updated).toBeInstanceOf(Date);
    expect(lastRequest.authorization).toBe('Bearer test-token');
    const url = decodeURIComponent(lastRequest.url!);
    expect(url).toContain('/api/articles?');
    expect(url).toContain('fields[0]=title');
    expect(url).toContain('populate[authors][fields][0]=name');
    expect(url).toContain('sort[0]=firstPublishedAt:desc');
    expect(url).toContain('pagination[pageSize]=3');
    expect(url).toContain('pagination[withCount]=false'); // counting every article is the slow part at 100,000
    expect(url).not.toMatch(/populate=\*|email|internalNotes/);
  });

  it('raises a CmsError naming the request when Strapi fails or answers junk', async () => {
    const { getLatestArticles, CmsError } = load();
    answer = { status: 500, body: '{"error":{"message":"boom"}}' };
    await expect(getLatestArticles({ locale: 'en' })).rejects.toThrow(CmsError);
    await expect(getLatestArticles({ locale: 'en' })).rejects.toMatchObject({ status: 500, request: { path: '/articles' } });
    answer = { status: 200, body: '{"data":[{"nope":true}],"meta":{}}' };
    await expect(getLatestArticles({ locale: 'en' })).rejects.toThrow(/unexpected payload/);
  });

  it('raises a CmsError with no status when the CMS cannot be reached', async () => {
    const saved = process.env.CMS_URL;
    process.env.CMS_URL = 'http://127.0.0.1:9';
    jest.resetModules();
    try {
      await expect(load().getLatestArticles({ locale: 'en' })).rejects.toMatchObject({ name: 'CmsError', status: null });
    } finally {
      process.env.CMS_URL = saved;
      jest.resetModules();
    }
  });
});
