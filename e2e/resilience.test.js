const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { startApp, until } = require('./helpers/apps');
const { clearWebCache } = require('./helpers/system');
const { adminSession, waitFor } = require('./helpers/http');

// When the web app is down while editors publish, it shows what they published as soon as it is back (the
// CMS's outbox keeps the refreshes until delivered). When the CMS goes down, readers keep getting every
// page already cached; an uncached page gets a friendly error page. CMS and web are started separately
// here so that one can be stopped alone.
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-resilience-'));
const ports = { cms: 1395, web: 3095 };
const web = `http://127.0.0.1:${ports.web}`;
const apps = {};
const ADMIN = { email: 'e2e-resilience@tidewater.test', password: 'E2e-Passw0rd!' };
const ARTICLE_TYPE = '/content-manager/collection-types/api::article.article';

beforeAll(async () => {
  fs.mkdirSync(path.join(tmp, 'public', 'uploads'), { recursive: true });
  await startCms();
  clearWebCache();
  await startWeb();
}, 300_000);
const cms = `http://127.0.0.1:${ports.cms}`;
const start = (workspace, env) => (apps[workspace] = startApp(workspace, env, path.join(tmp, `${workspace}.log`)));
async function startCms() {
  start('cms', {
    PORT: String(ports.cms),
    DATABASE_CLIENT: 'sqlite',
    DATABASE_FILENAME: path.join(tmp, 'data.db'),
    PUBLIC_DIR: path.join(tmp, 'public'),
    WEB_API_TOKEN_FILE: path.join(tmp, 'web-api-token'),
    WEB_URL: web,
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    // Retries of a delivery to a web app that is down come quickly here (production: 1 s doubling to a minute).
    WEBHOOK_RETRY_BASE_MS: '200',
    OUTBOX_MAX_BACKOFF_MS: '1000',
  });
  await until(`${cms}/_health`);
}
async function startWeb() {
  start('web', {
    PORT: String(ports.web),
    CMS_URL: cms,
    STRAPI_API_TOKEN_FILE: path.join(tmp, 'web-api-token'),
  });
  await until(web);
}
afterAll(async () => {
  await apps.web?.stop();
  await apps.cms?.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('with the web app down while editors publish', () => {
  it('shows every publish once it is back, within seconds and without a new publish', async () => {
    const slugs = ['council-approves-night-ferry-trial', 'rents-rise-fastest-in-westbank', 'night-market-returns-to-quayside'];
    const pages = [...slugs.map((slug) => `/articles/${slug}`), '/'];
    for (const p of pages) expect((await fetch(`${web}${p}`)).status).toBe(200); // cached

    await apps.web.stop();
    const editor = await adminSession(cms, ADMIN);
    const titles = [];
    for (const slug of slugs) {
      const [{ documentId }] = (await (await fetch(`${cms}/api/articles?filters[slug][$eq]=${slug}&fields[0]=slug`)).json()).data;
      const title = `While the site was down: ${slug.split('-').slice(0, 3).join(' ')}`;
      titles.push(title);
      expect((await editor.request(`${ARTICLE_TYPE}/${documentId}?locale=en`, 'PUT', { title })).status).toBe(200);
      expect((await editor.request(`${ARTICLE_TYPE}/${documentId}/actions/publish?locale=en`, 'POST', {})).status).toBe(200);
    }
    // The refreshes wait in the outbox (an article's page, its lists: one row per event).
    const status = async () => (await (await fetch(`${cms}/_status`)).json()).outbox;
    expect((await status()).pending).toBeGreaterThanOrEqual(3);

    const back = Date.now();
    await startWeb(); // its cache on disk still holds the pages as they were before
    let seen = [];
    await waitFor(
      async () => {
        // A connection the just-started server drops counts as "not yet".
        seen = await Promise.all(pages.map(async (p) => (await fetch(`${web}${p}`).catch(() => null))?.text() ?? ''));
        return titles.every((title, i) => seen[i].includes(title)) && titles.every((title) => seen[3].includes(title));
      },
      { timeoutMs: 20_000, intervalMs: 200, describe: () => 'the pages still show what was there before the publishes' },
    );
    console.log(`every publish on the site ${Date.now() - back} ms after the web app answered again`);
    await waitFor(async () => (await status()).pending === 0, { timeoutMs: 30_000 });
  });
});

describe('a CMS killed in the middle of a publish', () => {
  // Killed (SIGKILL: no shutdown of any kind) at several moments after the editor clicks Publish.
  it.each([10, 40, 70, 100, 130, 160])(
    'leaves the article published with all that goes with it, or the draft it was (killed after %i ms)',
    async (delayMs) => {
      const slug = 'harbourmaster-interview-forty-years-of-tides';
      const editor = await adminSession(cms, ADMIN);
      const [{ documentId }] = (await (await fetch(`${cms}/api/articles?filters[slug][$eq]=${slug}&fields[0]=slug`)).json()).data;
      const title = `Forty years of tides, told at ${delayMs} ms`;
      expect((await editor.request(`${ARTICLE_TYPE}/${documentId}?locale=en`, 'PUT', { title })).status).toBe(200);

      const publishing = editor.request(`${ARTICLE_TYPE}/${documentId}/actions/publish?locale=en`, 'POST', {}).catch(() => null);
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      const killed = apps.cms.kill();
      const answer = await publishing;
      await killed;
      await startCms();

      const again = await adminSession(cms, ADMIN);
      const draft = await again.request(`${ARTICLE_TYPE}/${documentId}?locale=en&status=draft`);
      expect(draft.body.data.title).toBe(title); // the editor's text is never lost
      const published = (
        await (await fetch(`${cms}/api/articles?filters[slug][$eq]=${slug}&fields[0]=title&fields[1]=firstPublishedAt`)).json()
      ).data[0];
      const live = published.title === title;
      expect({ answered: answer?.status, undone: answer?.status === 200 && !live }).toMatchObject({ undone: false }); // a publish the editor saw succeed stays
      console.log(`killed ${delayMs} ms into the publish: ${live ? 'published' : 'still the draft'} (answer ${answer?.status ?? 'none'})`);
      expect(published.firstPublishedAt).toBeTruthy();
      // Whichever it is, the site, the search index and the API agree on it within seconds.
      await waitFor(
        async () => {
          const page = await (await fetch(`${web}/articles/${slug}`)).text();
          const found = (await (await fetch(`${cms}/api/search?q=${encodeURIComponent(title)}&locale=en`)).json()).data ?? [];
          return page.includes(title) === live && found.some((hit) => hit.slug === slug) === live;
        },
        {
          timeoutMs: 20_000,
          intervalMs: 250,
          describe: () => `the site or the search index does not show the ${live ? 'published' : 'earlier'} title`,
        },
      );
      // Publishing again works either way (and leaves the article published for the next round).
      expect((await again.request(`${ARTICLE_TYPE}/${documentId}/actions/publish?locale=en`, 'POST', {})).status).toBe(200);
    },
    120_000,
  );
});

describe('with the CMS down', () => {
  it('keeps serving cached pages and answers an uncached one with a friendly 503 page', async () => {
    // The earlier tests' refreshes are delivered (one a killed CMS had claimed waits out its 30 s claim), and
    // their second expiry (REVALIDATE_SETTLE_MS) is over.
    await waitFor(async () => (await (await fetch(`${cms}/_status`)).json()).outbox.pending === 0, { timeoutMs: 45_000 });
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const cached = ['/articles/bus-depot-move-uphill-approved', '/sections/culture', '/feed.xml'];
    for (const p of cached) expect((await fetch(`${web}${p}`)).status).toBe(200);

    await apps.cms.stop();

    for (const p of cached) {
      const res = await fetch(`${web}${p}`);
      expect({ p, status: res.status }).toEqual({ p, status: 200 });
    }
    expect(await (await fetch(`${web}/articles/bus-depot-move-uphill-approved`)).text()).toContain('Bus depot to move uphill');

    // The web app notices the outage within seconds; a page it never cached then gets a friendly 503.
    let uncached;
    await waitFor(
      async () => {
        uncached = await fetch(`${web}/authors/priya-raman`);
        return uncached.status === 503;
      },
      { timeoutMs: 30_000, intervalMs: 250, describe: () => `the uncached page answered ${uncached?.status}` },
    );
    expect(uncached.headers.get('retry-after')).toBe('60');
    expect(await uncached.text()).toContain('This page is temporarily unavailable');
    expect((await fetch(`${web}/articles/bus-depot-move-uphill-approved`)).status).toBe(200);
  });
});
