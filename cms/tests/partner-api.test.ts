import fs from 'fs';
import path from 'path';
import { ARTICLE } from '@newsroom/contract';
import { startCms, type TestCms } from './helpers/strapi';

// The public API as partners meet it: validators and 304s, private answers to tokens, partner tokens held to
// reading published content, fair limits per client address (from the trusted proxy's header) and per token.
let cms: TestCms;
beforeAll(async () => {
  cms = await startCms({
    env: {
      API_RATE_LIMIT: '5',
      API_TOKEN_RATE_LIMIT: '8',
      API_RATE_LIMIT_WINDOW: '60',
      // supertest connects from loopback: as the edge would, it names the client in X-Forwarded-For.
      TRUSTED_PROXIES: '127.0.0.1,::1',
      PARTNER_ORIGINS: 'https://partner.example',
    },
  });
});
afterAll(async () => {
  await cms?.stop();
});

// Each test is a client of its own, so the limits of one do not reach another.
let clients = 0;
const newClient = () => `203.0.113.${++clients}`;
const tokens = () => cms.strapi.service('admin::api-token-content-api');
const DAY = 24 * 3600_000;

async function partnerToken(name: string, lifespan = 30 * DAY) {
  const { accessKey, id } = await tokens().create({ name, type: 'read-only', lifespan });
  return { key: accessKey as string, id: id as number };
}

describe('HTTP caching of the public API', () => {
  it('sends a strong ETag and answers If-None-Match with a 304 without a body', async () => {
    const client = newClient();
    const first = await cms.api.get('/api/articles?pagination[pageSize]=2').set('X-Forwarded-For', client);
    expect(first.status).toBe(200);
    expect(first.headers.etag).toMatch(/^"[\w-]{27}"$/);
    const again = await cms.api
      .get('/api/articles?pagination[pageSize]=2')
      .set('X-Forwarded-For', client)
      .set('If-None-Match', first.headers.etag);
    expect(again.status).toBe(304);
    expect(again.text ?? '').toBe('');
    expect(again.headers.etag).toBe(first.headers.etag);
    // As fetch() sends it, in browsers and in Node, with a weak form and another tag in the list.
    const fromFetch = await cms.api
      .get('/api/articles?pagination[pageSize]=2')
      .set('X-Forwarded-For', client)
      .set('Cache-Control', 'no-cache')
      .set('If-None-Match', `"other", W/${first.headers.etag}`);
    expect(fromFetch.status).toBe(304);
  });

  it('changes the ETag when something in the answer is published, and only then', async () => {
    const client = newClient();
    const documentId = await cms.idOf(ARTICLE, 'rents-rise-fastest-in-westbank');
    const before = await cms.api.get(`/api/articles/${documentId}`).set('X-Forwarded-For', client);
    const articles = cms.strapi.documents(ARTICLE);
    await articles.update({ documentId, locale: 'en', data: { title: 'Rents rise fastest in Westbank, a draft' } });
    const afterDraft = await cms.api.get(`/api/articles/${documentId}`).set('X-Forwarded-For', client);
    expect(afterDraft.headers.etag).toBe(before.headers.etag);
    await articles.publish({ documentId, locale: 'en' });
    const afterPublish = await cms.api
      .get(`/api/articles/${documentId}`)
      .set('X-Forwarded-For', client)
      .set('If-None-Match', before.headers.etag);
    expect(afterPublish.status).toBe(200);
    expect(afterPublish.body.data.title).toBe('Rents rise fastest in Westbank, a draft');
    expect(afterPublish.headers.etag).not.toBe(before.headers.etag);
  });

  it('marks answers to a token private, revalidated with the same validator', async () => {
    const { key } = await partnerToken('caching partner');
    const res = await cms.api.get('/api/authors').set('Authorization', `Bearer ${key}`);
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('private, no-cache');
    expect(res.headers['xkey']).toBeUndefined();
    const again = await cms.api.get('/api/authors').set('Authorization', `Bearer ${key}`).set('If-None-Match', res.headers.etag);
    expect(again.status).toBe(304);
  });

  it('never marks an error cacheable nor gives it a validator', async () => {
    const res = await cms.api.get('/api/articles?filters[$and]=1').set('X-Forwarded-For', newClient());
    expect(res.status).toBe(400);
    expect(res.headers.etag).toBeUndefined();
    expect(res.headers['cache-control'] ?? '').not.toMatch(/public/);
  });
});

describe('following changes', () => {
  it('answers what was published since a partner’s last sync, oldest first, and nothing else', async () => {
    const client = newClient();
    const since = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 20));
    const documentId = await cms.idOf(ARTICLE, 'night-market-returns-to-quayside');
    const articles = cms.strapi.documents(ARTICLE);
    await articles.update({ documentId, locale: 'en', data: { standfirst: 'Back every Friday, from six.' } });
    await articles.publish({ documentId, locale: 'en' });
    const changed = await cms.api
      .get(`/api/articles?filters[updatedAt][$gt]=${since}&sort=updatedAt:asc&fields[0]=slug&fields[1]=standfirst`)
      .set('X-Forwarded-For', client);
    expect(changed.status).toBe(200);
    expect(changed.body.data.map((article: { slug: string }) => article.slug)).toEqual(['night-market-returns-to-quayside']);
    expect(changed.body.data[0].standfirst).toBe('Back every Friday, from six.');
    const later = await cms.api.get(`/api/articles?filters[updatedAt][$gt]=${new Date().toISOString()}`).set('X-Forwarded-For', client);
    expect(later.body.data).toEqual([]);
  });
});

describe('partner tokens', () => {
  it('read published content, and nothing else: no drafts, no writes, no types or routes the public cannot read', async () => {
    const { key } = await partnerToken('reading partner');
    const auth = { Authorization: `Bearer ${key}` };
    expect((await cms.api.get('/api/articles?filters[slug][$eq]=rents-rise-fastest-in-westbank').set(auth)).status).toBe(200);
    expect((await cms.api.get('/api/search?q=harbour').set(auth)).status).toBe(200);

    const draft = await cms.api.get('/api/articles?status=draft').set(auth);
    expect(draft.status).toBe(403);
    expect(JSON.stringify(draft.body)).not.toContain('Council weighs three harbour levy options');

    const write = await cms.api
      .post('/api/articles')
      .set(auth)
      .send({ data: { title: 'Partner wrote this' } });
    expect(write.status).toBe(405);
    expect(write.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(JSON.parse(write.text).detail).toMatch(/read-only/);
    for (const route of ['/api/trend-rules', '/api/users', '/api/users/me', '/api/machine-translation/articles/x']) {
      const res = await cms.api.get(route).set(auth);
      expect({ route, status: res.status }).toEqual({ route, status: 403 });
    }
  });

  it('stop working when they expire', async () => {
    const { key, id } = await partnerToken('expiring partner');
    expect((await cms.api.get('/api/site').set('Authorization', `Bearer ${key}`)).status).toBe(200);
    await cms.strapi.db.query('admin::api-token').update({ where: { id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const expired = await cms.api.get('/api/site').set('Authorization', `Bearer ${key}`);
    expect(expired.status).toBe(401);
    expect(expired.body.error.message).toMatch(/expired/i);
  });

  it('must expire and may not be full-access, as the admin is told when creating one', async () => {
    await expect(tokens().create({ name: 'forever partner', type: 'read-only', lifespan: null })).rejects.toThrow(/must expire/);
    await expect(tokens().create({ name: 'writing partner', type: 'full-access', lifespan: 7 * DAY })).rejects.toThrow(/read-only/);
    expect(await tokens().getByName('forever partner')).toBeFalsy();
    expect(await tokens().getByName('writing partner')).toBeFalsy();
  });

  it('are issued by holders of the Partnerships role, which may manage API tokens and nothing else', async () => {
    const role = await cms.strapi.db.query('admin::role').findOne({ where: { code: 'newsroom-partnerships' }, populate: ['permissions'] });
    const actions = (role.permissions as { action: string }[]).map((p) => p.action).sort();
    expect(actions).toEqual(['access', 'create', 'delete', 'read', 'regenerate', 'update'].map((action) => `admin::api-tokens.${action}`));

    // An editor given the role makes a partner's token in the admin; the role opens nothing else.
    const credentials = { email: 'partnerships@tidewater.test', password: 'Partner-Passw0rd!' };
    await cms.strapi
      .service('admin::user')
      .create({ ...credentials, firstname: 'Pat', lastname: 'Partners', isActive: true, roles: [role.id] });
    const login = await cms.api.post('/admin/login').send(credentials);
    expect(login.status).toBe(200);
    const admin = { Authorization: `Bearer ${login.body.data.token}` };
    const made = await cms.api
      .post('/admin/api-tokens')
      .set(admin)
      .send({ name: 'a partner site', description: 'made by the partnerships desk', type: 'read-only', lifespan: 30 * DAY });
    expect(made.status).toBe(201);
    expect(made.body.data.accessKey).toEqual(expect.any(String));
    const forever = await cms.api.post('/admin/api-tokens').set(admin).send({ name: 'forever', type: 'read-only', lifespan: null });
    expect(forever.status).toBe(400);
    expect(forever.body.error.message).toMatch(/must expire/);
    expect((await cms.api.get('/content-manager/collection-types/api::article.article').set(admin)).status).toBe(403);
  });
});

describe('fair limits', () => {
  it('counts each client address, says where it stands on every answer, and answers 429 with problem+json past the limit', async () => {
    const client = newClient();
    const answers = [];
    for (let i = 0; i < 6; i++) answers.push(await cms.api.get('/api/site').set('X-Forwarded-For', `198.51.100.9, ${client}`));
    expect(answers.slice(0, 5).map((res) => res.status)).toEqual([200, 200, 200, 200, 200]);
    expect(answers[0].headers['ratelimit-policy']).toBe('"address";q=5;w=60');
    expect(answers.map((res) => res.headers.ratelimit?.replace(/t=\d+/, 't=*'))).toEqual([
      '"address";r=4;t=*',
      '"address";r=3;t=*',
      '"address";r=2;t=*',
      '"address";r=1;t=*',
      '"address";r=0;t=*',
      '"address";r=0;t=*',
    ]);
    const refused = answers[5];
    expect(refused.status).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.headers['cache-control']).toBe('no-store');
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(JSON.parse(refused.text)).toMatchObject({ status: 429, title: 'Too Many Requests' });

    // Another client is not affected.
    expect((await cms.api.get('/api/site').set('X-Forwarded-For', newClient())).status).toBe(200);
  });

  it('believes X-Forwarded-For only from a trusted proxy', async () => {
    const { clientAddress } = require('../dist/src/public-api/api-client') as typeof import('../src/public-api/api-client');
    const request = (peer: string, forwarded?: string) =>
      ({ req: { socket: { remoteAddress: peer } }, get: (name: string) => (name === 'x-forwarded-for' ? (forwarded ?? '') : '') }) as never;
    const trusted = new Set(['10.0.0.2']);
    expect(clientAddress(request('192.0.2.50', '203.0.113.1'), trusted)).toBe('192.0.2.50');
    expect(clientAddress(request('10.0.0.2', '203.0.113.1, 192.0.2.50'), trusted)).toBe('192.0.2.50');
    expect(clientAddress(request('::ffff:10.0.0.2', '192.0.2.50, 10.0.0.2'), trusted)).toBe('192.0.2.50');
    expect(clientAddress(request('10.0.0.2'), trusted)).toBe('10.0.0.2');
  });

  it('counts each partner token apart from its address, and never limits the web app’s token', async () => {
    const { key } = await partnerToken('busy partner');
    const client = newClient();
    const answers = [];
    for (let i = 0; i < 9; i++) {
      answers.push(await cms.api.get('/api/site').set('X-Forwarded-For', client).set('Authorization', `Bearer ${key}`));
    }
    expect(answers.map((res) => res.status)).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 429]);
    expect(answers[0].headers['ratelimit-policy']).toBe('"token";q=8;w=60');

    const web = fs.readFileSync(path.join(cms.tmp, 'web-api-token'), 'utf8').trim();
    for (let i = 0; i < 12; i++) {
      const res = await cms.api.get('/api/site').set('X-Forwarded-For', client).set('Authorization', `Bearer ${web}`);
      expect(res.status).toBe(200);
      expect(res.headers.ratelimit).toBeUndefined();
    }
  });
});

describe('CORS for partners’ sites', () => {
  it('lets a configured partner origin read the public API without credentials, and refuses another', async () => {
    const partner = await cms.api.get('/api/site').set('Origin', 'https://partner.example').set('X-Forwarded-For', newClient());
    expect(partner.headers['access-control-allow-origin']).toBe('https://partner.example');
    expect(partner.headers['access-control-allow-credentials']).toBeUndefined();
    expect(partner.headers['access-control-expose-headers']).toMatch(/ETag/);
    expect(partner.headers['access-control-expose-headers']).toMatch(/RateLimit-Policy/);

    const preflight = await cms.api
      .options('/api/articles')
      .set('Origin', 'https://partner.example')
      .set('Access-Control-Request-Method', 'GET')
      .set('Access-Control-Request-Headers', 'authorization,if-none-match');
    expect(preflight.status).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe('https://partner.example');
    expect(preflight.headers['access-control-allow-headers']).toMatch(/Authorization/);

    const other = await cms.api.get('/api/site').set('Origin', 'https://other.example').set('X-Forwarded-For', newClient());
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
    // A partner's origin is not the admin's.
    const admin = await cms.api.get('/admin/init').set('Origin', 'https://partner.example');
    expect(admin.headers['access-control-allow-origin']).toBeUndefined();
  });
});
