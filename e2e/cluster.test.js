const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const http2 = require('node:http2');
const zlib = require('node:zlib');
const { strapi: strapiClient } = require('@strapi/client');
const { createCluster } = require('./helpers/cluster');
const { adminSession, waitFor } = require('./helpers/http');
const { azureStandIn } = require('./helpers/translation-services');

// The production shape, on loopback: `npm run start:cluster` with the edge, two web nodes, two CMS nodes
// on PostgreSQL, uploads in S3, and a Redis of this file's own (so stopping it disturbs nothing else).
// Translations come from the Azure stand-in, which can be told to fail (an origin's 5xx).
const ADMIN = { email: 'e2e-cluster@tidewater.test', password: 'E2e-Passw0rd!' };
const ARTICLE_TYPE = '/content-manager/collection-types/api::article.article';
const REDIS_PORT = 6391;
// Generous, for a busy 2-core machine; how fast a publish goes live through the edge, bench:edge measures.
const LIVE_MS = 15_000;
const PARTNER_LIMIT = 30;
const DAY_MS = 24 * 3600_000;

/** A plain red PNG of the given size, made here (an editor's upload). */
function redPng(width, height) {
  const chunk = (type, data) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(Buffer.concat([Buffer.from(type), data])));
    return Buffer.concat([length, Buffer.from(type), data, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3, Buffer.from([200, 30, 30]))]);
  const pixels = zlib.deflateSync(Buffer.concat(Array.from({ length: height }, () => row)));
  return Buffer.concat([
    Buffer.from('89504e470d0a1a0a', 'hex'),
    chunk('IHDR', header),
    chunk('IDAT', pixels),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

let redis;
const startRedis = () => {
  redis = spawn('redis-server', ['--port', String(REDIS_PORT), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: 'ignore',
  });
};
const stopRedis = async () => {
  spawnSync('redis-cli', ['-p', String(REDIS_PORT), 'shutdown', 'nosave']);
  if (redis.exitCode === null) await new Promise((resolve) => redis.on('exit', resolve));
};
const redisAnswers = () =>
  spawnSync('redis-cli', ['-p', String(REDIS_PORT), 'ping'])
    .stdout?.toString()
    .includes('PONG');

const azure = azureStandIn({ key: 'e2e-cluster-key' });
let translator;
let cluster;
let running;
let editorA;
let editorB;

beforeAll(async () => {
  startRedis();
  await waitFor(async () => redisAnswers(), { timeoutMs: 10_000 });
  translator = await azure;
  cluster = createCluster({
    edgePort: 8280,
    edgeApiPort: 8281,
    edgeTlsPort: 8282,
    webPorts: [3281, 3282],
    cmsPorts: [1481, 1482],
    s3Port: 4581,
    redisUrl: `redis://127.0.0.1:${REDIS_PORT}`,
    env: {
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      TRANSLATION_PROVIDER: 'azure',
      AZURE_TRANSLATOR_URL: translator.url,
      AZURE_TRANSLATOR_KEY: 'e2e-cluster-key',
      // A partner token's limit, low enough to reach (the web app's token is never limited).
      API_TOKEN_RATE_LIMIT: String(PARTNER_LIMIT),
    },
  });
  running = cluster.start();
  await running.ready;
  editorA = await adminSession(cluster.cmsNodes[0], ADMIN);
  editorB = await adminSession(cluster.cmsNodes[1], ADMIN);
}, 420_000);
afterAll(async () => {
  await running?.stop();
  cluster?.cleanup();
  await translator?.close();
  if (redis?.exitCode === null) await stopRedis();
});

const get = async (base, path, headers = {}) => {
  const res = await fetch(`${base}${path}`, { redirect: 'manual', headers });
  return { status: res.status, body: await res.text(), headers: res.headers, cache: res.headers.get('x-cache') };
};
/** GET over HTTPS from the edge's TLS terminator, trusting the cluster's own certificate: the protocol agreed, status, headers, body. */
function getHttps(path) {
  return new Promise((resolve, reject) => {
    const session = http2.connect(cluster.https, { ca: fs.readFileSync(cluster.certificate) });
    session.on('error', reject);
    const request = session.request({ ':path': path });
    let body = '';
    let headers = {};
    request.setEncoding('utf8');
    request.on('response', (received) => (headers = received));
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      resolve({ protocol: session.alpnProtocol, status: headers[':status'], headers, body, cache: headers['x-cache'] });
      session.close();
    });
    request.on('error', reject);
  });
}
const everywhere = () => [cluster.site, ...cluster.webNodes];
const documentIdOf = async (slug) =>
  (await (await fetch(`${cluster.cmsNodes[0]}/api/articles?filters[slug][$eq]=${slug}&fields[0]=slug`)).json()).data[0].documentId;
const lines = (from, match) =>
  running
    .output()
    .slice(from)
    .split('\n')
    .filter((line) => line.includes(match));

/** Waits until `path` shows `expected` (or answers `expected` when it is a status) through the edge and on both web nodes. */
async function seenEverywhere(path, expected) {
  let seen = [];
  const started = Date.now();
  await waitFor(
    async () => {
      seen = await Promise.all(everywhere().map((base) => get(base, path)));
      return seen.every((page) => (typeof expected === 'number' ? page.status === expected : page.body.includes(expected)));
    },
    { timeoutMs: LIVE_MS, intervalMs: 50, describe: () => seen.map((page, i) => `${everywhere()[i]}: ${page.status}`).join('\n') },
  );
  return Date.now() - started;
}

describe('the cluster', () => {
  it('serves a page rendered on one web node from the other and from the edge', async () => {
    const path = '/articles/container-volumes-slip-for-third-quarter';
    const first = await get(cluster.webNodes[0], path);
    expect(first.status).toBe(200);
    const other = await get(cluster.webNodes[1], path);
    expect(other.headers.get('x-nextjs-cache')).toBe('HIT');
    await get(cluster.site, path);
    const edge = await get(cluster.site, path);
    expect(edge.cache).toBe('HIT');
    expect(edge.body).toBe(first.body);
  });

  it('puts a publish on CMS node A or B through the edge and both web nodes, an unpublish as a 404 everywhere', async () => {
    const path = '/articles/rents-rise-fastest-in-westbank';
    const documentId = await documentIdOf('rents-rise-fastest-in-westbank');
    for (const base of everywhere()) await get(base, path);
    await get(cluster.site, '/sections/economy');
    expect((await get(cluster.site, path)).cache).toBe('HIT');

    for (const [editor, title] of [
      [editorA, 'Westbank rents climb 11 per cent'],
      [editorB, 'Westbank rents: the bridge effect'],
    ]) {
      expect((await editor.request(`${ARTICLE_TYPE}/${documentId}?locale=en`, 'PUT', { title })).status).toBe(200);
      expect((await editor.request(`${ARTICLE_TYPE}/${documentId}/actions/publish?locale=en`, 'POST', {})).status).toBe(200);
      console.log(`publish on ${editor === editorA ? 'A' : 'B'} live everywhere in ${await seenEverywhere(path, title)} ms`);
      await seenEverywhere('/sections/economy', title);
    }
    // The API's answers through its edge are purged too.
    const api = `/api/articles?filters[slug][$eq]=rents-rise-fastest-in-westbank&fields[0]=title`;
    await get(cluster.api, api);
    expect((await get(cluster.api, api)).cache).toBe('HIT');

    expect((await editorB.request(`${ARTICLE_TYPE}/${documentId}/actions/unpublish?locale=en`, 'POST', {})).status).toBe(200);
    await seenEverywhere(path, 404);
    await waitFor(async () => JSON.parse((await get(cluster.api, api)).body).data.length === 0, { timeoutMs: LIVE_MS });
  });

  it('serves readers over HTTPS with HTTP/2 and HSTS at the edge, and a publish reaches the HTTPS copy too', async () => {
    const path = '/articles/barrier-consultation-what-residents-said';
    await getHttps(path);
    const page = await getHttps(path);
    expect(page).toMatchObject({ protocol: 'h2', status: 200, cache: 'HIT' });
    expect(page.headers['strict-transport-security']).toMatch(/^max-age=31536000/);
    // Over plain HTTP a client cannot claim HTTPS to the origin (no HSTS on an answer it did not get over TLS).
    const spoofed = await get(cluster.site, path, { 'X-Forwarded-Proto': 'https' });
    expect(spoofed.status).toBe(200);
    expect(spoofed.headers.get('strict-transport-security')).toBeNull();

    const documentId = await documentIdOf('barrier-consultation-what-residents-said');
    const title = 'Barrier consultation: what 1,200 residents said';
    expect((await editorA.request(`${ARTICLE_TYPE}/${documentId}?locale=en`, 'PUT', { title })).status).toBe(200);
    expect((await editorA.request(`${ARTICLE_TYPE}/${documentId}/actions/publish?locale=en`, 'POST', {})).status).toBe(200);
    let seen;
    await waitFor(async () => (seen = await getHttps(path)).body.includes(title), {
      timeoutMs: LIVE_MS,
      describe: () => `${seen?.status} ${seen?.cache}`,
    });
  });

  it('purges nothing for a draft save', async () => {
    const path = '/articles/night-market-returns-to-quayside';
    const documentId = await documentIdOf('night-market-returns-to-quayside');
    // The earlier tests' second, settle-time expiries (REVALIDATE_SETTLE_MS, 1.5 s) are over first.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    await get(cluster.site, '/articles/corn-exchange-reopens-as-theatre');
    await get(cluster.site, path);
    expect((await get(cluster.site, path)).cache).toBe('HIT');
    const mark = running.output().length;
    const saved = await editorA.request(`${ARTICLE_TYPE}/${documentId}?locale=en`, 'PUT', { title: 'Night market: draft headline' });
    expect(saved.status).toBe(200);
    // A publish after it (by another author, in another section): once its purge is seen, the draft save's
    // would have been seen before.
    const other = await documentIdOf('corn-exchange-reopens-as-theatre');
    const retitled = { title: 'Corn Exchange reopens as a theatre' };
    expect((await editorA.request(`${ARTICLE_TYPE}/${other}?locale=en`, 'PUT', retitled)).status).toBe(200);
    expect((await editorA.request(`${ARTICLE_TYPE}/${other}/actions/publish?locale=en`, 'POST', {})).status).toBe(200);
    await waitFor(
      async () => lines(mark, '"msg":"edge purged"').some((line) => line.includes('/articles/corn-exchange-reopens-as-theatre')),
      {
        timeoutMs: LIVE_MS,
      },
    );
    expect(lines(mark, '"msg":"revalidated"').filter((line) => line.includes(documentId))).toEqual([]);
    expect(lines(mark, '"msg":"edge purged"').filter((line) => line.includes(path))).toEqual([]);
    const page = await get(cluster.site, path);
    expect(page.cache).toBe('HIT');
    expect(page.body).not.toContain('draft headline');
  });

  it('serves an image uploaded through CMS node B through the edge and from node A, on the page that uses it', async () => {
    const form = new FormData();
    const png = redPng(1200, 675);
    form.append('files', new Blob([png], { type: 'image/png' }), 'cluster-cover.png');
    const uploaded = await fetch(`${cluster.cmsNodes[1]}/upload`, {
      method: 'POST',
      headers: { Authorization: editorB.headers.Authorization },
      body: form,
    });
    expect(uploaded.status).toBe(201);
    const [file] = await uploaded.json();
    expect(file.url).toMatch(/^\/uploads\/cluster_cover_\w+\.png$/);

    // The stored file (Strapi re-encodes an upload), the same through node A and the edge.
    const fromA = await fetch(`${cluster.cmsNodes[0]}${file.url}`);
    expect(fromA.status).toBe(200);
    const stored = Buffer.from(await fromA.arrayBuffer());
    expect(stored.subarray(0, 8)).toEqual(png.subarray(0, 8));
    expect(stored.readUInt32BE(16)).toBe(file.width); // the PNG header's width
    const fromEdge = await fetch(`${cluster.site}${file.url}`);
    expect(fromEdge.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await fromEdge.arrayBuffer()).equals(stored)).toBe(true);

    const documentId = await documentIdOf('estuary-marsh-restoration-finds-first-terns');
    const cover = { image: file.id, alt: 'A test card in red', credit: 'E2E/Cluster', caption: 'Uploaded through node B' };
    expect((await editorA.request(`${ARTICLE_TYPE}/${documentId}?locale=en`, 'PUT', { cover })).status).toBe(200);
    expect((await editorA.request(`${ARTICLE_TYPE}/${documentId}/actions/publish?locale=en`, 'POST', {})).status).toBe(200);
    const path = '/articles/estuary-marsh-restoration-finds-first-terns';
    await seenEverywhere(path, encodeURIComponent(file.url));
    const { body } = await get(cluster.site, path);
    const src = /<img[^>]+alt="A test card in red"[^>]+src="([^"]+)"/.exec(body)?.[1]?.replace(/&amp;/g, '&');
    expect(src).toContain('/_next/image?url=');
    // In the most compact format the browser accepts, kept by the edge like any page.
    const accept = (formats) => ({ headers: { Accept: `${formats},image/*,*/*;q=0.8` } });
    const image = await fetch(`${cluster.site}${src}`, accept('image/avif,image/webp'));
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/avif');
    expect((await fetch(`${cluster.site}${src}`, accept('image/avif,image/webp'))).headers.get('x-cache')).toBe('HIT');
    expect((await fetch(`${cluster.site}${src}`, accept('image/webp'))).headers.get('content-type')).toBe('image/webp');
  });

  it('keeps an admin logged in on node A working on node B', async () => {
    const me = await fetch(`${cluster.cmsNodes[1]}/admin/users/me`, { headers: { Authorization: editorA.headers.Authorization } });
    expect(me.status).toBe(200);
    expect((await me.json()).data.email).toBe(ADMIN.email);
  });

  it('fires a scheduled publish once, though both CMS nodes run the schedule in the same minute', async () => {
    const slug = 'bus-depot-move-uphill-approved';
    const documentId = await documentIdOf(slug);
    expect((await editorA.request(`${ARTICLE_TYPE}/${documentId}/actions/unpublish?locale=en`, 'POST', {})).status).toBe(200);
    await seenEverywhere(`/articles/${slug}`, 404);
    const mark = running.output().length;
    const publishAt = new Date().toISOString();
    expect((await editorA.request(`${ARTICLE_TYPE}/${documentId}?locale=en`, 'PUT', { publishAt })).status).toBe(200);
    await waitFor(async () => (await get(cluster.site, `/articles/${slug}`)).status === 200, { timeoutMs: 90_000, intervalMs: 500 });
    // Both nodes ran the minute's schedule; one claimed the publish.
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    const published = lines(mark, `schedule: published ${documentId}`);
    expect(published).toHaveLength(1);
  });

  it('never keeps a preview, a draft-mode page, a 5xx or an answer that sets a cookie at the edge', async () => {
    const slug = 'harbourmaster-interview-forty-years-of-tides';
    const documentId = await documentIdOf(slug);
    expect(
      (await editorA.request(`${ARTICLE_TYPE}/${documentId}?locale=en`, 'PUT', { title: 'Harbourmaster: unpublished draft' })).status,
    ).toBe(200);
    const preview = await editorA.request(
      `/content-manager/preview/url/api::article.article?documentId=${documentId}&locale=en&status=draft`,
    );
    const previewUrl = new URL(preview.body.data.url);
    const previewPath = `${previewUrl.pathname}${previewUrl.search}`;

    for (let i = 0; i < 2; i++) {
      const entry = await get(cluster.site, previewPath);
      expect(entry.status).toBe(307);
      expect(entry.headers.get('set-cookie')).toContain('__prerender_bypass');
      expect(entry.cache).toBe('PASS');
    }
    const cookie = (await get(cluster.site, previewPath)).headers
      .getSetCookie()
      .map((line) => line.split(';')[0])
      .join('; ');
    for (let i = 0; i < 2; i++) {
      const draft = await get(cluster.site, `/articles/${slug}`, { Cookie: cookie });
      expect(draft.body).toContain('Harbourmaster: unpublished draft');
      expect(draft.cache).toBe('PASS');
    }
    expect((await get(cluster.site, `/articles/${slug}`)).body).not.toContain('unpublished draft');

    // The translator fails: the translation page is a 503 each time, then the translation once it recovers.
    const translation = `/articles/${slug}/translate/es`;
    translator.failNext(500, 100);
    for (let i = 0; i < 2; i++) {
      const failed = await get(cluster.site, translation);
      expect(failed.status).toBe(503);
      expect(failed.cache).not.toBe('HIT');
    }
    translator.reset();
    await waitFor(async () => (await get(cluster.site, translation)).status === 200, { timeoutMs: 60_000, intervalMs: 500 });
  });

  it('keeps readers served while a web node is killed under load, takes the node out and back in when it returns', async () => {
    const pages = ['/', '/articles/bus-depot-move-uphill-approved', '/sections/city', '/feed.xml'];
    for (const p of pages) await waitFor(async () => (await get(cluster.site, p)).cache === 'HIT', { timeoutMs: 10_000 });
    const health = () => spawnSync('varnishadm', ['-n', cluster.varnishDir, 'backend.list'], { encoding: 'utf8' }).stdout;
    const web1 = () =>
      health()
        .split('\n')
        .find((line) => /\bweb1\b/.test(line)) ?? '';

    // Readers through the edge: cached pages, and searches that every time reach a web node.
    let running = true;
    const seen = { requests: 0, failures: [] };
    const loops = Array.from({ length: 8 }, async (_, r) => {
      for (let i = 0; running; i++) {
        const p = i % 2 ? pages[(r + i) % pages.length] : `/search?q=tide+${r}-${i}`;
        const status = await fetch(`${cluster.site}${p}`)
          .then(async (res) => (await res.arrayBuffer(), res.status))
          .catch((error) => error.cause?.code ?? error.message);
        seen.requests++;
        if (status !== 200) seen.failures.push(`${p}: ${status}`);
      }
    });
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const port = new URL(cluster.webNodes[0]).port;
    const listener = spawnSync('ss', ['-Hltnp', `sport = :${port}`], { encoding: 'utf8' }).stdout;
    const pid = Number(/pid=(\d+)/.exec(listener)?.[1]);
    expect(pid).toBeGreaterThan(0);
    const mark = seen.requests;
    process.kill(pid, 'SIGKILL');
    await waitFor(async () => /sick/i.test(web1()), { timeoutMs: 10_000, intervalMs: 100, describe: web1 });
    // start:cluster restarts a node that dies, as a service manager would; the edge's probe lets it back in.
    await waitFor(async () => /healthy/i.test(web1()), { timeoutMs: 90_000, intervalMs: 250, describe: web1 });
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    running = false;
    await Promise.all(loops);
    console.log(
      `web node killed under load: ${seen.requests - mark} requests after the kill, ${seen.failures.length} failed (${seen.failures.slice(0, 3).join(', ')})`,
    );
    // At most the requests that were on that node when it died (one per reader); the edge tries the other node.
    expect(seen.failures.length).toBeLessThanOrEqual(8);
    expect((await get(cluster.webNodes[0], '/')).status).toBe(200);
  });

  it('keeps serving pages from every node while Redis is down; no page from before a publish made meanwhile survives its return', async () => {
    const path = '/articles/corn-exchange-reopens-as-theatre';
    const documentId = await documentIdOf('corn-exchange-reopens-as-theatre');
    for (const base of everywhere()) expect((await get(base, path)).status).toBe(200);
    await stopRedis();
    for (let i = 0; i < 3; i++) {
      for (const base of everywhere()) {
        const page = await get(base, path);
        expect(page.status).toBe(200);
        expect(page.body).toContain('Corn Exchange');
      }
      expect((await get(cluster.webNodes[i % 2], '/sections/culture')).status).toBe(200);
    }
    // Published while Redis is down (Redis keeps nothing on disk: it comes back empty).
    const meanwhile = 'Corn Exchange reopens while the cache is away';
    expect((await editorA.request(`${ARTICLE_TYPE}/${documentId}?locale=en`, 'PUT', { title: meanwhile })).status).toBe(200);
    expect((await editorA.request(`${ARTICLE_TYPE}/${documentId}/actions/publish?locale=en`, 'POST', {})).status).toBe(200);
    // Every node serves the page meanwhile (the one told of the publish, the new version; the other, its copy).
    for (const base of everywhere()) expect((await get(base, path)).status).toBe(200);

    const mark = running.output().length;
    startRedis();
    await waitFor(async () => lines(mark, '"msg":"redis back"').length >= 2, { timeoutMs: 30_000, intervalMs: 250 });
    await seenEverywhere(path, meanwhile);
    await seenEverywhere('/sections/culture', meanwhile);
    const title = 'Corn Exchange reopens with a sold-out first night';
    expect((await editorB.request(`${ARTICLE_TYPE}/${documentId}?locale=en`, 'PUT', { title })).status).toBe(200);
    expect((await editorB.request(`${ARTICLE_TYPE}/${documentId}/actions/publish?locale=en`, 'POST', {})).status).toBe(200);
    await seenEverywhere(path, title);
  });
});

describe('partners through the cluster', () => {
  let partnerKey;
  it('lets an editor make a partner token in the admin, which must expire', async () => {
    // As an editor with the Partnerships role would (Settings → API Tokens).
    const forever = await editorA.request('/admin/api-tokens', 'POST', { name: 'e2e forever', type: 'read-only', lifespan: null });
    expect(forever.status).toBe(400);
    expect(forever.body.error.message).toMatch(/must expire/);
    const made = await editorA.request('/admin/api-tokens', 'POST', {
      name: 'e2e partner',
      description: 'A partner site',
      type: 'read-only',
      lifespan: 7 * DAY_MS,
    });
    expect(made.status).toBe(201);
    expect(new Date(made.body.data.expiresAt).getTime()).toBeGreaterThan(Date.now() + 6 * DAY_MS);
    partnerKey = made.body.data.accessKey;
  });

  it('reads through @strapi/client as a partner would: list, filter by slug, populate authors, page through the archive', async () => {
    for (const client of [
      strapiClient({ baseURL: `${cluster.api}/api` }),
      strapiClient({ baseURL: `${cluster.api}/api`, auth: partnerKey }),
    ]) {
      const articles = client.collection('articles');
      const one = await articles.find({
        filters: { slug: { $eq: 'night-market-returns-to-quayside' } },
        populate: { authors: { fields: ['name', 'slug'] } },
      });
      expect(one.data).toHaveLength(1);
      expect(one.data[0].authors.length).toBeGreaterThan(0);
      expect(one.data[0].authors[0].name).toEqual(expect.any(String));

      const seen = new Set();
      for (let page = 1, pageCount = 1; page <= pageCount; page++) {
        const answer = await articles.find({ fields: ['slug'], sort: 'publishedAt:desc', pagination: { page, pageSize: 4 } });
        for (const article of answer.data) seen.add(article.documentId);
        pageCount = answer.meta.pagination.pageCount;
        expect(answer.meta.pagination.total).toBeGreaterThan(4);
      }
      const total = (await articles.find({ pagination: { pageSize: 1 } })).meta.pagination.total;
      expect(seen.size).toBe(total);
    }
  });

  it('keeps a repeated anonymous answer at the edge, revalidates it there, and counts it against nobody until a publish changes it', async () => {
    const path = '/api/articles?filters[slug][$eq]=night-market-returns-to-quayside&fields[0]=title&fields[1]=standfirst';
    const first = await get(cluster.api, path);
    const again = await get(cluster.api, path);
    expect(again.cache).toBe('HIT');
    expect(again.headers.get('etag')).toBe(first.headers.get('etag'));
    expect(again.headers.get('ratelimit')).toBeNull();
    expect(again.headers.get('ratelimit-policy')).toMatch(/^"address";q=\d+;w=60$/);
    const revalidated = await get(cluster.api, path, { 'If-None-Match': first.headers.get('etag') });
    expect(revalidated.status).toBe(304);

    const documentId = await documentIdOf('night-market-returns-to-quayside');
    const standfirst = 'Stalls return to the quayside every Friday, partners read it first.';
    expect((await editorB.request(`${ARTICLE_TYPE}/${documentId}?locale=en`, 'PUT', { standfirst })).status).toBe(200);
    expect((await editorB.request(`${ARTICLE_TYPE}/${documentId}/actions/publish?locale=en`, 'POST', {})).status).toBe(200);
    await waitFor(async () => (await get(cluster.api, path)).body.includes(standfirst), { timeoutMs: LIVE_MS });
    const changed = await get(cluster.api, path, { 'If-None-Match': first.headers.get('etag') });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(first.headers.get('etag'));
  });

  it('counts a partner token once across both CMS nodes, then answers 429 with Retry-After on either', async () => {
    const ask = (i) => get(cluster.cmsNodes[i % 2], '/api/site', { Authorization: `Bearer ${partnerKey}` });
    const used = [];
    for (let i = 0; (used.at(-1)?.status ?? 200) === 200 && i < PARTNER_LIMIT + 2; i++) used.push(await ask(i));
    // Earlier tests of this token used some of the window; the rest was counted on both nodes as one.
    const left = used.map((res) => Number(/r=(\d+)/.exec(res.headers.get('ratelimit'))?.[1]));
    expect(left.slice(0, -1)).toEqual(left.slice(0, -1).map((_, i) => left[0] - i));
    expect(used.length).toBeGreaterThan(2);
    const refused = used.at(-1);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect((await ask(used.length)).status).toBe(429);
    expect(refused.headers.get('ratelimit-policy')).toBe(`"token";q=${PARTNER_LIMIT};w=60`);

    // Operators see each request as a JSON line naming the token, never the token itself.
    const logged = lines(0, '"token":"e2e partner"').map((line) => JSON.parse(line.slice(line.indexOf('{'))));
    expect(logged).toEqual(expect.arrayContaining([expect.objectContaining({ method: 'GET', path: '/api/site', status: 429 })]));
    expect(running.output()).not.toContain(partnerKey);
  });
});
