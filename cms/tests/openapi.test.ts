import { execFileSync } from 'child_process';
import fs from 'fs';
import path from 'path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { ARTICLE, CONTENT_TYPES } from '@newsroom/contract';
import { startCms, type TestCms } from './helpers/strapi';

// The contract with API consumers: the OpenAPI document is valid, every public endpoint answers what it
// says, and it is pinned in packages/contract/openapi.json, so a change that would break consumers fails
// here until the document is deliberately updated (npm run openapi:update in cms/, then review the diff).
const PINNED = path.resolve(__dirname, '..', '..', 'packages', 'contract', 'openapi.json');

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- a JSON document
let cms: TestCms;
let document: Json;
beforeAll(async () => {
  cms = await startCms();
  document = (await cms.api.get('/api/openapi.json').expect(200)).body;
});
afterAll(async () => {
  await cms?.stop();
});

describe('the OpenAPI description of the public API', () => {
  it('is a valid OpenAPI 3.1 document', () => {
    expect(document.openapi).toBe('3.1.0');
    const verdict = execFileSync(process.execPath, [path.join(__dirname, 'helpers', 'validate-openapi.mjs')], {
      input: JSON.stringify(document),
    });
    expect(JSON.parse(String(verdict))).toEqual({ valid: true, errors: [] });
  });

  it('describes what the public may call and nothing else', () => {
    const paths = Object.keys(document.paths);
    const readable = Object.values(CONTENT_TYPES).filter((type) => type !== CONTENT_TYPES.trendRule);
    expect(paths).toEqual(expect.arrayContaining(readable.map((type) => type.path)));
    expect(paths).not.toContain(CONTENT_TYPES.trendRule.path);
    expect(paths).toEqual(expect.arrayContaining(['/search', '/search-trends', '/machine-translation/languages']));
    expect(paths.filter((p) => /^\/(users|auth\/|connect|upload|content-type-builder|email|i18n)|\(/.test(p))).toEqual([]);
    for (const methods of Object.values(document.paths) as Json[]) expect(Object.keys(methods)).toEqual(['get']);
    expect(document.servers).toEqual([{ url: '/api', description: expect.any(String) }]);
    const text = JSON.stringify(document);
    expect(text).not.toContain('uuid');
    expect(text).not.toMatch(/"_q"|publicationFilter|"\$schema"|x-powered-by/);
  });

  it('is the pinned document: a change must be made on purpose', () => {
    if (process.env.OPENAPI_UPDATE === '1') fs.writeFileSync(PINNED, `${JSON.stringify(document, null, 2)}\n`);
    const pinned = JSON.parse(fs.readFileSync(PINNED, 'utf8'));
    expect(document).toEqual(pinned);
  });

  it('validates the real answers of every public endpoint (ajv)', async () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajv);
    const validator = (apiPath: string) => {
      const schema = document.paths[apiPath].get.responses['200'].content['application/json'].schema;
      return ajv.compile({ ...schema, components: document.components });
    };
    const check = async (apiPath: string, url: string) => {
      const res = await cms.api.get(url);
      expect({ url, status: res.status, error: res.body.error }).toEqual({ url, status: 200 });
      const validate = validator(apiPath);
      expect({ url, errors: validate(res.body) ? [] : validate.errors }).toEqual({ url, errors: [] });
      return res.body;
    };

    // A renamed article leaves a slug redirect behind (the demo outlet has none).
    const renamed = await cms.idOf(ARTICLE, 'night-market-returns-to-quayside');
    await cms.strapi.documents(ARTICLE).update({ documentId: renamed, locale: 'en', data: { slug: 'night-market-is-back' } });
    await cms.strapi.documents(ARTICLE).publish({ documentId: renamed, locale: 'en' });

    for (const type of Object.values(CONTENT_TYPES)) {
      if (type === CONTENT_TYPES.trendRule) continue;
      if (type === CONTENT_TYPES.site) {
        await check(type.path, `/api${type.path}?populate=*`);
        continue;
      }
      const list = await check(type.path, `/api${type.path}?populate=*&pagination[pageSize]=5`);
      expect({ type: type.path, entries: list.data.length > 0 }).toEqual({ type: type.path, entries: true });
      await check(`${type.path}/{id}`, `/api${type.path}/${list.data[0].documentId}?populate=*`);
    }
    const id = await cms.idOf(ARTICLE, 'rents-rise-fastest-in-westbank');
    await check(
      '/articles/{id}',
      `/api/articles/${id}?populate[cover][populate]=*&populate[authors]=true&populate[section]=true&populate[tags]=true&populate[seo]=true`,
    );
    await check('/articles', '/api/articles?locale=zh&populate=*');
    await check('/search', '/api/search?q=harbour');
    await check('/search-trends', '/api/search-trends');
    await check('/machine-translation/languages', '/api/machine-translation/languages');
  });
});

describe('the reference page', () => {
  it('shows every endpoint and type, from the CMS alone (no script, nothing fetched elsewhere)', async () => {
    const res = await cms.api.get('/api/reference');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    for (const apiPath of Object.keys(document.paths)) expect(res.text).toContain(`/api${apiPath}`);
    for (const name of Object.keys(document.components.schemas)) expect(res.text).toContain(`id="${name}"`);
    expect(res.text).not.toMatch(/<script|<link|src="http|@import/i);
  });
});
