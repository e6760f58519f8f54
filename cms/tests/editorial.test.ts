import { startCms, type TestCms } from './helpers/strapi';

const ARTICLE = 'api::article.article';
// The same modules Strapi runs (dist/), typed by their sources.
const { runSchedules } = require('../dist/src/editorial/schedule') as typeof import('../src/editorial/schedule');
const { previewUrl } = require('../dist/src/editorial/preview') as typeof import('../src/editorial/preview');
let cms: TestCms;
let authorId: string;
// What every article needs before it may be published (see the pre-publish checks below).
const ready = () => ({ standfirst: 'A short report from the quay.', authors: [authorId] });
beforeAll(async () => {
  cms = await startCms();
  authorId = (await cms.strapi.documents('api::author.author').findFirst({ filters: { slug: 'mara-okafor' } }))!.documentId;
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
      data: { title: 'Harbour lights switched to LED', slug: 'harbour-lights-led', format: 'news', ...ready() },
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

  it('moves the Updated time on a publish marked as an update, not on a silent republish', async () => {
    const articles = cms.strapi.documents(ARTICLE);
    const draft = await articles.create({ data: { title: 'Ferry timetable', slug: 'ferry-timetable', format: 'news', ...ready() } });
    await articles.publish({ documentId: draft.documentId });
    const first = await publicArticle('ferry-timetable');
    expect(first.lastEditorialUpdateAt).toBe(first.firstPublishedAt);

    await new Promise((resolve) => setTimeout(resolve, 20));
    await articles.update({ documentId: draft.documentId, data: { title: 'Ferry timetable (typo fixed)', markAsUpdate: false } });
    await articles.publish({ documentId: draft.documentId });
    const silent = await publicArticle('ferry-timetable');
    expect(silent.title).toBe('Ferry timetable (typo fixed)');
    expect(silent.lastEditorialUpdateAt).toBe(first.lastEditorialUpdateAt);

    await articles.update({ documentId: draft.documentId, data: { title: 'Ferry timetable changes from Monday', markAsUpdate: true } });
    await articles.publish({ documentId: draft.documentId });
    const updated = await publicArticle('ferry-timetable');
    expect(Date.parse(updated.lastEditorialUpdateAt)).toBeGreaterThan(Date.parse(first.lastEditorialUpdateAt));
    expect(updated.firstPublishedAt).toBe(first.firstPublishedAt);
  });

  it('ignores a first-published time sent by a client, keeping the one the first publish stamped', async () => {
    const articles = cms.strapi.documents(ARTICLE);
    const forged = '2001-01-01T00:00:00.000Z';
    const draft = await articles.create({
      data: { title: 'Backdated claims', slug: 'backdated-claims', format: 'news', ...ready(), firstPublishedAt: forged },
    });
    expect(draft.firstPublishedAt).toBeNull();
    await articles.publish({ documentId: draft.documentId });
    const stamped = (await publicArticle('backdated-claims')).firstPublishedAt;
    expect(Date.parse(stamped)).toBeGreaterThan(Date.parse('2026-01-01'));
    await articles.update({ documentId: draft.documentId, data: { firstPublishedAt: forged } });
    await articles.publish({ documentId: draft.documentId });
    expect((await publicArticle('backdated-claims')).firstPublishedAt).toBe(stamped);
  });

  it('stamps each locale on its own first publish', async () => {
    const articles = cms.strapi.documents(ARTICLE);
    const en = await articles.create({
      data: { title: 'Tide tables go digital', slug: 'tide-tables-digital', format: 'news', ...ready() },
    });
    await articles.publish({ documentId: en.documentId, locale: 'en' });
    await articles.update({
      documentId: en.documentId,
      locale: 'zh',
      data: { title: '潮汐表数字化', slug: 'tide-tables-digital-zh', format: 'news', ...ready() },
    });
    const zhDraft = await articles.findOne({ documentId: en.documentId, locale: 'zh', status: 'draft' });
    expect(zhDraft?.firstPublishedAt).toBeNull();
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
      data: {
        title: 'Stringer files from the quay',
        slug: 'stringer-quay',
        format: 'news',
        ...ready(),
        authors: [authorId, ghost.documentId],
      },
    });
    await articles.publish({ documentId: article.documentId });
    const published = await publicArticle('stringer-quay');
    expect(published.authors.map((a: { slug: string }) => a.slug)).toEqual(['mara-okafor']);
  });
});

describe('pre-publish checks', () => {
  let imageId: number;
  beforeAll(async () => {
    imageId = (await cms.strapi.db.query('plugin::upload.file').findOne({ select: ['id'] })).id;
  });
  const figure = (extra: { alt: string; credit: string }) => ({ image: imageId, caption: 'The quay at dusk', ...extra });

  it('refuses to publish an article that is not ready, with every reason, and keeps the draft', async () => {
    const articles = cms.strapi.documents(ARTICLE);
    const draft = await articles.create({
      data: {
        title: `A headline that goes on ${'and on '.repeat(14)}`,
        slug: 'not-ready-yet',
        format: 'news',
        cover: figure({ alt: 'Quay lights', credit: '' }),
        body: [{ __component: 'media.figure', ...figure({ alt: '', credit: 'Ledger Photo Desk' }) }],
      },
    });
    // A draft can always be saved, however unready.
    expect((await articles.findOne({ documentId: draft.documentId, status: 'draft' }))?.slug).toBe('not-ready-yet');

    const refusal = await articles.publish({ documentId: draft.documentId }).catch((error: Error) => error);
    expect(refusal).toBeInstanceOf(Error);
    const message = (refusal as Error).message;
    expect(message).toMatch(/^This article cannot be published yet: /);
    expect(message).toMatch(/the headline is \d+ characters long; the most is 110/);
    expect(message).toContain('there is no author');
    expect(message).toContain('the standfirst is missing');
    expect(message).toContain('the cover figure has no credit');
    expect(message).toContain('figure 1 in the body has no alt text');
    expect(await publicArticle('not-ready-yet')).toBeUndefined();
    const kept = await articles.findOne({ documentId: draft.documentId, status: 'draft' });
    expect(kept?.firstPublishedAt).toBeNull(); // a refused publish stamps nothing

    await articles.update({
      documentId: draft.documentId,
      data: {
        title: 'Quay lights return',
        ...ready(),
        cover: figure({ alt: 'Quay lights', credit: 'Ledger Photo Desk' }),
        body: [{ __component: 'media.figure', ...figure({ alt: 'Lamps along the quay', credit: 'Ledger Photo Desk' }) }],
      },
    });
    await articles.publish({ documentId: draft.documentId });
    expect((await publicArticle('not-ready-yet')).title).toBe('Quay lights return');
  });

  it('refuses an empty headline and a second article with the same part of a series', async () => {
    const articles = cms.strapi.documents(ARTICLE);
    const series = await cms.strapi.documents('api::series.series').findFirst({ filters: { slug: 'the-tideline-question' } });
    const part = await articles.create({
      data: {
        title: 'Another first part',
        slug: 'another-first-part',
        format: 'news',
        ...ready(),
        series: series!.documentId,
        partNumber: 1,
      },
    });
    await expect(articles.publish({ documentId: part.documentId })).rejects.toThrow(
      /part 1 of this series is already "Why the harbour wall is not enough"/,
    );
    await articles.update({ documentId: part.documentId, data: { partNumber: 4 } });
    await articles.publish({ documentId: part.documentId });

    const untitled = await articles.create({ data: { title: ' ', slug: 'untitled-draft', format: 'news', ...ready() } });
    await expect(articles.publish({ documentId: untitled.documentId })).rejects.toThrow(/the headline is empty/);
  });

  it('applies the same checks to a create or update that publishes at once, and stamps those publishes too', async () => {
    const articles = cms.strapi.documents(ARTICLE);
    await expect(
      articles.create({ data: { title: 'Straight out', slug: 'straight-out', format: 'news' }, status: 'published' }),
    ).rejects.toThrow(/there is no author/);
    expect(await articles.findFirst({ filters: { slug: 'straight-out' }, status: 'draft' })).not.toBeNull();
    const published = await articles.create({
      data: { title: 'Straight out, again', slug: 'straight-out-again', format: 'news', ...ready() },
      status: 'published',
    });
    expect(published.publishedAt).not.toBeNull();
    expect((await publicArticle('straight-out-again')).firstPublishedAt).not.toBeNull();
  });

  it('answers the admin with a 400 and the same message', async () => {
    const auth = await cms.signIn();
    const base = `/content-manager/collection-types/${ARTICLE}`;
    const created = await cms.api.post(`${base}?locale=en`).set(auth).send({ title: 'Admin draft', slug: 'admin-draft', format: 'news' });
    expect(created.status).toBe(201);
    const res = await cms.api.post(`${base}/${created.body.data.documentId}/actions/publish?locale=en`).set(auth).send({});
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/This article cannot be published yet: there is no author; the standfirst is missing/);
  });
});

describe('slug history', () => {
  const redirectOf = async (slug: string, language = 'en') =>
    (await cms.api.get('/api/slug-redirects').query({ 'filters[slug][$eq]': slug, 'filters[language][$eq]': language })).body.data[0];

  it('keeps every former slug of an article as a redirect to it, and gives a slug back when it is reused', async () => {
    const articles = cms.strapi.documents(ARTICLE);
    const { documentId } = await articles.create({ data: { title: 'Lock gates', slug: 'lock-gates', format: 'news', ...ready() } });
    await articles.publish({ documentId });
    expect(await redirectOf('lock-gates')).toBeUndefined();

    await articles.update({ documentId, data: { slug: 'lock-gates-repaired' } });
    expect(await redirectOf('lock-gates')).toBeUndefined(); // a draft rename changes nothing public
    await articles.publish({ documentId });
    await articles.update({ documentId, data: { slug: 'lock-gates-reopen' } });
    await articles.publish({ documentId });

    // Both former slugs point at the document, so the chain resolves in one hop.
    for (const slug of ['lock-gates', 'lock-gates-repaired']) expect((await redirectOf(slug)).targetDocumentId).toBe(documentId);
    expect(await redirectOf('lock-gates-reopen')).toBeUndefined();

    await articles.update({ documentId, data: { slug: 'lock-gates' } });
    await articles.publish({ documentId });
    expect(await redirectOf('lock-gates')).toBeUndefined();
    expect((await redirectOf('lock-gates-reopen')).targetDocumentId).toBe(documentId);
  });

  it('never lets another article take a slug that redirects', async () => {
    const articles = cms.strapi.documents(ARTICLE);
    const { documentId } = await articles.create({ data: { title: 'Sluice works', slug: 'sluice-works', format: 'news', ...ready() } });
    await articles.publish({ documentId });
    await articles.update({ documentId, data: { slug: 'sluice-works-finished' } });
    await articles.publish({ documentId });
    expect((await redirectOf('sluice-works')).targetDocumentId).toBe(documentId);

    const other = await articles.create({ data: { title: 'Sluices, again', slug: 'sluice-works', format: 'news', ...ready() } });
    await expect(articles.publish({ documentId: other.documentId })).rejects.toThrow(
      /the slug "sluice-works" is a former address of another article and still redirects there/,
    );
  });

  it('keeps redirects per language', async () => {
    const articles = cms.strapi.documents(ARTICLE);
    const { documentId } = await articles.create({ data: { title: 'Ferry fares', slug: 'ferry-fares', format: 'news', ...ready() } });
    await articles.update({ documentId, locale: 'zh', data: { title: '渡轮票价', slug: 'ferry-fares', format: 'news', ...ready() } });
    await articles.publish({ documentId, locale: '*' });
    await articles.update({ documentId, locale: 'zh', data: { slug: 'ferry-fares-zh' } });
    await articles.publish({ documentId, locale: 'zh' });
    expect((await redirectOf('ferry-fares', 'zh')).targetDocumentId).toBe(documentId);
    expect(await redirectOf('ferry-fares', 'en')).toBeUndefined();
  });
});

describe('scheduled publishing and unpublishing', () => {
  const HOUR = 3_600_000;
  const run = (now: Date) => runSchedules(cms.strapi, now);

  it('runs every minute', () => {
    expect(cms.strapi.cron.jobs.map((job) => job.name)).toContain('editorialSchedule');
  });

  it('publishes at the set time, once, even with several nodes running the schedule at once', async () => {
    const articles = cms.strapi.documents(ARTICLE);
    const at = new Date(Date.now() + HOUR);
    const { documentId } = await articles.create({
      data: { title: 'Storm barrier test', slug: 'storm-barrier-test', format: 'news', ...ready(), publishAt: at.toISOString() },
    });
    expect(await run(new Date(at.getTime() - 60_000))).toEqual([]);
    expect(await publicArticle('storm-barrier-test')).toBeUndefined();

    const later = new Date(at.getTime() + 30_000);
    const [first, second] = await Promise.all([run(later), run(later)]);
    expect([...first, ...second]).toEqual([`published ${documentId} (en)`]);
    expect((await publicArticle('storm-barrier-test')).title).toBe('Storm barrier test');

    // Fired once: an editor's unpublish afterwards is not undone by the next minute.
    await articles.unpublish({ documentId });
    expect(await run(new Date(later.getTime() + 60_000))).toEqual([]);
    expect(await publicArticle('storm-barrier-test')).toBeUndefined();
  });

  it('unpublishes at the expiry time and leaves it unpublished', async () => {
    const articles = cms.strapi.documents(ARTICLE);
    const expiry = new Date(Date.now() + 2 * HOUR);
    const { documentId } = await articles.create({
      data: { title: 'Road closure notice', slug: 'road-closure-notice', format: 'news', ...ready(), unpublishAt: expiry.toISOString() },
    });
    await articles.publish({ documentId });
    expect(await run(new Date(expiry.getTime() - 60_000))).toEqual([]);
    expect(await run(new Date(expiry.getTime() + 1_000))).toEqual([`unpublished ${documentId} (en)`]);
    expect(await publicArticle('road-closure-notice')).toBeUndefined();
    expect(await run(new Date(expiry.getTime() + 61_000))).toEqual([]);
  });

  it('logs a scheduled publish the checks refuse, with the reasons, and publishes nothing', async () => {
    const articles = cms.strapi.documents(ARTICLE);
    const at = new Date(Date.now() + 3 * HOUR);
    const { documentId } = await articles.create({
      data: { title: 'No byline yet', slug: 'no-byline-yet', format: 'news', publishAt: at.toISOString() },
    });
    const errors = jest.spyOn(cms.strapi.log, 'error').mockImplementation(() => cms.strapi.log);
    try {
      expect(await run(new Date(at.getTime() + 1_000))).toEqual([]);
      expect(errors).toHaveBeenCalledWith(
        expect.stringMatching(
          new RegExp(`^scheduled ${documentId} \\(en\\) not done: This article cannot be published yet: there is no author`),
        ),
      );
    } finally {
      errors.mockRestore();
    }
    expect(await publicArticle('no-byline-yet')).toBeUndefined();
  });
});

describe("the admin's Preview", () => {
  it('opens the matching page of the web site for each previewable type and language, through the secret entry point', async () => {
    const idOf = async (uid: string, slug: string) =>
      ((await cms.strapi.db.query(uid as typeof ARTICLE).findOne({ where: { slug }, select: ['documentId'] })) as { documentId: string })
        .documentId;
    const cases: [string, string, string, string][] = [
      ['api::series.series', 'the-tideline-question', 'en', '/series/the-tideline-question'],
      ['api::author.author', 'mara-okafor', 'en', '/authors/mara-okafor'],
      ['api::section.section', 'city', 'zh', '/zh/sections/city'],
      ['api::page.page', 'privacy', 'en', '/privacy'],
    ];
    for (const [uid, slug, locale, path] of cases) {
      const url = new URL((await previewUrl(cms.strapi, uid, { documentId: await idOf(uid, slug), locale, status: 'draft' }))!);
      expect({ uid, path: url.searchParams.get('path'), entry: url.pathname }).toEqual({ uid, path, entry: '/api/preview' });
      expect(url.searchParams.get('secret')).toBeTruthy();
    }
    expect(await previewUrl(cms.strapi, 'api::tag.tag', { documentId: 'x' })).toBeNull();
  });
});
