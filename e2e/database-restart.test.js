const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { startApp, until } = require('./helpers/apps');
const { createPostgresInstance } = require('./helpers/postgres-instance');
const { clearWebCache } = require('./helpers/system');
const { adminSession, waitFor } = require('./helpers/http');

// PostgreSQL crashes and comes back while readers read and an editor publishes: readers keep getting the
// cached pages, the publish either goes through or is refused with a clear 503 and goes through when
// retried, the editor's draft is intact, and the CMS reconnects by itself. The database is a server of the
// test's own, so crashing it disturbs nothing else.
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-db-restart-'));
const postgres = createPostgresInstance({ port: 5499 });
const ports = { cms: 1398, web: 3098 };
const cms = `http://127.0.0.1:${ports.cms}`;
const web = `http://127.0.0.1:${ports.web}`;
const ADMIN = { email: 'e2e-db-restart@tidewater.test', password: 'E2e-Passw0rd!' };
const ARTICLE_TYPE = '/content-manager/collection-types/api::article.article';
const apps = {};

beforeAll(async () => {
  postgres.init();
  postgres.createDatabase('newsroom');
  fs.mkdirSync(path.join(tmp, 'public', 'uploads'), { recursive: true });
  const tokenFile = path.join(tmp, 'web-api-token');
  apps.cms = startApp(
    'cms',
    {
      PORT: String(ports.cms),
      DATABASE_CLIENT: 'postgres',
      DATABASE_URL: postgres.url('newsroom'),
      PUBLIC_DIR: path.join(tmp, 'public'),
      WEB_API_TOKEN_FILE: tokenFile,
      WEB_URL: web,
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      WEBHOOK_RETRY_BASE_MS: '200',
      OUTBOX_MAX_BACKOFF_MS: '1000',
    },
    path.join(tmp, 'cms.log'),
  );
  await until(`${cms}/_health`, { timeoutMs: 240_000 });
  clearWebCache();
  apps.web = startApp('web', { PORT: String(ports.web), CMS_URL: cms, STRAPI_API_TOKEN_FILE: tokenFile }, path.join(tmp, 'web.log'));
  await until(`${web}/robots.txt`);
}, 300_000);

afterAll(async () => {
  await apps.web?.stop();
  await apps.cms?.stop();
  postgres.cleanup();
  if (!process.env.KEEP) fs.rmSync(tmp, { recursive: true, force: true });
}, 60_000);

/** Readers fetching `pages` one after another until stopped: how many answers, and every one that was not a 200. */
function readers(count, pages) {
  let running = true;
  const seen = { requests: 0, failures: [] };
  const loops = Array.from({ length: count }, async (_, r) => {
    for (let i = r; running; i++) {
      const p = pages[i % pages.length];
      const status = await fetch(`${web}${p}`)
        .then(async (res) => (await res.arrayBuffer(), res.status))
        .catch((error) => error.cause?.code ?? error.message);
      seen.requests++;
      if (status !== 200) seen.failures.push(`${p}: ${status}`);
    }
  });
  return {
    async stop() {
      running = false;
      await Promise.all(loops);
      return seen;
    },
  };
}

it('keeps readers served, refuses or completes the publish in flight, and reconnects by itself', async () => {
  const pages = [
    '/',
    '/articles/bus-depot-move-uphill-approved',
    '/articles/council-approves-night-ferry-trial',
    '/sections/city',
    '/feed.xml',
  ];
  for (const p of pages)
    await waitFor(async () => (await fetch(`${web}${p}`)).headers.get('x-nextjs-cache') === 'HIT', { timeoutMs: 20_000 });
  const slug = 'harbourmaster-interview-forty-years-of-tides';
  const [{ documentId }] = (await (await fetch(`${cms}/api/articles?filters[slug][$eq]=${slug}&fields[0]=slug`)).json()).data;
  const editor = await adminSession(cms, ADMIN);
  const title = 'Forty years of tides, published through a database crash';
  expect((await editor.request(`${ARTICLE_TYPE}/${documentId}?locale=en`, 'PUT', { title })).status).toBe(200);

  const reading = readers(4, pages);
  let seen;
  let downFor;
  let reconnectedIn;
  try {
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    // The crash (no checkpoint, every connection cut) lands while the publish is on its way.
    const publishing = editor.request(`${ARTICLE_TYPE}/${documentId}/actions/publish?locale=en`, 'POST', {});
    await new Promise((resolve) => setTimeout(resolve, 15));
    postgres.stop('immediate');
    const downAt = Date.now();
    const answer = await publishing;
    expect([200, 503]).toContain(answer.status);
    console.log(`the publish in flight when PostgreSQL crashed answered ${answer.status}`);

    // While it is down: a clear, uncached 503 from the API (anonymous or not) and the status endpoint, never a 500 or a 401.
    const api = await fetch(`${cms}/api/articles?fields[0]=title`);
    expect(api.status).toBe(503);
    expect(api.headers.get('retry-after')).toBe('5');
    expect(api.headers.get('cache-control')).toBe('no-store');
    expect((await api.json()).error.message).toMatch(/database is not answering/);
    const publishWhileDown = await editor.request(`${ARTICLE_TYPE}/${documentId}/actions/publish?locale=en`, 'POST', {});
    expect(publishWhileDown.status).toBe(503);
    expect(publishWhileDown.body.error.message).toMatch(/Try again in a few seconds/);
    expect((await fetch(`${cms}/_status`)).status).toBe(503);

    await new Promise((resolve) => setTimeout(resolve, 3_000));
    postgres.start();
    downFor = Date.now() - downAt;
    reconnectedIn = await waitFor(async () => (await fetch(`${cms}/_status`)).status === 200, { timeoutMs: 30_000, intervalMs: 100 });
  } finally {
    seen = await reading.stop();
  }
  console.log(
    `PostgreSQL down ${downFor} ms; the CMS answered again ${reconnectedIn} ms after it was back; readers: ${seen.requests} requests, ${seen.failures.length} failures`,
  );
  expect(seen.failures).toEqual([]);
  expect(seen.requests).toBeGreaterThan(20);

  // Nothing the editor saved is lost, and the publish goes through when retried.
  const draft = await editor.request(`${ARTICLE_TYPE}/${documentId}?locale=en&status=draft`);
  expect(draft.body.data.title).toBe(title);
  expect((await editor.request(`${ARTICLE_TYPE}/${documentId}/actions/publish?locale=en`, 'POST', {})).status).toBe(200);
  await waitFor(async () => (await (await fetch(`${web}/articles/${slug}`)).text()).includes(title), {
    timeoutMs: 20_000,
    intervalMs: 200,
  });
  expect((await fetch(`${cms}/api/articles?fields[0]=title`)).status).toBe(200);
}, 180_000);
