import { startCms, type TestCms } from './helpers/strapi';

let cms: TestCms;
beforeAll(async () => {
  cms = await startCms();
});
afterAll(async () => {
  await cms?.stop();
});

const READER_TYPES = ['articles', 'authors', 'series-list', 'sections', 'tags', 'pages', 'editors-notes'];

describe('the public REST API', () => {
  it('lists the seeded published articles with documentIds and pagination, newest first when asked', async () => {
    const res = await cms.api.get('/api/articles').query({ sort: 'firstPublishedAt:desc', 'pagination[pageSize]': 5 });
    expect(res.status).toBe(200);
    expect(res.body.meta.pagination).toEqual({ page: 1, pageSize: 5, pageCount: 3, total: 13 });
    expect(res.body.data).toHaveLength(5);
    for (const article of res.body.data) expect(article.documentId).toMatch(/^[a-z0-9]{24}$/);
    const times = res.body.data.map((a: { firstPublishedAt: string }) => Date.parse(a.firstPublishedAt));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
  });

  it('never shows a draft, whatever the query asks', async () => {
    const slug = 'draft-harbour-levy-options';
    const plain = await cms.api.get('/api/articles').query({ 'filters[slug][$eq]': slug });
    expect(plain.status).toBe(200);
    expect(plain.body.data).toEqual([]);

    const asked = await cms.api.get('/api/articles').query({ status: 'draft', 'filters[slug][$eq]': slug });
    expect(asked.status).toBe(403);
    expect(asked.body.error.message).toMatch(/drafts/i);

    expect((await cms.api.get(`/api/articles/${await cms.idOf('api::article.article', slug)}`)).status).toBe(404);
  });

  it('lets the public read each reader-facing type and the site, and nothing else', async () => {
    for (const type of READER_TYPES) {
      const res = await cms.api.get(`/api/${type}`);
      expect({ type, status: res.status }).toEqual({ type, status: 200 });
    }
    const site = await cms.api.get('/api/site');
    expect(site.status).toBe(200);
    expect(site.body.data.name).toBe('The Tidewater Ledger');

    for (const path of ['/api/users', '/api/upload/files', '/api/i18n/locales']) {
      const res = await cms.api.get(path);
      expect({ path, status: res.status }).toEqual({ path, status: 403 });
    }
    const write = await cms.api.post('/api/articles').send({ data: { title: 'Injected' } });
    expect(write.status).toBe(403);
    const register = await cms.api.post('/api/auth/local/register').send({ username: 'x', email: 'x@example.com', password: 'Passw0rd!' });
    expect(register.status).toBe(403);
  });

  it('serves an article with its ordered authors, section, series, cover figure and body', async () => {
    const res = await cms.api.get('/api/articles').query({
      'filters[slug][$eq]': 'barrier-consultation-what-residents-said',
      'populate[authors][fields][0]': 'name',
      'populate[section][fields][0]': 'slug',
      'populate[cover][populate][image][fields][0]': 'url',
      'populate[body][on][content.rich-text][populate]': '*',
      'populate[body][on][media.figure][populate][image][fields][0]': 'url',
    });
    expect(res.status).toBe(200);
    const [article] = res.body.data;
    expect(article.authors.map((a: { name: string }) => a.name)).toEqual(['Priya Raman', 'Mara Okafor']);
    expect(article.section.slug).toBe('climate');
    expect(article.cover.credit).toBe('Ledger Photo Desk');
    expect(article.cover.caption).toMatch(/Corn Exchange/);
    expect(article.cover.image.url).toMatch(/^\/uploads\/.+\.jpg$/);
    expect(article.body[0].__component).toBe('content.rich-text');
    expect(article.body[0].body[0].children[0].text).toMatch(/4,212 responses/);
  });

  it("returns the series with its parts in order and its editor's note", async () => {
    const res = await cms.api.get('/api/series-list').query({
      'filters[slug][$eq]': 'the-tideline-question',
      'populate[parts][fields][0]': 'title',
      'populate[parts][fields][1]': 'partNumber',
      'populate[editorsNote][fields][0]': 'body',
    });
    expect(res.status).toBe(200);
    const [series] = res.body.data;
    expect(series.parts.map((p: { partNumber: number }) => p.partNumber)).toEqual([1, 2, 3]);
    expect(series.editorsNote.body[0].children[0].text).toMatch(/three-part commentary/);
  });

  it('keeps private author fields out of every response, direct or populated', async () => {
    const direct = await cms.api.get('/api/authors').query({ populate: '*' });
    const populated = await cms.api.get('/api/articles').query({ 'populate[authors][populate]': '*', 'pagination[pageSize]': 100 });
    const deep = await cms.api.get('/api/articles').query({ populate: '*', 'pagination[pageSize]': 100 });
    for (const res of [direct, populated, deep]) {
      expect(res.status).toBe(200);
      const text = JSON.stringify(res.body);
      expect(text).not.toMatch(/@tidewater\.example|internalNotes|"email"|createdBy|updatedBy|Source list kept offline/);
    }
  });

  it('answers bad input with a clear 4xx, never a 5xx', async () => {
    const cases: Record<string, string>[] = [
      { unknownKey: '1' },
      { where: 'x' },
      { 'filters[title][$nonsense]': 'x' },
      { filters: 'not-an-object' },
      { 'filters[nope][$eq]': 'x' },
      { sort: 'nope:asc' },
      { 'fields[0]': 'nope' },
      { populate: 'nope' },
      { 'pagination[pageSize]': '100000' },
      { 'pagination[pageSize]': '0' },
      { 'pagination[page]': 'abc' },
      { 'pagination[limit]': '-1' },
      { locale: 'xx' },
      { locale: "en' OR 1=1" },
      { 'filters[firstPublishedAt][$gt]': 'not-a-date' },
    ];
    for (const query of cases) {
      const res = await cms.api.get('/api/articles').query(query);
      expect({ query, status: res.status }).toEqual({ query, status: 400 });
      expect(typeof res.body.error?.message).toBe('string');
    }
    expect((await cms.api.get('/api/articles/does-not-exist')).status).toBe(404);
  });

  it('accepts a page size up to the maximum and serves the zh locale separately', async () => {
    expect((await cms.api.get('/api/articles').query({ 'pagination[pageSize]': 100 })).status).toBe(200);
    const zh = await cms.api.get('/api/articles').query({ locale: 'zh' });
    expect(zh.status).toBe(200);
    expect(zh.body.data.map((a: { locale: string }) => a.locale)).toEqual(['zh']);
  });
});
