const { createSystem } = require('./helpers/system');
const { waitFor } = require('./helpers/http');
const fuzz = require('./helpers/fuzz');

// Both apps against hostile clients: one regression test per class of fault found by fuzzing, then a seeded
// fuzz run of both apps. Every answer must be a page or a clear 4xx: no 5xx, no cached error, no draft.
const system = createSystem({ cmsPort: 1397, webPort: 3097 });
const SEED = Number(process.env.FUZZ_SEED || fuzz.weeklySeed());
const REQUESTS_PER_APP = 600;
let catalog;
const running = system.duringTests({ ready: async () => (catalog = await readCatalog()) });

/** Real slugs and files of the seeded outlet, read from the public API, for requests that reach real code. */
async function readCatalog() {
  const get = async (path) => (await (await fetch(`${system.cms}${path}`)).json()).data;
  const slugs = async (type) => (await get(`/api/${type}?fields[0]=slug&pagination[pageSize]=100`)).map((e) => e.slug);
  const articles = await get('/api/articles?fields[0]=slug&pagination[pageSize]=100');
  const authors = await get('/api/authors?fields[0]=slug&populate[avatar][fields][0]=url&pagination[pageSize]=100');
  return {
    articles: articles.map((a) => a.slug),
    documentIds: articles.slice(0, 3).map((a) => a.documentId),
    authors: authors.map((a) => a.slug),
    uploads: authors.filter((a) => a.avatar).map((a) => a.avatar.url.replace(/^\/uploads\//, '')),
    sections: await slugs('sections'),
    tags: await slugs('tags'),
    series: await slugs('series-list'),
    pages: await slugs('pages'),
    zhAuthors: (await get('/api/authors?fields[0]=slug&locale=zh')).map((a) => a.slug),
  };
}

const web = (path, init = {}) => fuzz.send(system.web, { method: 'GET', headers: {}, path, ...init });
// The CMS logs every request it answers as a JSON line; what the site asked it for since `mark`, as
// "/api/path?query" strings.
const cmsRequestsSince = (mark) =>
  running
    .output()
    .slice(mark)
    .split('\n')
    .filter((line) => line.startsWith('[cms] {"time"'))
    .map((line) => JSON.parse(line.slice('[cms] '.length)))
    .filter((request) => request.method === 'GET' && request.path.startsWith('/api/'))
    .map((request) => `${request.path}?${request.query}`);

describe('hostile input, one class at a time', () => {
  it('answers any method but GET and HEAD on a page or feed with 405 and Allow, and never caches an error in its place', async () => {
    // Never rendered before: the first request to each is the odd one.
    const fresh = [
      `/zh/authors/${catalog.zhAuthors[0]}/feed.json`,
      `/authors/${catalog.authors[1]}/atom.xml`,
      `/tags/${catalog.tags[1]}`,
      '/corrections.xml',
    ];
    const methods = ['OPTIONS', 'POST', 'PUT', 'DELETE', 'PATCH', 'TRACE', 'PROPFIND'];
    for (const [i, path] of fresh.entries()) {
      const odd = await web(path, { method: methods[i % methods.length] });
      expect({ path, status: odd.status, allow: odd.headers.allow }).toEqual({ path, status: 405, allow: 'GET, HEAD' });
      expect(odd.headers['cache-control']).toBe('no-store');
    }
    for (const method of methods) {
      const odd = await web('/feed.xml', { method });
      expect({ method, status: odd.status }).toEqual({ method, status: 405 });
    }
    for (const path of fresh) {
      const page = await web(path);
      expect({ path, status: page.status }).toEqual({ path, status: 200 });
      expect(page.body.length).toBeGreaterThan(100);
    }
    const feed = await web('/feed.xml');
    expect(feed.status).toBe(200);
    expect(feed.body).toContain('<rss');
  });

  it('answers HEAD like GET, without a body, and a first HEAD leaves the page whole for the next GET', async () => {
    const path = `/sections/${catalog.sections[1]}/feed.json`;
    const head = await web(path, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
    const get = await web(path);
    expect(get.status).toBe(200);
    expect(get.headers['content-type']).toBe(head.headers['content-type']);
    expect(JSON.parse(get.body).items.length).toBeGreaterThan(0);
  });

  it('answers a broken percent-escape or a control character anywhere in a path with a 400 page', async () => {
    for (const path of [
      '/%',
      '/%zz',
      '/articles/%E0%A4%A',
      '/uploads/%c0%ae%c0%ae/etc',
      '/zh/sections/%ff',
      '/_next/%',
      '/api/%zz',
      '/x%00y',
      '/x%0d%0aSet-Cookie:a=b',
    ]) {
      const res = await web(path);
      expect({ path, status: res.status }).toEqual({ path, status: 400 });
      expect(res.body).toContain('Bad request');
      expect(res.headers['set-cookie']).toBeUndefined();
    }
  });

  it('answers unknown paths under /api, /_next and /sitemaps, odd-cased locales and built-in names with a 404, without asking the CMS', async () => {
    const mark = running.output().length;
    const cases = {
      '/api/nope': 'json',
      '/api/__proto__': 'json',
      '/api/articles': 'json',
      '/_next/sections/city': 'html',
      '/_next/constructor': 'html',
      '/sitemaps/a/b/c': 'html',
      '/ZH/articles/x': 'page',
      '/Zh/sections/city': 'page',
      [`/sections/${catalog.sections[0]}/__proto__`]: 'feed',
      [`/sections/${catalog.sections[0]}/constructor`]: 'feed',
      [`/authors/${catalog.authors[0]}/toString`]: 'feed',
      '/articles/__proto__': 'page',
      [`/articles/${'a'.repeat(3000)}`]: 'page',
    };
    // What each kind of 404 says: the API's JSON, the site's own page, Next's files' plain one.
    const says = {
      json: (body) => body.includes('"No such endpoint"'),
      page: (body) => body.includes('Page not found'),
      html: () => true,
      feed: () => true,
    };
    for (const [path, kind] of Object.entries(cases)) {
      const res = await web(path);
      const seen = { path: path.slice(0, 80), status: res.status, says: says[kind](res.body) };
      expect(seen).toEqual({ path: path.slice(0, 80), status: 404, says: true });
    }
    // A well-formed unknown slug is looked up (the log shows it), so the log would show the others too.
    expect((await web('/articles/no-such-article-yet')).status).toBe(404);
    await waitFor(() => cmsRequestsSince(mark).some((line) => line.includes('no-such-article-yet')));
    // No request to the CMS carried a locale that is no locale, nor a segment that cannot be a slug. (A
    // slug named `__proto__` is a well-formed slug, looked up as data: that request is fine.)
    const asked = cmsRequestsSince(mark);
    expect(asked.filter((line) => /locale=(?!en\b|zh\b)|aaaaaaaaaa|\/api\/\w+\?[^ ]*=(constructor|toString)\b/.test(line))).toEqual([]);
  });

  it('sends nosniff, a Referrer-Policy and frame-ancestors on every answer, HSTS only over TLS', async () => {
    for (const [path, method] of [
      ['/', 'GET'],
      [`/articles/${catalog.articles[0]}`, 'GET'],
      ['/nope', 'GET'],
      ['/%zz', 'GET'],
      ['/feed.xml', 'DELETE'],
      ['/feed.xml', 'GET'],
      ['/api/search?q=harbour', 'GET'],
      ['/api/nope', 'GET'],
      [`/uploads/${catalog.uploads[0]}`, 'GET'],
      ['/sitemap.xml', 'GET'],
    ]) {
      const res = await web(path, { method });
      expect({ path, header: res.headers['x-content-type-options'] }).toEqual({ path, header: 'nosniff' });
      expect({ path, header: res.headers['referrer-policy'] }).toEqual({ path, header: 'strict-origin-when-cross-origin' });
      expect({ path, header: res.headers['content-security-policy'] }).toEqual({
        path,
        header: expect.stringMatching(/^frame-ancestors 'self' /),
      });
      expect(res.headers['x-powered-by']).toBeUndefined();
      expect(res.headers['strict-transport-security']).toBeUndefined();
    }
    const tls = await web('/', { headers: { 'X-Forwarded-Proto': 'https' } });
    expect(tls.headers['strict-transport-security']).toMatch(/^max-age=\d+; includeSubDomains$/);
    const cms = await fuzz.send(system.cms, { method: 'GET', path: '/api/articles', headers: {} });
    expect(cms.headers['x-powered-by']).toBeUndefined();
    expect(cms.headers['x-content-type-options']).toBe('nosniff');
  });

  it('resists the attack classes of Next.js advisories: middleware bypass, RSC cache poisoning, server actions, open redirects', async () => {
    const article = `/articles/${catalog.articles[0]}`;
    // CVE-2025-29927: a forged x-middleware-subrequest header must not skip the proxy (its former-address redirects).
    for (const value of ['middleware:middleware:middleware:middleware:middleware', 'proxy:proxy:proxy:proxy:proxy', 'src/middleware']) {
      const res = await web('/', { headers: { 'x-middleware-subrequest': value } });
      expect({ value, status: res.status }).toEqual({ value, status: 200 });
    }
    // CVE-2024-46982 / CVE-2025-49826 class: an RSC or prefetch request must not replace the HTML readers get.
    await web(article, { headers: { RSC: '1', 'Next-Router-Prefetch': '1' } });
    await web(article, { headers: { 'x-now-route-matches': '1=%2Fx', RSC: '1' } });
    const html = await web(article);
    expect(html.status).toBe(200);
    expect(html.headers['content-type']).toMatch(/^text\/html/);
    expect(html.body).toMatch(/^<!DOCTYPE html>/);
    // Server actions (CVE-2025-55182 class): there are none, and a POST with Next-Action to a page is refused.
    const action = await web('/', {
      method: 'POST',
      headers: { 'Next-Action': 'a'.repeat(40), 'Content-Type': 'multipart/form-data; boundary=x' },
      body: '--x--',
    });
    expect(action.status).toBe(405);
    // Open redirects through the preview exit and a forged host.
    for (const target of ['//evil.example', '/\\evil.example', 'https://evil.example', 'javascript:alert(1)']) {
      const res = await web(`/api/preview/exit?path=${encodeURIComponent(target)}`);
      expect({ target, location: res.headers.location }).toEqual({ target, location: '/' });
    }
    const forged = await web('/en/privacy', { headers: { 'x-forwarded-host': 'evil.example' } });
    expect(forged.headers.location ?? '').not.toContain('evil.example');
    // The image optimiser fetches only our own uploads.
    for (const url of ['//evil.example/x.png', 'http://127.0.0.1:1397/admin', '/api/revalidate']) {
      const res = await web(`/_next/image?url=${encodeURIComponent(url)}&w=640&q=75`);
      expect({ url, status: res.status }).toEqual({ url, status: 400 });
    }
  });
});

describe(`a seeded fuzz run of both apps (seed ${SEED}; replay with FUZZ_SEED=${SEED})`, () => {
  let before;
  let results;
  let milliseconds;

  beforeAll(async () => {
    // What readers get before the fuzz: every page type, feeds and sitemaps.
    const pages = [
      '/',
      '/zh',
      `/articles/${catalog.articles[0]}`,
      `/articles/${catalog.articles[5]}`,
      `/series/${catalog.series[0]}`,
      `/authors/${catalog.authors[0]}`,
      `/sections/${catalog.sections[0]}`,
      `/tags/${catalog.tags[0]}`,
      `/${catalog.pages[0]}`,
      '/feed.xml',
      '/atom.xml',
      `/authors/${catalog.authors[2]}/feed.json`,
      '/sitemap.xml',
      '/sitemaps/articles-en-0.xml',
      '/robots.txt',
    ];
    before = new Map();
    for (const path of pages) before.set(path, await web(path));
    const random = fuzz.prng(SEED);
    const requests = [...fuzz.webRequests(random, catalog, REQUESTS_PER_APP), ...fuzz.apiRequests(random, catalog, REQUESTS_PER_APP)];
    const started = Date.now();
    results = (await fuzz.runAll({ web: system.web, cms: system.cms }, requests, 6)).filter(({ answer }) => !answer.skipped);
    milliseconds = Date.now() - started;
    console.log(`fuzz seed ${SEED}: ${results.length} requests in ${milliseconds} ms`);
  }, 300_000);

  it('sends more than a thousand requests to the site and the API', () => {
    expect(results.filter((r) => r.request.app === 'web').length).toBeGreaterThanOrEqual(500);
    expect(results.filter((r) => r.request.app === 'cms').length).toBeGreaterThanOrEqual(500);
    expect(results.length).toBeGreaterThanOrEqual(1_000);
  });

  it('gets no 5xx, no dropped connection, no draft and no private field in any answer', () => {
    const problems = results
      .map(({ request, answer }) => ({
        request: `${request.app} ${request.method} ${request.path.slice(0, 200)}`,
        problem: fuzz.problemWith(answer, request),
      }))
      .filter(({ problem }) => problem);
    expect({ seed: SEED, problems: problems.slice(0, 10), count: problems.length }).toEqual({ seed: SEED, problems: [], count: 0 });
  });

  it('leaves every page that answered 200 before it answering 200 with the same content after it', async () => {
    for (const [path, first] of before) {
      expect({ path, status: first.status }).toEqual({ path, status: 200 });
      const again = await web(path);
      expect({ path, status: again.status }).toEqual({ path, status: 200 });
      expect({ path, same: again.body === first.body }).toEqual({ path, same: true });
    }
  });

  it('leaves every address it sent an odd method to answering GET without a 5xx', async () => {
    const touched = [...new Set(results.filter((r) => r.request.app === 'web' && r.request.method !== 'GET').map((r) => r.request.path))];
    for (const path of touched) {
      const res = await web(path);
      expect({ path: path.slice(0, 120), problem: fuzz.problemWith(res, { path }) }).toEqual({ path: path.slice(0, 120), problem: null });
    }
  });
});
