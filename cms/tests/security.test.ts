import fs from 'fs';
import path from 'path';
import { startCms, type TestCms } from './helpers/strapi';

/**
 * One test per class of attack the Strapi content API has faced. Each attack must be refused (4xx) or
 * give exactly the response the same request gives without it: anything else is an oracle.
 */
let cms: TestCms;
let baseline: unknown;
beforeAll(async () => {
  cms = await startCms();
  baseline = (await cms.api.get('/api/articles').query({ 'pagination[pageSize]': 100 })).body;
});
afterAll(async () => {
  await cms?.stop();
});

async function expectRefusedOrBaseline(query: Record<string, string>, path = '/api/articles') {
  const res = await cms.api.get(path).query({ 'pagination[pageSize]': 100, ...query });
  if (res.status >= 400 && res.status < 500) {
    // The message may name the refused key; it must never carry a hash or an admin's address.
    expect(JSON.stringify(res.body)).not.toMatch(/\$2[aby]\$|editor@tidewater\.test/);
    return;
  }
  expect({ query, status: res.status }).toEqual({ query, status: 200 });
  expect(res.body).toEqual(baseline);
}

describe('security regressions of the public API', () => {
  it('CVE-2023-22894: filtering through createdBy/updatedBy into admin users (password, email, reset token) leaks nothing', async () => {
    for (const relation of ['createdBy', 'updatedBy']) {
      for (const field of ['password', 'email', 'resetPasswordToken', 'registrationToken']) {
        await expectRefusedOrBaseline({ [`filters[${relation}][${field}][$startsWith]`]: '$' });
        await expectRefusedOrBaseline({ [`filters[${relation}][${field}][$null]`]: 'false' });
      }
    }
  });

  it('CVE-2023-34235: a table-alias prefix in a filter key cannot reach another table', async () => {
    for (const key of [
      'filters[updatedBy][t1.password][$startsWith]',
      'filters[t0.password][$startsWith]',
      'filters[authors][t1.email][$startsWith]',
      'filters[t1.email][$startsWith]',
    ]) {
      await expectRefusedOrBaseline({ [key]: '$' });
    }
  });

  it('CVE-2026-27886: unknown top-level parameters (where, _where, filter) never reach the database', async () => {
    for (const key of [
      'where[createdBy][password][$startsWith]',
      '_where[createdBy][email][$contains]',
      'filter[authors][email][$startsWith]',
      'q[createdBy][password]',
    ]) {
      const res = await cms.api.get('/api/articles').query({ [key]: '$' });
      expect({ key, status: res.status }).toEqual({ key, status: 400 });
    }
  });

  it('sorting by a creator, updater or private field is refused, so ordering cannot leak secrets', async () => {
    for (const sort of ['createdBy.password:asc', 'updatedBy.email:desc', 'authors.email:asc', 'internalNotes:asc']) {
      await expectRefusedOrBaseline({ sort });
    }
    await expectRefusedOrBaseline({ 'sort[0][createdBy][password]': 'asc' });
    await expectRefusedOrBaseline({ sort: 'email:asc' }, '/api/authors');
  });

  it('populating or selecting creator, updater and private fields returns none of them', async () => {
    await expectRefusedOrBaseline({ 'populate[createdBy][fields][0]': 'password' });
    await expectRefusedOrBaseline({ 'populate[updatedBy]': '*' });
    await expectRefusedOrBaseline({ 'fields[0]': 'internalNotes' });
    const res = await cms.api.get('/api/authors').query({ 'fields[0]': 'email' });
    expect(res.status).toBe(400);
    const populate = await cms.api.get('/api/articles').query({ 'populate[authors][fields][0]': 'email' });
    expect(populate.status).toBe(400);
  });

  it('private fields cannot be probed through relations, logical operators or nested populate filters', async () => {
    await expectRefusedOrBaseline({ 'filters[authors][email][$startsWith]': 'mara' });
    await expectRefusedOrBaseline({ 'filters[authors][internalNotes][$containsi]': 'source' });
    await expectRefusedOrBaseline({ 'filters[$or][0][authors][email][$startsWith]': 'm', 'filters[$or][1][title][$null]': 'true' });
    await expectRefusedOrBaseline({ 'filters[$and][0][$not][authors][email][$endsWith]': 'example' });
    await expectRefusedOrBaseline({ 'filters[internalNotes][$null]': 'true' });
    const nested = await cms.api.get('/api/articles').query({ 'populate[authors][filters][email][$startsWith]': 'mara' });
    expect(nested.status).toBe(400);
  });

  it('the users endpoints of users-permissions are closed to the public', async () => {
    for (const query of [{}, { 'filters[password][$startsWith]': '$' }, { 'filters[email][$contains]': '@' }]) {
      const res = await cms.api.get('/api/users').query(query);
      expect(res.status).toBe(403);
    }
  });

  it('a forged or revoked API token is rejected with 401, not treated as anonymous', async () => {
    const res = await cms.api.get('/api/articles').set('Authorization', 'Bearer not-a-real-token').query({ status: 'draft' });
    expect(res.status).toBe(401);
  });
});

const COLLECTIONS = ['articles', 'authors', 'series-list', 'sections', 'tags', 'pages', 'editors-notes', 'slug-redirects'];

/** Walks a JSON body for rows no public answer may hold: drafts, and media's `related` entries. */
function notPublic(value: unknown, path = '$'): string | null {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = notPublic(value[i], `${path}[${i}]`);
      if (found) return found;
    }
  } else if (value && typeof value === 'object') {
    const row = value as Record<string, unknown>;
    if ('publishedAt' in row && row.publishedAt === null) return `a draft row at ${path}`;
    if ('related' in row) return `media's related entries at ${path}`;
    for (const [key, inner] of Object.entries(row)) {
      const found = notPublic(inner, `${path}.${key}`);
      if (found) return found;
    }
  }
  return null;
}

describe('malformed REST queries are a 400 that names the parameter, never a 500', () => {
  async function expectRefusal(path: string, query: string, parameter: string) {
    const res = await cms.api.get(`${path}?${query}`);
    expect({ query, status: res.status }).toEqual({ query, status: 400 });
    expect({ query, parameter: res.body.error.details.parameter }).toEqual({ query, parameter });
    expect(res.body.error.message).toContain(parameter);
  }

  it('refuses every malformed shape the fuzzer found, on every public collection', async () => {
    for (const collection of COLLECTIONS) {
      const path = `/api/${collection}`;
      await expectRefusal(path, 'fields=', 'fields');
      await expectRefusal(path, 'filters[$and]=1', 'filters[$and]');
      await expectRefusal(path, 'filters[]=1', 'filters');
      await expectRefusal(path, 'filters[documentId][$between]=x', 'filters[documentId][$between]');
      await expectRefusal(path, 'filters[documentId][$gte][$eq]=x', 'filters[documentId][$gte]');
      await expectRefusal(path, 'sort[documentId][x]=asc', 'sort[documentId]');
      await expectRefusal(path, 'filters[id][$lt]=abc', 'filters[id][$lt]');
      await expectRefusal(path, 'filters[id][$containsi]=1', 'filters[id][$containsi]');
      await expectRefusal(path, 'filters[$or][documentId][$eq]=x', 'filters[$or]');
      await expectRefusal(path, 'filters[documentId][$jsonSupersetOf]=1', 'filters[documentId][$jsonSupersetOf]');
      await expectRefusal(path, 'filters[documentId][$eq]=a%00b', 'filters[documentId][$eq]');
      await expectRefusal(path, '_q=harbour', '_q');
      await expectRefusal(path, 'publicationFilter=never-published', 'publicationFilter');
    }
    await expectRefusal('/api/articles', 'filters[partNumber][$lt]=abc', 'filters[partNumber][$lt]');
    await expectRefusal('/api/articles', 'sort[title][x]=asc', 'sort[title]');
    await expectRefusal('/api/articles', 'filters[title][$between]=x', 'filters[title][$between]');
    await expectRefusal('/api/articles', 'populate[gallery][fields][0]=documentId', 'populate[gallery][fields][0]');
    await expectRefusal('/api/articles', 'filters[tags][$eq]=abc', 'filters[tags][$eq]');
    await expectRefusal('/api/articles', 'filters[body][$eq]=x', 'filters[body]');
    await expectRefusal('/api/articles', 'filters[tags][name][$eq]=x&filters[tags][$null]=true', 'filters[tags]');
    await expectRefusal('/api/tags', 'populate[articles][count]=true&populate[articles][sort]=title', 'populate[articles][sort]');
    await expectRefusal('/api/site', 'fields[0]=', 'fields[0]');
  });

  it('answers the legitimate shapes, a $not under a relation included, the way their plain equivalents do', async () => {
    const ids = async (query: string) => {
      const res = await cms.api.get(`/api/articles?fields[0]=title&pagination[pageSize]=100&${query}`);
      expect({ query, status: res.status }).toEqual({ query, status: 200 });
      return res.body.data.map((a: { documentId: string }) => a.documentId).sort();
    };
    const notHarbour = await ids('filters[tags][$not][name][$eq]=Harbour');
    expect(notHarbour.length).toBeGreaterThan(0);
    expect(notHarbour).toEqual(await ids('filters[tags][name][$ne]=Harbour'));
    expect(await ids('filters[$not][title][$eq]=x')).toHaveLength(13);
    expect((await ids('filters[title][$between][0]=A&filters[title][$between][1]=M')).length).toBeGreaterThan(0);
    expect(await ids('filters[partNumber][$lt]=3&filters[partNumber][$gte]=1')).toHaveLength(2);
    await ids('filters[title][$in][0]=a&filters[title][$in][1]=b');
    await ids('filters[title][$eq][0]=a&filters[title][$eq][1]=b');
    await ids('filters[tags][$null]=true');
    await ids('filters[authors][id][$in][0]=1');
    await ids('filters[cover][caption][$containsi]=harbour');
    await ids('filters[firstPublishedAt][$gt]=2020-01-01');
    await ids('filters[markAsUpdate][$eq]=true');
    await ids('sort=title:desc,slug&sort[1]=id');
    await ids('sort[authors][name]=asc');
    await ids('populate=*');
    await ids('populate=authors.avatar,cover.image');
    await ids('populate[authors][count]=true&populate[authors][filters][name][$startsWith]=M');
    await ids('populate[body][on][media.figure][populate][image][fields][0]=url&populate[body][on][content.rich-text]=true');
    await ids('populate[corrections][sort]=date:desc&populate[corrections][filters][text][$contains]=a');
  });
});

describe('drafts never reach the public through media or translations', () => {
  it('refuses populating anything from a media file, whose related entries include drafts', async () => {
    for (const [path, query, parameter] of [
      ['/api/authors', 'populate[avatar][populate]=*', 'populate[avatar][populate]'],
      ['/api/authors', 'populate[avatar][populate][related]=true', 'populate[avatar][populate]'],
      ['/api/site', 'populate[logo][populate]=*', 'populate[logo][populate]'],
      ['/api/site', 'populate[defaultShareImage][fields][0]=provider_metadata', 'populate[defaultShareImage][fields][0]'],
      ['/api/articles', 'populate[cover][populate][image][populate]=*', 'populate[cover][populate][image][populate]'],
      ['/api/articles', 'populate=cover.image.related', 'populate'],
      ['/api/articles', 'filters[cover][image][related][id][$notNull]=true', 'filters[cover][image][related]'],
      ['/api/pages', 'populate[seo][populate][shareImage][populate]=*', 'populate[seo][populate][shareImage][populate]'],
    ]) {
      const res = await cms.api.get(`${path}?${query}`);
      expect({ query, status: res.status, parameter: res.body.error?.details?.parameter }).toEqual({ query, status: 400, parameter });
    }
  });

  it('returns no draft row and no related entries for any populate a reader may ask', async () => {
    for (const [path, query] of [
      ['/api/authors', 'populate=*'],
      ['/api/authors', 'populate[avatar]=true&populate[articles][populate]=*'],
      ['/api/site', 'populate=*'],
      ['/api/articles', 'populate=*'],
      ['/api/articles', 'populate[cover][populate]=*&populate[authors][populate]=*&populate[localizations]=true'],
      ['/api/series-list', 'populate[parts][populate]=*&populate[cover][populate]=*'],
      ['/api/sections', 'populate[articles][populate]=*'],
      ['/api/tags', 'populate[articles][populate][authors][populate]=*'],
    ]) {
      const res = await cms.api.get(path === '/api/site' ? `${path}?${query}` : `${path}?${query}&pagination[pageSize]=100`);
      expect({ query, status: res.status }).toEqual({ query, status: 200 });
      expect({ query, found: notPublic(res.body) }).toEqual({ query, found: null });
      expect(JSON.stringify(res.body)).not.toContain('Council weighs three harbour levy options');
    }
  });

  it('cannot be asked whether a draft translation exists through localizations', async () => {
    const articles = cms.strapi.documents('api::article.article');
    const documentId = await cms.idOf('api::article.article', 'rents-rise-fastest-in-westbank');
    await articles.update({ documentId, locale: 'zh', data: { title: 'Secret draft translation', slug: 'secret-zh' } });
    try {
      const probe = await cms.api.get('/api/articles?filters[localizations][title][$eq]=Secret%20draft%20translation');
      expect(probe.status).toBe(400);
      expect(probe.body.error.details.parameter).toBe('filters[localizations]');
      expect((await cms.api.get('/api/articles?sort=localizations.title')).status).toBe(400);
      const listed = await cms.api.get(
        '/api/articles?filters[slug][$eq]=rents-rise-fastest-in-westbank&populate[localizations][fields][0]=title',
      );
      expect(listed.status).toBe(200);
      expect(listed.body.data[0].localizations).toEqual([]);
    } finally {
      await articles.delete({ documentId, locale: 'zh' });
    }
  });
});

describe('drafts are for the web app’s preview only, decided by who the client is', () => {
  it('answers status=draft with 403 for every shape of Authorization header that is not a valid token', async () => {
    for (const authorization of ['Basic eDp5', 'Bearer', 'Bearer ', 'bearer', 'Token abc', 'Digest x', ' ', 'Basic', 'Bearer a b']) {
      for (const path of ['/api/articles', '/api/authors', '/api/site']) {
        const res = await cms.api.get(`${path}?status=draft`).set('Authorization', authorization);
        expect({ authorization, path, status: res.status }).toEqual({ authorization, path, status: 403 });
        expect(JSON.stringify(res.body)).not.toContain('Council weighs three harbour levy options');
      }
    }
    const draftId = await cms.idOf('api::article.article', 'draft-harbour-levy-options');
    const one = await cms.api.get(`/api/articles/${draftId}?status=draft`).set('Authorization', 'Basic eDp5');
    expect(one.status).toBe(403);
  });

  it('refuses drafts to a valid read-only token that is not the web app’s, and serves them to the web app’s', async () => {
    const { accessKey } = await cms.strapi.service('admin::api-token-content-api').create({
      name: 'a partner',
      type: 'read-only',
      lifespan: 7 * 24 * 3600_000,
    });
    const partner = await cms.api.get('/api/articles?status=draft').set('Authorization', `Bearer ${accessKey}`);
    expect(partner.status).toBe(403);
    expect(partner.body.error.message).toMatch(/preview/);
    const published = await cms.api.get('/api/articles?status=published').set('Authorization', `Bearer ${accessKey}`);
    expect(published.status).toBe(200);

    const web = fs.readFileSync(path.join(cms.tmp, 'web-api-token'), 'utf8').trim();
    const preview = await cms.api
      .get('/api/articles?status=draft&filters[slug][$eq]=draft-harbour-levy-options')
      .set('Authorization', `Bearer ${web}`);
    expect(preview.status).toBe(200);
    expect(preview.body.data[0].title).toBe('Council weighs three harbour levy options');
  });

  it('refuses a status other than published or draft with a 400', async () => {
    const res = await cms.api.get('/api/articles?status=modified');
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/status must be published or draft/);
  });
});

describe('CORS and security headers', () => {
  it('allows only configured origins, with credentials on the admin’s routes only', async () => {
    const evil = await cms.api.get('/api/articles').set('Origin', 'https://evil.example');
    expect(evil.headers['access-control-allow-origin']).toBeUndefined();
    expect(evil.headers['access-control-allow-credentials']).toBeUndefined();
    const evilAdmin = await cms.api.get('/admin/init').set('Origin', 'https://evil.example');
    expect(evilAdmin.headers['access-control-allow-origin']).toBeUndefined();
    const preflight = await cms.api
      .options('/admin/login')
      .set('Origin', 'https://evil.example')
      .set('Access-Control-Request-Method', 'POST');
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();

    const site = await cms.api.get('/api/articles').set('Origin', 'http://localhost:3000');
    expect(site.headers['access-control-allow-origin']).toBe('http://localhost:3000');
    expect(site.headers['access-control-allow-credentials']).toBeUndefined();
    const admin = await cms.api.get('/admin/init').set('Origin', 'http://localhost:1337');
    expect(admin.headers['access-control-allow-origin']).toBe('http://localhost:1337');
    expect(admin.headers['access-control-allow-credentials']).toBe('true');
  });

  it('sends nosniff, a Referrer-Policy and frame-ancestors and no X-Powered-By on every answer, errors included', async () => {
    for (const [path, status] of [
      ['/api/articles', 200],
      ['/api/articles?fields=', 400],
      ['/api/users', 403],
      ['/api/nope', 404],
      ['/_health', 204],
    ] as const) {
      const res = await cms.api.get(path);
      expect({ path, status: res.status }).toEqual({ path, status });
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['content-security-policy']).toContain("frame-ancestors 'self'");
      expect(res.headers['x-powered-by']).toBeUndefined();
      expect(res.headers['strict-transport-security']).toBeUndefined();
    }
    const tls = await cms.api.get('/api/articles').set('X-Forwarded-Proto', 'https');
    expect(tls.headers['strict-transport-security']).toMatch(/max-age=\d+/);
  });
});
