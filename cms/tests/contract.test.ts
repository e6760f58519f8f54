import type { UID } from '@strapi/strapi';
import { CONTENT_TYPES, DEFAULT_LOCALE, LOCALES, SEARCH_MAX_PAGE_SIZE, SEARCH_MAX_QUERY_LENGTH } from '@newsroom/contract';
import { searchPage, trendList } from '@newsroom/contract/schemas';
import * as site from '../../web/lib/cms/queries';
import { checkQueryShape } from '../src/public-api/query-shape';
import { publicModels } from '../src/public-api/public-models';
import { startCms, type TestCms } from './helpers/strapi';

// The contract (packages/contract) against the real content model: a change to the model that would break
// the site fails here, not as `undefined` on a page.

// Checked by the compiler against Strapi's generated types: every uid of the contract is a content type.
const contractUids: UID.ContentType[] = Object.values(CONTENT_TYPES).map((type) => type.uid);

let cms: TestCms;
beforeAll(async () => {
  cms = await startCms();
});
afterAll(async () => {
  await cms?.stop();
});

describe('the contract between the CMS and the site', () => {
  it('names every content type by its uid and REST path as the CMS defines them', () => {
    for (const { uid, path } of Object.values(CONTENT_TYPES)) {
      const type = cms.strapi.contentTypes[uid as UID.ContentType];
      expect({ uid, defined: !!type }).toEqual({ uid, defined: true });
      const name = type.kind === 'singleType' ? type.info.singularName : type.info.pluralName;
      expect({ uid, path }).toEqual({ uid, path: `/${name}` });
    }
    expect(contractUids).toHaveLength(Object.keys(CONTENT_TYPES).length);
  });

  it('has the locales the CMS creates, with the same default', async () => {
    const locales: { code: string }[] = await cms.strapi.plugin('i18n').service('locales').find();
    expect(locales.map((l) => l.code).sort()).toEqual([...LOCALES].sort());
    expect(await cms.strapi.plugin('i18n').service('locales').getDefaultLocale()).toBe(DEFAULT_LOCALE);
  });

  it('lets the site ask for everything it reads, in the public query grammar', () => {
    const models = publicModels(cms.strapi);
    const reads: [string, object][] = [
      [CONTENT_TYPES.article.uid, { ...site.ARTICLE, sort: site.NEWEST_FIRST }],
      [CONTENT_TYPES.article.uid, site.ARTICLE_SUMMARY],
      [CONTENT_TYPES.author.uid, site.AUTHOR],
      [CONTENT_TYPES.series.uid, site.SERIES],
      [CONTENT_TYPES.section.uid, site.TAXONOMY],
      [CONTENT_TYPES.tag.uid, site.TAXONOMY],
      [CONTENT_TYPES.page.uid, site.LEGAL_PAGE],
      [CONTENT_TYPES.site.uid, site.SITE],
    ];
    for (const [uid, query] of reads) expect(() => checkQueryShape(JSON.parse(JSON.stringify(query)), uid, models)).not.toThrow();
  });

  it('describes what the search and Search Trends endpoints answer, within its limits', async () => {
    const found = await cms.api.get('/api/search').query({ q: 'harbour', pageSize: SEARCH_MAX_PAGE_SIZE });
    expect(found.status).toBe(200);
    expect(searchPage.safeParse(found.body).error).toBeUndefined();
    expect(found.body.data.length).toBeGreaterThan(0);
    expect((await cms.api.get('/api/search').query({ q: 'harbour', pageSize: SEARCH_MAX_PAGE_SIZE + 1 })).status).toBe(400);
    expect((await cms.api.get('/api/search').query({ q: 'a'.repeat(SEARCH_MAX_QUERY_LENGTH + 1) })).status).toBe(400);
    const trends = await cms.api.get('/api/search-trends').query({ locale: DEFAULT_LOCALE });
    expect(trendList.safeParse(trends.body).error).toBeUndefined();
  });
});
