import type { UID } from '@strapi/strapi';
import { startCms, type TestCms } from './helpers/strapi';

// The editor's desk: the admin's views configured in code (read back as the admin reads them) and the
// home page widgets' data, for signed-in editors only.
const { VIEWS } = require('../dist/src/desk/views') as typeof import('../src/desk/views');
const { applyDeskViews } = require('../dist/src/desk/apply-views') as typeof import('../src/desk/apply-views');
const { MAX_HEADLINE, MAX_DRAFT_HEADLINE } =
  require('../dist/src/editorial/publish-checks') as typeof import('../src/editorial/publish-checks');

const ARTICLE = 'api::article.article';
const HOUR = 3_600_000;
// What Strapi itself owns on every type; the content manager does not lay these out.
const STRAPI_OWNED = new Set([
  'id',
  'documentId',
  'createdAt',
  'updatedAt',
  'publishedAt',
  'createdBy',
  'updatedBy',
  'locale',
  'localizations',
]);

let cms: TestCms;
let auth: { Authorization: string };
beforeAll(async () => {
  cms = await startCms();
  auth = await cms.signIn();
});
afterAll(async () => {
  await cms?.stop();
});

type Configuration = {
  settings: Record<string, unknown>;
  metadatas: Record<string, { edit: Record<string, unknown>; list: Record<string, unknown> }>;
  layouts: { list: string[]; edit: { name: string; size: number }[][] };
};
const configurationOf = async (uid: string): Promise<Configuration> => {
  const kind = uid in cms.strapi.components ? 'components' : 'content-types';
  const res = await cms.api.get(`/content-manager/${kind}/${uid}/configuration`).set(auth);
  expect(res.status).toBe(200);
  return kind === 'components' ? res.body.data.component : res.body.data.contentType;
};
const desk = (path: string) => cms.api.get(`/desk/${path}`).set(auth);

describe('the admin configured for a newsroom', () => {
  it('lists articles newest first with the columns an editor scans', async () => {
    const article = await configurationOf(ARTICLE);
    expect(article.settings).toMatchObject({ mainField: 'title', defaultSortBy: 'updatedAt', defaultSortOrder: 'DESC' });
    expect(article.layouts.list).toEqual(['title', 'section', 'authors', 'updatedAt', 'publishAt']);
    const columns = article.layouts.list.map((name) => article.metadatas[name].list.label);
    expect(columns).toEqual(['Headline', 'Section', 'Byline', 'Last updated', 'Publish at']);

    // The list the admin shows is in that order: the seeded drafts written last come first.
    const list = await cms.api
      .get(`/content-manager/collection-types/${ARTICLE}`)
      .query({ page: 1, pageSize: 5, sort: 'updatedAt:DESC', locale: 'en' })
      .set(auth);
    expect(list.status).toBe(200);
    const updated = list.body.results.map((row: { updatedAt: string }) => row.updatedAt);
    expect(updated).toEqual([...updated].sort().reverse());
  });

  it('puts headline, standfirst and body first, in newsroom words, with the limits the checks apply', async () => {
    const article = await configurationOf(ARTICLE);
    expect(article.layouts.edit.slice(0, 3).map((row) => row.map((field) => field.name))).toEqual([['title'], ['standfirst'], ['body']]);
    const edit = (name: string) => article.metadatas[name].edit;
    expect(edit('title').label).toBe('Headline');
    expect(edit('title').description).toContain(`At most ${MAX_HEADLINE} characters to publish`);
    expect(edit('title').description).toContain(`${MAX_DRAFT_HEADLINE}`);
    // The hint's draft limit is the schema's own, which Strapi enforces on every save.
    expect((cms.strapi.contentTypes[ARTICLE].attributes.title as { maxLength: number }).maxLength).toBe(MAX_DRAFT_HEADLINE);
    expect(edit('standfirst')).toMatchObject({ label: 'Standfirst', description: expect.stringContaining('Required to publish') });
    expect(edit('authors').label).toBe('Byline');
    expect(edit('partNumber').label).toBe('Kicker/series part');
    expect(edit('editorsNote').label).toBe('Editor\u2019s note');
    expect(edit('markAsUpdate').label).toBe('Mark as update');
    expect(edit('publishAt').label).toBe('Publish at');
    // What the server sets is shown, not edited.
    for (const name of ['firstPublishedAt', 'lastEditorialUpdateAt', 'translatedFromVersion', 'translationStale'])
      expect(edit(name).editable).toBe(false);
    expect(edit('title').editable).toBe(true);

    const figure = await configurationOf('media.figure');
    expect(figure.metadatas.alt.edit).toMatchObject({ label: 'Alt text', description: expect.stringContaining('Required to publish') });
    expect(figure.metadatas.credit.edit.label).toBe('Credit');
  });

  it('gives every field of every type and component a label and one place in its edit view', async () => {
    for (const [uid, view] of Object.entries(VIEWS)) {
      const model = cms.strapi.contentTypes[uid as UID.ContentType] ?? cms.strapi.components[uid as UID.Component];
      const fields = Object.keys(model.attributes).filter((name) => !STRAPI_OWNED.has(name));
      const configuration = await configurationOf(uid);
      const placed = configuration.layouts.edit.flat().map((field) => field.name);
      expect({ uid, placed: [...placed].sort() }).toEqual({ uid, placed: [...fields].sort() });
      for (const name of fields) {
        expect({ uid, name, label: configuration.metadatas[name].edit.label }).toEqual({ uid, name, label: view.fields[name].label });
        expect(view.fields[name].label).not.toBe(name);
      }
      for (const row of configuration.layouts.edit) expect(row.reduce((width, field) => width + field.size, 0)).toBeLessThanOrEqual(12);
    }
  });

  it('keeps an editor’s own change to a view until the code’s view changes', async () => {
    const uid = 'api::tag.tag';
    const own = await configurationOf(uid);
    // As the admin's "Configure the view" saves it: relations' list metadatas without the mainField it was sent.
    const metadatas = Object.fromEntries(
      Object.entries(own.metadatas).map(
        ([
          name,
          {
            edit,
            list: { mainField: _mainField, ...list },
          },
        ]) => [name, { edit, list }],
      ),
    );
    const saved = await cms.api
      .put(`/content-manager/content-types/${uid}/configuration`)
      .set(auth)
      .send({ settings: own.settings, metadatas, layouts: { ...own.layouts, list: ['name', 'slug'] } });
    expect([saved.status, saved.body.error]).toEqual([200, undefined]);

    // A restart (every node's start applies the views) leaves it alone.
    expect(await applyDeskViews(cms.strapi)).toEqual([]);
    expect((await configurationOf(uid)).layouts.list).toEqual(['name', 'slug']);

    // A new version of the code's view wins, once.
    const changed = { ...VIEWS, [uid]: { ...VIEWS[uid], list: ['name', 'updatedAt'] } };
    expect(await applyDeskViews(cms.strapi, changed)).toEqual([uid]);
    expect((await configurationOf(uid)).layouts.list).toEqual(['name', 'updatedAt']);
    expect(await applyDeskViews(cms.strapi, changed)).toEqual([]);
    expect(await applyDeskViews(cms.strapi)).toEqual([uid]);
  });
});

describe('the home page widgets', () => {
  it('answer only editors signed in to the admin, and are never cached', async () => {
    for (const path of ['scheduled', 'needs-fixing', 'recently-published', 'stale-translations']) {
      expect((await cms.api.get(`/desk/${path}`)).status).toBe(401);
      expect((await cms.api.get(`/desk/${path}`).set({ Authorization: 'Bearer not-a-session' })).status).toBe(401);
      const res = await desk(path);
      expect(res.status).toBe(200);
      expect(res.headers['cache-control']).toBe('no-store');
    }
  });

  it('lists what publishes or unpublishes in the next 48 hours, in the site’s time zone', async () => {
    const articles = cms.strapi.documents(ARTICLE);
    const live = await cms.idOf(ARTICLE, 'rents-rise-fastest-in-westbank');
    // An expiry tomorrow of a live article, and a publish too far ahead to list.
    await articles.update({ documentId: live, locale: 'en', data: { unpublishAt: new Date(Date.now() + 30 * HOUR).toISOString() } });
    const later = await articles.create({
      data: {
        title: 'Winter timetable',
        slug: 'winter-timetable',
        format: 'news',
        publishAt: new Date(Date.now() + 72 * HOUR).toISOString(),
      },
    });

    const res = await desk('scheduled');
    const site = await cms.strapi.documents('api::site.site').findFirst({ status: 'published' });
    expect(res.body.data.timeZone).toBe(site!.timeZone || 'Europe/London');
    const items = res.body.data.items as { documentId: string; title: string; action: string; at: string }[];
    const lockGate = items.find((item) => item.title.startsWith('Lock gate overhaul'));
    expect(lockGate).toMatchObject({ action: 'publish', documentId: await cms.idOf(ARTICLE, 'lock-gate-overhaul-begins') });
    expect(Math.abs(Date.parse(lockGate!.at) - (Date.now() + 20 * HOUR))).toBeLessThan(HOUR);
    expect(items.find((item) => item.documentId === live)).toMatchObject({ action: 'unpublish' });
    expect(items.some((item) => item.documentId === later.documentId)).toBe(false);
    expect(items.map((item) => item.at)).toEqual(items.map((item) => item.at).sort());
  });

  it('lists the drafts the pre-publish checks would refuse, with their reasons', async () => {
    const res = await desk('needs-fixing');
    const items = res.body.data.items as { documentId: string; locale: string; problems: string[] }[];
    const failing = items.find((item) => (item as { title?: string }).title?.startsWith('Ferry fares review'));
    expect(failing).toMatchObject({
      documentId: await cms.idOf(ARTICLE, 'ferry-fares-review-notes'),
      locale: 'en',
      problems: ['the standfirst is missing', 'the cover figure has no credit'],
    });
    // A draft that passes (the scheduled one) and a published article unchanged since are not listed.
    const passing = await cms.idOf(ARTICLE, 'lock-gate-overhaul-begins');
    expect(items.some((item) => item.documentId === passing)).toBe(false);
    expect(res.body.data.total).toBeGreaterThanOrEqual(items.length);

    // Fixed, it leaves the list.
    const articles = cms.strapi.documents(ARTICLE);
    const draft = await articles.findOne({ documentId: failing!.documentId, locale: 'en', populate: { cover: { populate: ['image'] } } });
    const { caption, alt, image } = draft!.cover!;
    await articles.update({
      documentId: failing!.documentId,
      locale: 'en',
      data: {
        standfirst: 'Three fare structures, costed.',
        cover: { caption: caption ?? '', alt: alt ?? '', image: image.id, credit: 'Ledger Photo Desk' },
      },
    });
    const after = (await desk('needs-fixing')).body.data.items as { documentId: string }[];
    expect(after.some((item) => item.documentId === failing!.documentId)).toBe(false);
  });

  it('lists what was published last, newest first, and translations whose original changed', async () => {
    const recent = (await desk('recently-published')).body.data.items as { publishedAt: string; title: string }[];
    expect(recent.length).toBe(10);
    expect(recent.map((item) => item.publishedAt)).toEqual(
      recent
        .map((item) => item.publishedAt)
        .sort()
        .reverse(),
    );

    const slug = 'council-approves-night-ferry-trial';
    const documentId = await cms.idOf(ARTICLE, slug);
    expect((await desk('stale-translations')).body.data.items.some((item: { documentId: string }) => item.documentId === documentId)).toBe(
      false,
    );
    const articles = cms.strapi.documents(ARTICLE);
    await articles.update({ documentId, locale: 'en', data: { title: 'Council approves a six-month night ferry trial' } });
    await articles.publish({ documentId, locale: 'en' });

    expect((await desk('recently-published')).body.data.items[0]).toMatchObject({ documentId, locale: 'en' });
    const stale = await desk('stale-translations');
    expect(stale.body.data.items).toContainEqual(expect.objectContaining({ documentId, locale: 'zh', translatedFrom: 'en' }));
    expect(stale.body.data.total).toBe(1);
  });
});
