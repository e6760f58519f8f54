import fs from 'fs';
import path from 'path';
import { articleTranslation, siteChange, translationLanguages, type SiteChange } from '@newsroom/contract/schemas';
import { startCms, type TestCms } from './helpers/strapi';

// Machine translation in the CMS, booted for real with Azure Translator v3 as the provider (a stand-in on
// loopback that checks each request as Azure does): readers' translations kept per version and within
// budget, editors' machine drafts with their provenance, and translations going stale when the original
// is published anew.
const services = require('../../e2e/helpers/translation-services');

const ARTICLE = 'api::article.article';
type StandIn = {
  url: string;
  translations: () => { body: string }[];
  failNext: (status: number, times?: number) => void;
  close: () => Promise<void>;
};
type MachineTranslationModule = typeof import('../src/translation/service');

let cms: TestCms;
let azure: StandIn;
let token: string;
let admin: { Authorization: string };

beforeAll(async () => {
  azure = await services.azureStandIn({ key: 'azure-test-key' });
  cms = await startCms({
    env: {
      TRANSLATION_PROVIDER: 'azure',
      AZURE_TRANSLATOR_URL: azure.url,
      AZURE_TRANSLATOR_KEY: 'azure-test-key',
      TRANSLATION_WAIT_MS: '10000',
    },
  });
  token = fs.readFileSync(path.join(cms.tmp, 'web-api-token'), 'utf8').trim();
  admin = await cms.signIn();
}, 180_000);
afterAll(async () => {
  await cms?.stop();
  await azure?.close();
});

const service = () => (require('../dist/src/translation/service') as MachineTranslationModule).machineTranslation(cms.strapi);
const translate = (documentId: string, to: string, locale = 'en') =>
  cms.api.get(`/api/machine-translation/articles/${documentId}`).query({ locale, to }).set('Authorization', `Bearer ${token}`);
const publicArticle = async (slug: string, locale = 'en') =>
  (await cms.api.get('/api/articles').query({ locale, 'filters[slug][$eq]': slug, populate: '*' })).body.data[0];
const spent = () => cms.strapi.db.connection('machine_translation_usage').sum({ total: 'characters' }).first();
const caps = (text: string, to: string) => `[${to}] ${text.toUpperCase()}`;

describe('what readers may have translated', () => {
  it('lists the provider’s languages for a locale, without the locale itself, for anyone', async () => {
    const res = await cms.api.get('/api/machine-translation/languages').query({ locale: 'en' });
    expect(res.status).toBe(200);
    const body = translationLanguages.parse(res.body);
    expect(body.data).toEqual(expect.arrayContaining(['es', 'ca', 'zh', 'fr']));
    expect(body.data).not.toContain('en');
    expect(body.meta.provider).toEqual({ id: 'azure', name: 'Microsoft Translator' });
    expect((await cms.api.get('/api/machine-translation/languages').query({ locale: 'xx' })).status).toBe(400);
  });
});

describe('a reader’s translation', () => {
  const slug = 'council-approves-night-ferry-trial';

  it('translates the published version once: headline, standfirst, body with links and emphasis, captions, names kept', async () => {
    const documentId = await cms.idOf(ARTICLE, slug);
    const original = await publicArticle(slug);
    const before = azure.translations().length;
    const res = await translate(documentId, 'es');
    expect(res.status).toBe(200);
    const { data, meta } = articleTranslation.parse(res.body);
    expect(data.title).toBe(caps(original.title, 'es'));
    expect(data.standfirst).toBe(caps(original.standfirst, 'es').replace('WESTBANK', 'Westbank'));
    expect(data.cover?.caption).toBe(caps(original.cover.caption, 'es').replace('MARKET STAIRS', 'Market Stairs'));
    expect(meta).toMatchObject({ documentId, locale: 'en', language: 'es', provider: { id: 'azure', name: 'Microsoft Translator' } });
    expect(meta.version).toBe(new Date(original.publishedAt).toISOString());
    // Names the site keeps (Site: namesNotTranslated) are sent marked notranslate and come back as written.
    expect(JSON.stringify(data)).toContain('Port Halden');
    expect(JSON.stringify(data)).not.toContain('PORT HALDEN');
    expect(azure.translations().length).toBe(before + 1);

    const again = await translate(documentId, 'es');
    expect(again.body.meta.translatedAt).toBe(meta.translatedAt);
    expect(azure.translations().length).toBe(before + 1);
  });

  it('makes the same translation once when two readers ask at the same moment', async () => {
    const documentId = await cms.idOf(ARTICLE, 'rents-rise-fastest-in-westbank');
    const before = azure.translations().length;
    const [a, b] = await Promise.all([translate(documentId, 'ca'), translate(documentId, 'ca')]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(a.body.meta.translatedAt).toBe(b.body.meta.translatedAt);
    expect(azure.translations().length).toBe(before + 1);
  });

  it('translates the new version after the article is published again, and keeps only that one', async () => {
    const documentId = await cms.idOf(ARTICLE, 'rents-rise-fastest-in-westbank');
    const first = await translate(documentId, 'fr');
    await cms.strapi.documents(ARTICLE).update({ documentId, locale: 'en', data: { standfirst: 'Rents in Westbank rose fastest again.' } });
    await cms.strapi.documents(ARTICLE).publish({ documentId, locale: 'en' });
    const second = await translate(documentId, 'fr');
    expect(second.status).toBe(200);
    expect(second.body.meta.version).not.toBe(first.body.meta.version);
    expect(second.body.data.standfirst).toBe('[fr] RENTS IN Westbank ROSE FASTEST AGAIN.');
    const kept = await cms.strapi.db.connection('machine_translations').where({ document_id: documentId, target: 'fr' });
    expect(kept.map((row: { source_version: string }) => row.source_version)).toEqual([second.body.meta.version]);
  });

  it('never translates a draft, a language not offered or a locale the article lacks: 404, and a bad code is a 400', async () => {
    const draft = await cms.strapi
      .documents(ARTICLE)
      .create({ data: { title: 'Unpublished scoop', slug: 'unpublished-scoop', format: 'news' } });
    const before = azure.translations().length;
    const res = await translate(draft.documentId, 'es');
    expect(res.status).toBe(404);
    expect(res.body.error.message).toMatch(/no published article/);
    expect((await translate(await cms.idOf(ARTICLE, slug), 'xx')).status).toBe(404);
    expect((await translate(await cms.idOf(ARTICLE, 'rents-rise-fastest-in-westbank'), 'es', 'zh')).status).toBe(404);
    const bad = await translate(await cms.idOf(ARTICLE, slug), '<script>');
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/to must be a language code/);
    expect(azure.translations().length).toBe(before);
  });

  it('is the web app’s alone: anyone else gets a 403', async () => {
    const documentId = await cms.idOf(ARTICLE, slug);
    const res = await cms.api.get(`/api/machine-translation/articles/${documentId}`).query({ locale: 'en', to: 'es' });
    expect(res.status).toBe(403);
  });

  it('answers 503 with Retry-After, never cached, when the day’s budget is spent; nothing else is affected', async () => {
    const translation = service();
    const budget = translation.config.dailyCharacters;
    translation.config.dailyCharacters = Number((await spent())?.total ?? 0) + 10;
    try {
      const documentId = await cms.idOf(ARTICLE, 'container-volumes-slip-for-third-quarter');
      const before = azure.translations().length;
      const res = await translate(documentId, 'de');
      expect(res.status).toBe(503);
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
      expect(Number(res.headers['retry-after'])).toBeLessThanOrEqual(86_400);
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.body.error.message).toMatch(/budget is spent/);
      expect(azure.translations().length).toBe(before);
      // Translations already made are still served, and articles are untouched.
      expect((await translate(await cms.idOf(ARTICLE, slug), 'es')).status).toBe(200);
      expect((await cms.api.get('/api/articles').query({ 'filters[slug][$eq]': 'container-volumes-slip-for-third-quarter' })).status).toBe(
        200,
      );
    } finally {
      translation.config.dailyCharacters = budget;
    }
  });

  it('answers 503 with Retry-After when the provider keeps failing, and gives the characters back', async () => {
    const documentId = await cms.idOf(ARTICLE, 'container-volumes-slip-for-third-quarter');
    const before = Number((await spent())?.total ?? 0);
    azure.failNext(500, 3);
    const res = await translate(documentId, 'de');
    expect(res.status).toBe(503);
    expect(res.headers['retry-after']).toBe('30');
    expect(res.body.error.message).toMatch(/translation service is not available/);
    expect(Number((await spent())?.total ?? 0)).toBe(before);
    expect((await translate(documentId, 'de')).status).toBe(200);
  });
});

type OriginalArticle = {
  title: string;
  publishedAt: string;
  cover: { credit: string; image: { id: number } };
  authors: { documentId: string }[];
};

describe('an editor’s machine draft', () => {
  const slug = 'harbourmaster-interview-forty-years-of-tides';
  const draft = (body: object, auth: Record<string, string> = admin) => cms.api.post('/machine-translation/drafts').set(auth).send(body);
  const zhRows = async (documentId: string) =>
    cms.strapi.db
      .query(ARTICLE)
      .findMany({ where: { documentId, locale: 'zh' }, populate: { cover: { populate: { image: true } }, authors: true } });

  it('tells the admin which of the site’s locales an article can be machine translated into, and by whom', async () => {
    const res = await cms.api.get('/machine-translation/locales').query({ from: 'en' }).set(admin);
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({
      provider: { id: 'azure', name: 'Microsoft Translator' },
      locales: [{ code: 'zh', name: expect.any(String) }],
    });
    expect((await cms.api.get('/machine-translation/locales').query({ from: 'xx' }).set(admin)).status).toBe(400);
    expect((await cms.api.get('/machine-translation/locales').query({ from: 'en' })).status).toBe(401);
  });

  it('fills a new locale’s draft from the original: translated words, the original’s pictures and credits, its provenance', async () => {
    const documentId = await cms.idOf(ARTICLE, slug);
    const original = (await cms.strapi.documents(ARTICLE).findOne({
      documentId,
      locale: 'en',
      status: 'published',
      populate: { cover: { populate: { image: true } }, authors: true, section: true },
    } as never)) as unknown as OriginalArticle;
    const res = await draft({ documentId, from: 'en', to: 'zh' });
    expect(res.status).toBe(201);
    expect(res.body.data).toMatchObject({ documentId, locale: 'zh', provider: 'Microsoft Translator' });
    // Its author and section have Chinese versions; its editor's note had none, so it got a draft too.
    expect(res.body.data.notes).toEqual(["The editor's note was machine-translated into a zh draft of its own: review and publish it too"]);

    const [row] = await zhRows(documentId);
    expect(row.publishedAt).toBeNull();
    expect(row).toMatchObject({
      title: caps(original.title, 'zh-Hans'),
      slug,
      translationOrigin: 'machine',
      translatedFrom: 'en',
      translatedFromVersion: new Date(original.publishedAt).toISOString(),
      translationProvider: 'Microsoft Translator',
      translationStale: false,
    });
    expect(row.cover.image.id).toBe(original.cover.image.id);
    expect(row.cover.credit).toBe(original.cover.credit);
    expect(row.authors.map((a: { documentId: string }) => a.documentId)).toEqual(
      original.authors.map((a: { documentId: string }) => a.documentId),
    );
  });

  it('links only the relations that exist in the new locale, and says which do not', async () => {
    const documentId = await cms.idOf(ARTICLE, 'bus-depot-move-uphill-approved');
    const res = await draft({ documentId, from: 'en', to: 'zh' });
    expect(res.status).toBe(201);
    expect(res.body.data.notes).toEqual(expect.arrayContaining(['Author Priya Raman has no zh version and is not linked']));
    const [row] = await zhRows(documentId);
    expect(row.authors.map((a: { name: string }) => a.name)).toEqual(['Mara Okafor']);
  });

  it('is refused publication until an editor marks it reviewed, then shows its provenance in the public API', async () => {
    const documentId = await cms.idOf(ARTICLE, slug);
    const articles = cms.strapi.documents(ARTICLE);
    await expect(articles.publish({ documentId, locale: 'zh' })).rejects.toThrow(/machine translation nobody has reviewed/);
    await articles.update({ documentId, locale: 'zh', data: { translationOrigin: 'machine-reviewed' } });
    await articles.publish({ documentId, locale: 'zh' });
    const published = await publicArticle(slug, 'zh');
    const english = await publicArticle(slug, 'en');
    expect(published).toMatchObject({
      translationOrigin: 'machine-reviewed',
      translatedFrom: 'en',
      translatedFromVersion: new Date(english.publishedAt).toISOString(),
      translationProvider: 'Microsoft Translator',
      translationStale: false,
    });
  });

  it('never overwrites a locale that exists, and refuses what cannot be done with a clear 4xx', async () => {
    const documentId = await cms.idOf(ARTICLE, slug);
    const exists = await draft({ documentId, from: 'en', to: 'zh' });
    expect(exists.status).toBe(409);
    expect(exists.body.error.message).toMatch(/has a zh version already/);
    expect((await draft({ documentId, from: 'en', to: 'en' })).status).toBe(400);
    expect((await draft({ documentId, from: 'en', to: 'xx' })).body.error.message).toMatch(/not one of the site's locales/);
    expect((await draft({ documentId: 'no-such-document', from: 'en', to: 'zh' })).status).toBe(404);
    expect((await draft({ from: 'en', to: 'zh' })).status).toBe(400);
    expect((await draft({ documentId, from: 'en', to: 'zh' }, {})).status).toBe(401);
  });

  it('writes nothing when the provider fails, and says to try later', async () => {
    const documentId = await cms.idOf(ARTICLE, 'corn-exchange-reopens-as-theatre');
    azure.failNext(503, 3);
    const res = await draft({ documentId, from: 'en', to: 'zh' });
    expect(res.status).toBe(503);
    expect(res.headers['retry-after']).toBe('30');
    expect(await zhRows(documentId)).toEqual([]);
  });
});

describe('stale translations', () => {
  const slug = 'council-approves-night-ferry-trial';

  it('the seed’s human translation follows the English version it was published against', async () => {
    const zh = await publicArticle(slug, 'zh');
    expect(zh).toMatchObject({ translationOrigin: 'human', translatedFrom: 'en', translationStale: false });
    expect(zh.translatedFromVersion).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('goes stale when the original is published anew, tells the site, and is fresh again once republished', async () => {
    const documentId = await cms.idOf(ARTICLE, slug);
    const events: SiteChange[] = [];
    const listener = async (event: SiteChange) => void events.push(event);
    cms.strapi.eventHub.on('site.change', listener);
    try {
      const articles = cms.strapi.documents(ARTICLE);
      await articles.update({ documentId, locale: 'en', data: { title: 'Council approves a six-month night ferry trial' } });
      await articles.publish({ documentId, locale: 'en' });
      expect((await publicArticle(slug, 'zh')).translationStale).toBe(true);
      for (let i = 0; i < 50 && !events.some((event) => event.locale === 'zh'); i++)
        await new Promise((resolve) => setTimeout(resolve, 100));
      const zhEvent = events.find((event) => event.locale === 'zh');
      expect(siteChange.parse(zhEvent)).toMatchObject({ before: { stale: false }, after: { stale: true } });

      // An editor saving cannot clear it or set the version; publishing the translation does both.
      await articles.update({ documentId, locale: 'zh', data: { translationStale: false, translatedFromVersion: 'made-up' } as never });
      const draftRow = await cms.strapi.db.query(ARTICLE).findOne({ where: { documentId, locale: 'zh', publishedAt: null } });
      expect(draftRow).toMatchObject({ translationStale: true });
      expect(draftRow.translatedFromVersion).not.toBe('made-up');
      await articles.publish({ documentId, locale: 'zh' });
      const zh = await publicArticle(slug, 'zh');
      expect(zh.translationStale).toBe(false);
      expect(zh.translatedFromVersion).toBe(new Date((await publicArticle(slug, 'en')).publishedAt).toISOString());
    } finally {
      cms.strapi.eventHub.removeListener('site.change', listener);
    }
  });
});
