import fs from 'fs';
import path from 'path';
import type { UID } from '@strapi/strapi';
import { startCms, type TestCms } from './helpers/strapi';

// The same modules Strapi runs (dist/), typed by their sources.
const { seedDemoContent } = require('../dist/src/seed') as typeof import('../src/seed');
const { seedBulkArticles } = require('../dist/src/seed/bulk') as typeof import('../src/seed/bulk');
const { retireRevalidationWebhook } = require('../dist/src/webhooks/web-revalidation') as typeof import('../src/webhooks/web-revalidation');

let cms: TestCms;
beforeAll(async () => {
  cms = await startCms();
});
afterAll(async () => {
  await cms?.stop();
});

const TYPES = ['article', 'author', 'series', 'editors-note', 'section', 'tag', 'page', 'site'] as const;
async function counts() {
  const result: Record<string, number> = {};
  for (const type of TYPES) result[type] = await cms.strapi.db.query(`api::${type}.${type}`).count();
  result.files = await cms.strapi.db.query('plugin::upload.file').count();
  return result;
}

describe('first start', () => {
  it('seeds the demo outlet: 13 published articles, a draft, a three-part series, authors with avatars, legal pages', async () => {
    const published = (type: string) => cms.strapi.documents(`api::${type}.${type}` as UID.ContentType).count({ status: 'published' });
    expect(await published('article')).toBe(13);
    expect(await cms.strapi.documents('api::article.article').count({ status: 'draft' })).toBe(16);
    expect(await published('author')).toBeGreaterThanOrEqual(3);
    expect(await published('section')).toBeGreaterThanOrEqual(3);

    const articles = await cms.strapi
      .documents('api::article.article')
      .findMany({ status: 'published', populate: { cover: { populate: ['image'] }, corrections: true, editorsNote: true } });
    for (const article of articles) {
      expect({
        slug: article.slug,
        caption: !!article.cover?.caption,
        credit: !!article.cover?.credit,
        image: !!article.cover?.image,
      }).toEqual({ slug: article.slug, caption: true, credit: true, image: true });
    }
    expect(articles.some((a) => (a.corrections ?? []).length > 0)).toBe(true);
    expect(articles.some((a) => a.editorsNote)).toBe(true);

    const authors = await cms.strapi.documents('api::author.author').findMany({ populate: ['avatar'] });
    for (const author of authors) expect(author.avatar?.formats?.thumbnail).toBeDefined();

    const pages = await cms.strapi.documents('api::page.page').findMany({ status: 'published' });
    expect(pages.map((p) => p.slug).sort()).toEqual(['cookie-policy', 'privacy', 'terms']);
  });

  it('seeds a Chinese version of an article with its section, tags, author and the site', async () => {
    const zh = await cms.api.get('/api/articles').query({
      locale: 'zh',
      'populate[authors][fields][0]': 'role',
      'populate[section][fields][0]': 'name',
      'populate[localizations][fields][0]': 'locale',
    });
    expect(zh.status).toBe(200);
    expect(zh.body.data).toHaveLength(1);
    const [article] = zh.body.data;
    expect(article).toMatchObject({
      title: '议会批准为期六个月的夜间渡轮试运行',
      slug: 'council-approves-night-ferry-trial',
      locale: 'zh',
    });
    expect(article.firstPublishedAt).not.toBeNull();
    expect(article.authors.map((a: { role: string }) => a.role)).toEqual(['资深城市记者']);
    expect(article.section.name).toBe('城市');
    expect(article.localizations.map((l: { locale: string }) => l.locale)).toEqual(['en']);
    const site = await cms.api.get('/api/site').query({ locale: 'zh' });
    expect(site.body.data.name).toBe('潮水纪事报');
  });

  it("seeds once: a second run duplicates nothing and leaves editors' changes and deletions alone", async () => {
    const articles = cms.strapi.documents('api::article.article');
    const ferry = await cms.idOf('api::article.article', 'council-approves-night-ferry-trial');
    await articles.update({ documentId: ferry, data: { title: 'Night ferry trial approved' } });
    await articles.publish({ documentId: ferry });
    await cms.strapi.documents('api::tag.tag').delete({ documentId: await cms.idOf('api::tag.tag', 'arts') });
    const before = await counts();

    await seedDemoContent(cms.strapi);
    expect(await counts()).toEqual(before);
    expect((await articles.findFirst({ filters: { slug: 'council-approves-night-ferry-trial' } }))?.title).toBe(
      'Night ferry trial approved',
    );
    expect(await cms.strapi.documents('api::tag.tag').findFirst({ filters: { slug: 'arts' } })).toBeNull();
  });

  it('resumes an interrupted seed without duplicating what it had already written', async () => {
    await cms.strapi.store({ type: 'app', name: 'seed', key: 'demo' }).delete();
    const before = await counts();
    await seedDemoContent(cms.strapi);
    const after = await counts();
    expect(after.article).toBe(before.article);
    expect(after.author).toBe(before.author);
    expect(after.files).toBe(before.files);
    expect(after.tag).toBe(before.tag + 2); // the deleted tag's draft and published rows, now restored
  });

  it('creates the first admin from ADMIN_EMAIL and ADMIN_PASSWORD, who can log in', async () => {
    const res = await cms.api.post('/admin/login').send({ email: 'editor@tidewater.test', password: 'Test-Passw0rd!' });
    expect(res.status).toBe(200);
    expect(res.body.data.token).toEqual(expect.any(String));
    const wrong = await cms.api.post('/admin/login').send({ email: 'editor@tidewater.test', password: 'wrong' });
    expect(wrong.status).toBe(400);
  });

  it('hands the web app a working read-only token through a file, and rotates it if the file is lost', async () => {
    const file = path.join(cms.tmp, 'web-api-token');
    const token = fs.readFileSync(file, 'utf8').trim();
    const read = await cms.api.get('/api/articles').set('Authorization', `Bearer ${token}`);
    expect(read.status).toBe(200);
    expect(read.body.meta.pagination.total).toBe(13);
    const drafts = await cms.api
      .get('/api/articles')
      .set('Authorization', `Bearer ${token}`)
      .query({ status: 'draft', 'filters[slug][$eq]': 'draft-harbour-levy-options' });
    expect(drafts.body.data).toHaveLength(1);
    const write = await cms.api
      .post('/api/articles')
      .set('Authorization', `Bearer ${token}`)
      .send({ data: { title: 'Nope' } });
    expect(write.status).toBe(403);
    const users = await cms.api.get('/api/users').set('Authorization', `Bearer ${token}`);
    expect(users.status).toBe(403);

    fs.rmSync(file);
    const { ensureWebApiToken } = require('../dist/src/bootstrap/api-token') as typeof import('../src/bootstrap/api-token');
    await ensureWebApiToken(cms.strapi);
    const rotated = fs.readFileSync(file, 'utf8').trim();
    expect(rotated).not.toBe(token);
    expect((await cms.api.get('/api/articles').set('Authorization', `Bearer ${rotated}`)).status).toBe(200);
    expect((await cms.api.get('/api/articles').set('Authorization', `Bearer ${token}`)).status).toBe(401);
  });

  it('generates synthetic published articles in bulk that the API serves like any other', async () => {
    const progress: number[] = [];
    await seedBulkArticles(cms.strapi, { articles: 450, onProgress: (done: number) => progress.push(done) });
    expect(progress).toEqual([200, 400, 450]);

    const list = await cms.api.get('/api/articles').query({
      sort: 'firstPublishedAt:desc',
      'pagination[pageSize]': 100,
      'populate[authors][fields][0]': 'slug',
      'populate[section][fields][0]': 'slug',
      'populate[body][on][content.rich-text]': 'true',
    });
    expect(list.status).toBe(200);
    expect(list.body.meta.pagination.total).toBe(13 + 450);
    for (const article of list.body.data) {
      expect(Number.isNaN(Date.parse(article.firstPublishedAt))).toBe(false);
      expect(article.authors.length).toBeGreaterThanOrEqual(1);
      expect(article.section?.slug).toEqual(expect.any(String));
      expect(article.body[0].body[0].children[0].text.length).toBeGreaterThan(20);
    }
    const drafts = await cms.api.get('/api/articles').query({ status: 'draft' });
    expect(drafts.status).toBe(403);

    // The search index has them too: every synthetic headline starts with one of ten subjects.
    const { searchIndexer } = require('../dist/src/search') as typeof import('../src/search');
    expect(await searchIndexer(cms.strapi).engine.count()).toBe(13 + 450 + 1); // with the seeded zh edition
    const [sample] = list.body.data.filter((a: { slug: string }) => /-\d+$/.test(a.slug));
    const found = await cms.api.get('/api/search').query({ q: `"${sample.title}"`, pageSize: 50 });
    expect(found.body.data.map((hit: { slug: string }) => hit.slug)).toContain(sample.slug);
  });

  it('removes the revalidation webhook an earlier version registered, and keeps the webhooks editors made', async () => {
    // The site's refreshes go through the outbox; a webhook left from before would post each event twice.
    const store = cms.strapi.get('webhookStore');
    const names = async () => (await store.findWebhooks()).map((w: { name: string }) => w.name).sort();
    const left = { url: 'http://127.0.0.1:9/api/revalidate', headers: {}, events: ['site.change'], isEnabled: true };
    store.addAllowedEvent('SITE_CHANGE', 'site.change'); // as the earlier version did
    await store.createWebhook({ ...left, name: 'web: refresh pages' });
    await store.createWebhook({ ...left, name: 'newsletter: new articles', events: ['entry.publish'] });
    await retireRevalidationWebhook(cms.strapi); // what a start does
    expect(await names()).toEqual(['newsletter: new articles']);
  });
});
