import fs from 'fs';
import path from 'path';
import { siteChange, type SiteChange } from '@newsroom/contract/schemas';
import type { UID } from '@strapi/strapi';
import { startCms, type TestCms } from './helpers/strapi';

// The change events the CMS sends the web app, recorded from the real Strapi for every kind of change and
// kept as the web app's test fixtures (web/test/fixtures/site-changes): the web tests compute the exact
// cache tags from these very bodies. RECORD_FIXTURES=1 rewrites them; otherwise a difference fails here.
const FIXTURES = path.resolve(__dirname, '..', '..', 'web', 'test', 'fixtures', 'site-changes');
const ARTICLE = 'api::article.article';

let cms: TestCms;
let events: SiteChange[] = [];
const labels = new Map<string, string>();

beforeAll(async () => {
  cms = await startCms();
  cms.strapi.eventHub.on('site.change', async (change: unknown) => void events.push(change as SiteChange));
  // Readable stand-ins for documentIds in the fixtures: the type and slug of each seeded entry.
  for (const [uid, type] of [
    [ARTICLE, 'article'],
    ['api::author.author', 'author'],
    ['api::section.section', 'section'],
    ['api::tag.tag', 'tag'],
    ['api::series.series', 'series'],
  ] as const) {
    const rows: { documentId: string; slug: string }[] = await cms.strapi.db.query(uid).findMany({ select: ['documentId', 'slug'] });
    for (const row of rows) labels.set(row.documentId, `${type}-${row.slug}`);
  }
});
afterAll(async () => {
  await cms?.stop();
});
beforeEach(() => {
  events = [];
});

const articles = () => cms.strapi.documents(ARTICLE);
const idOf = async (uid: string, slug: string) =>
  ((await cms.strapi.db.query(uid as typeof ARTICLE).findOne({ where: { slug }, select: ['documentId'] })) as { documentId: string })
    .documentId;

/** The events of one change, once they are all out (they leave after the write commits). */
async function settled() {
  let count = -1;
  while (count !== events.length) {
    count = events.length;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return events;
}

/** The events, checked against the contract and with ids and versions made stable, as the fixtures keep them. */
function normalised(recorded: SiteChange[]) {
  const versions = new Map<string, string>();
  const label = (id: string) => {
    if (!labels.has(id)) labels.set(id, `new-${labels.size + 1}`);
    return labels.get(id);
  };
  const state = (s: SiteChange['before']) =>
    s && {
      ...s,
      version: versions.get(s.version) ?? (versions.set(s.version, `version-${versions.size + 1}`), versions.get(s.version)),
      ...(s.section !== undefined && { section: s.section && label(s.section) }),
      ...(s.series !== undefined && { series: s.series && label(s.series) }),
      ...(s.authors && { authors: s.authors.map(label) }),
      ...(s.tags && { tags: s.tags.map(label) }),
    };
  return recorded.map((event) => {
    const parsed = siteChange.parse(event);
    return { ...parsed, documentId: label(parsed.documentId), before: state(parsed.before), after: state(parsed.after) };
  });
}

function matchesFixture(name: string, recorded: SiteChange[]) {
  const body = normalised(recorded);
  const file = path.join(FIXTURES, `${name}.json`);
  if (process.env.RECORD_FIXTURES === '1') {
    fs.mkdirSync(FIXTURES, { recursive: true });
    fs.writeFileSync(file, `${JSON.stringify(body, null, 2)}\n`);
  }
  expect(body).toEqual(JSON.parse(fs.readFileSync(file, 'utf8')));
  return body;
}

describe('the change events the web app is sent', () => {
  it('sends nothing for a draft save of a published article', async () => {
    const documentId = await idOf(ARTICLE, 'rents-rise-fastest-in-westbank');
    await articles().update({ documentId, locale: 'en', data: { title: 'Westbank rents: draft headline' } });
    expect(await settled()).toEqual([]);
    await articles().discardDraft({ documentId, locale: 'en' });
    expect(await settled()).toEqual([]);
  });

  it('sends the first publish of an article with nothing before it', async () => {
    const created = await articles().create({
      locale: 'en',
      data: {
        title: 'Harbour pilots vote to strike',
        format: 'news',
        slug: 'harbour-pilots-vote-to-strike',
        standfirst: 'A first walkout in thirty years.',
        authors: [await idOf('api::author.author', 'mara-okafor')],
        section: await idOf('api::section.section', 'city'),
        tags: [await idOf('api::tag.tag', 'harbour')],
      },
    });
    expect(await settled()).toEqual([]); // a new draft is nobody's business yet
    labels.set(created.documentId, 'article-harbour-pilots-vote-to-strike');
    await articles().publish({ documentId: created.documentId, locale: 'en' });
    const [event] = matchesFixture('article-first-publish', await settled());
    expect(event).toMatchObject({ event: 'entry.publish', before: null, after: { slug: 'harbour-pilots-vote-to-strike' } });
  });

  it('sends a republish with the same address as a new version', async () => {
    const documentId = await idOf(ARTICLE, 'harbour-pilots-vote-to-strike');
    await articles().update({ documentId, locale: 'en', data: { standfirst: 'The first walkout in thirty years.', markAsUpdate: false } });
    await articles().publish({ documentId, locale: 'en' });
    const [event] = matchesFixture('article-republish', await settled());
    expect(event.before?.slug).toBe(event.after?.slug);
    expect(event.before?.version).not.toBe(event.after?.version);
  });

  it('sends a move to another section, series, byline and tags, before and after', async () => {
    const documentId = await idOf(ARTICLE, 'harbour-pilots-vote-to-strike');
    await articles().update({
      documentId,
      locale: 'en',
      data: {
        section: await idOf('api::section.section', 'economy'),
        series: await idOf('api::series.series', 'the-tideline-question'),
        partNumber: 4,
        authors: [await idOf('api::author.author', 'tomas-lindqvist'), await idOf('api::author.author', 'wen-huang')],
        tags: [await idOf('api::tag.tag', 'budget')],
      },
    });
    await articles().publish({ documentId, locale: 'en' });
    const [event] = matchesFixture('article-moved', await settled());
    expect(event.before).toMatchObject({ section: 'section-city', series: null, authors: ['author-mara-okafor'], tags: ['tag-harbour'] });
    expect(event.after).toMatchObject({
      section: 'section-economy',
      series: 'series-the-tideline-question',
      authors: ['author-tomas-lindqvist', 'author-wen-huang'],
      tags: ['tag-budget'],
    });
  });

  it('sends a rename as the old and the new address, and the redirect it leaves', async () => {
    const documentId = await idOf(ARTICLE, 'harbour-pilots-vote-to-strike');
    await articles().update({ documentId, locale: 'en', data: { slug: 'harbour-pilots-strike-vote' } });
    await articles().publish({ documentId, locale: 'en' });
    const body = matchesFixture('article-renamed', await settled());
    const article = body.find((e) => e.uid === ARTICLE);
    expect(article).toMatchObject({ before: { slug: 'harbour-pilots-vote-to-strike' }, after: { slug: 'harbour-pilots-strike-vote' } });
    const redirect = body.find((e) => e.uid === 'api::slug-redirect.slug-redirect');
    expect(redirect).toMatchObject({ event: 'entry.create', locale: 'en', before: null, after: { slug: 'harbour-pilots-vote-to-strike' } });
  });

  it('sends an unpublish and a delete with what readers saw before and nothing after', async () => {
    const documentId = await idOf(ARTICLE, 'harbour-pilots-strike-vote');
    await articles().unpublish({ documentId, locale: 'en' });
    const [unpublished] = matchesFixture('article-unpublished', await settled());
    expect(unpublished).toMatchObject({ event: 'entry.unpublish', after: null, before: { slug: 'harbour-pilots-strike-vote' } });
    await articles().publish({ documentId, locale: 'en' });
    await settled();
    events = [];
    await articles().delete({ documentId, locale: 'en' });
    const [deleted] = matchesFixture('article-deleted', await settled());
    expect(deleted).toMatchObject({ event: 'entry.delete', after: null, before: { section: 'section-economy' } });
  });

  it('sends a publish in another locale with that locale', async () => {
    const documentId = await idOf(ARTICLE, 'council-approves-night-ferry-trial');
    await articles().update({ documentId, locale: 'zh', data: { standfirst: '夜间渡轮试运行获批。' } });
    await articles().publish({ documentId, locale: 'zh' });
    const [event] = matchesFixture('article-zh-republish', await settled());
    expect(event.locale).toBe('zh');
  });

  it('sends the changes of every other type readers see', async () => {
    const publish = async (uid: UID.ContentType, slug: string | null, data: Record<string, unknown>, locale = 'en') => {
      // Every type here has draft & publish; the article's typing stands for them all.
      const documents = cms.strapi.documents(uid as typeof ARTICLE);
      const first = await documents.findFirst({ locale });
      const documentId = slug ? await cms.idOf(uid, slug) : first?.documentId;
      if (!documentId) throw new Error(`No ${uid} to publish`);
      await documents.update({ documentId, locale, data });
      await documents.publish({ documentId, locale });
    };
    await publish('api::author.author', 'wen-huang', { role: 'Columnist' });
    matchesFixture('author-published', await settled());
    events = [];
    await publish('api::section.section', 'culture', { name: 'Culture & Arts' });
    matchesFixture('section-renamed', await settled());
    events = [];
    await publish('api::tag.tag', 'arts', { slug: 'the-arts' });
    matchesFixture('tag-renamed', await settled());
    events = [];
    await publish('api::series.series', 'the-tideline-question', { description: 'Three arguments about the sea.' });
    matchesFixture('series-published', await settled());
    events = [];
    await publish('api::page.page', 'terms', { title: 'Terms of use (revised)' });
    matchesFixture('page-published', await settled());
    events = [];
    await publish('api::editors-note.editors-note', null, { label: 'About this series (revised)' });
    matchesFixture('editors-note-published', await settled());
    events = [];
    await publish('api::site.site', null, { description: 'News and argument from Port Halden.' });
    matchesFixture('site-published', await settled());
    events = [];
    const rule = await cms.strapi.documents('api::trend-rule.trend-rule').create({ locale: 'en', data: { term: 'ferry', rule: 'pin' } });
    matchesFixture('trend-rule-created', await settled());
    events = [];
    await cms.strapi.documents('api::trend-rule.trend-rule').delete({ documentId: rule.documentId, locale: 'en' });
    matchesFixture('trend-rule-deleted', await settled());
  });
});
