import { startCms, type TestCms } from './helpers/strapi';

const ARTICLE = 'api::article.article';
let cms: TestCms;
let authorId: string;
beforeAll(async () => {
  cms = await startCms();
  authorId = (await cms.strapi.documents('api::author.author').findFirst({ filters: { slug: 'mara-okafor' } })).documentId;
});
afterAll(async () => {
  await cms?.stop();
});

const publicArticle = async (slug: string) =>
  (await cms.api.get('/api/articles').query({ 'filters[slug][$eq]': slug, 'populate[authors][fields][0]': 'slug' })).body.data[0];

describe('publishing articles', () => {
  it('sets the first-published time on the first publish and never changes it after', async () => {
    const articles = cms.strapi.documents(ARTICLE);
    const draft = await articles.create({
      data: { title: 'Harbour lights switched to LED', slug: 'harbour-lights-led', format: 'news', authors: [authorId] },
    });
    expect(draft.firstPublishedAt).toBeNull();
    expect(await publicArticle('harbour-lights-led')).toBeUndefined();

    const before = Date.now();
    await articles.publish({ documentId: draft.documentId });
    const first = await publicArticle('harbour-lights-led');
    const firstPublishedAt = Date.parse(first.firstPublishedAt);
    expect(firstPublishedAt).toBeGreaterThanOrEqual(before - 1000);
    expect(first.authors.map((a: { slug: string }) => a.slug)).toEqual(['mara-okafor']);

    await new Promise((resolve) => setTimeout(resolve, 20));
    await articles.update({ documentId: draft.documentId, data: { title: 'Harbour lights switched to LEDs' } });
    await articles.publish({ documentId: draft.documentId });
    await articles.unpublish({ documentId: draft.documentId });
    expect(await publicArticle('harbour-lights-led')).toBeUndefined();
    await articles.publish({ documentId: draft.documentId });

    const again = await publicArticle('harbour-lights-led');
    expect(again.title).toBe('Harbour lights switched to LEDs');
    expect(Date.parse(again.firstPublishedAt)).toBe(firstPublishedAt);
    expect(Date.parse(again.lastEditorialUpdateAt)).toBeGreaterThan(firstPublishedAt);
  });

  it('ignores a first-published time sent by a client', async () => {
    const articles = cms.strapi.documents(ARTICLE);
    const forged = '2001-01-01T00:00:00.000Z';
    const draft = await articles.create({
      data: { title: 'Backdated claims', slug: 'backdated-claims', format: 'news', firstPublishedAt: forged } as never,
    });
    expect(draft.firstPublishedAt).toBeNull();
    await articles.publish({ documentId: draft.documentId });
    await articles.update({ documentId: draft.documentId, data: { firstPublishedAt: forged } as never });
    await articles.publish({ documentId: draft.documentId });
    expect((await publicArticle('backdated-claims')).firstPublishedAt).not.toBe(forged);
  });

  it('stamps each locale on its own first publish', async () => {
    const articles = cms.strapi.documents(ARTICLE);
    const en = await articles.create({ data: { title: 'Tide tables go digital', slug: 'tide-tables-digital', format: 'news' } });
    await articles.publish({ documentId: en.documentId, locale: 'en' });
    await articles.update({
      documentId: en.documentId,
      locale: 'zh',
      data: { title: '潮汐表数字化', slug: 'tide-tables-digital-zh', format: 'news' },
    });
    const zhDraft = await articles.findOne({ documentId: en.documentId, locale: 'zh', status: 'draft' });
    expect(zhDraft.firstPublishedAt).toBeNull();
    await articles.publish({ documentId: en.documentId, locale: 'zh' });

    const zh = await cms.api.get('/api/articles').query({ locale: 'zh', 'filters[slug][$eq]': 'tide-tables-digital-zh' });
    expect(zh.body.data[0].title).toBe('潮汐表数字化');
    expect(zh.body.data[0].firstPublishedAt).not.toBeNull();
  });

  it('keeps drafts of related entries out of published articles', async () => {
    const authors = cms.strapi.documents('api::author.author');
    const ghost = await authors.create({
      data: { name: 'Unpublished Stringer', slug: 'unpublished-stringer', email: 'stringer@tidewater.example' },
    });
    const articles = cms.strapi.documents(ARTICLE);
    const article = await articles.create({
      data: { title: 'Stringer files from the quay', slug: 'stringer-quay', format: 'news', authors: [authorId, ghost.documentId] },
    });
    await articles.publish({ documentId: article.documentId });
    const published = await publicArticle('stringer-quay');
    expect(published.authors.map((a: { slug: string }) => a.slug)).toEqual(['mara-okafor']);
  });
});
