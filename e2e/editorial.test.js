const { createSystem } = require('./helpers/system');
const { adminSession, waitFor } = require('./helpers/http');

// The editor's workflow through the admin API, seen on the real web site: renames, corrections, updates.
const ADMIN = { email: 'e2e-desk@tidewater.test', password: 'E2e-Passw0rd!' };
const system = createSystem({
  cmsPort: 1394,
  webPort: 3094,
  env: { ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password, SLUG_REDIRECTS_REFRESH_MS: '500', REVALIDATE_SETTLE_MS: '3000' },
});
const ARTICLE = 'api::article.article';
let session;
const running = system.duringTests({ ready: async () => (session = await adminSession(system.cms, ADMIN)) });
// The Content Manager's API for articles, as the editor.
const admin = (path, method, body) => session.request(`/content-manager/collection-types/${ARTICLE}${path}`, method, body);

const get = async (path) => {
  const res = await fetch(`${system.web}${path}`, { redirect: 'manual' });
  return { status: res.status, location: res.headers.get('location'), html: await res.text() };
};
const documentIdOf = async (slug) =>
  (await (await fetch(`${system.cms}/api/articles?filters[slug][$eq]=${slug}&fields[0]=slug`)).json()).data[0].documentId;
const edit = async (documentId, data) => {
  expect((await admin(`/${documentId}?locale=en`, 'PUT', data)).status).toBe(200);
  const published = await admin(`/${documentId}/actions/publish?locale=en`, 'POST', {});
  expect(published.status).toBe(200);
};
const dateModified = (html) => /"dateModified":"([^"]+)"/.exec(html)?.[1];

describe("the editor's workflow on the site", () => {
  it('redirects every former address of a renamed article with a 308, chains included', async () => {
    const first = 'container-volumes-slip-for-third-quarter';
    const documentId = await documentIdOf(first);
    expect((await get(`/articles/${first}`)).status).toBe(200); // cached under its first address

    await edit(documentId, { slug: 'container-volumes-slip-again' });
    await edit(documentId, { slug: 'container-volumes-third-quarter' });
    const target = '/articles/container-volumes-third-quarter';
    let last = {};
    const seen = () => `last answer: ${last.status} ${last.location}`;
    for (const former of [first, 'container-volumes-slip-again']) {
      // At once the page itself redirects; the proxy takes over once its table has reloaded (every half
      // second here), answering with a single Location before any page renders.
      const movedTo = (location) => location !== null && !location.includes(', ') && new URL(location, system.web).pathname === target;
      await waitFor(async () => movedTo((last = await get(`/articles/${former}`)).location), { timeoutMs: 40_000, describe: seen });
      expect(last.status).toBe(308);
      const followed = await fetch(`${system.web}/articles/${former}`);
      expect([followed.url, followed.status]).toEqual([`${system.web}${target}`, 200]);
    }
    expect((await get('/articles/container-volumes-third-quarter')).status).toBe(200);
    expect((await get('/articles/never-existed')).status).toBe(404);
  });

  it('shows a correction on the article, in its JSON-LD and in the corrections feed', async () => {
    const slug = 'corn-exchange-reopens-as-theatre';
    const documentId = await documentIdOf(slug);
    const text = 'An earlier version gave the theatre 300 seats; it has 400.';
    await edit(documentId, { corrections: [{ date: '2026-11-27T09:00:00.000Z', text }] });
    await waitFor(async () => (await get(`/articles/${slug}`)).html.includes(text));
    const { html } = await get(`/articles/${slug}`);
    expect(html).toContain('"@type":"CorrectionComment"');
    const feed = await get('/corrections.xml');
    expect(feed.status).toBe(200);
    expect(feed.html).toContain(text);
    expect(feed.html).toContain(`/articles/${slug}#corrections`);
  });

  it('moves the Updated time for an update, not for a silent fix', async () => {
    const slug = 'bus-depot-move-uphill-approved';
    const documentId = await documentIdOf(slug);
    const before = dateModified((await get(`/articles/${slug}`)).html);
    expect(before).toEqual(expect.any(String));

    await edit(documentId, { title: 'Bus depot to move uphill, away from the flood zone', markAsUpdate: false });
    await waitFor(async () => (await get(`/articles/${slug}`)).html.includes('away from the flood zone'));
    expect(dateModified((await get(`/articles/${slug}`)).html)).toBe(before);

    await edit(documentId, { title: 'Bus depot move approved; work starts in spring', markAsUpdate: true });
    await waitFor(async () => (await get(`/articles/${slug}`)).html.includes('work starts in spring'));
    expect(Date.parse(dateModified((await get(`/articles/${slug}`)).html))).toBeGreaterThan(Date.parse(before));
  });

  it('refreshes a published article once more after a short pause, so a render that raced the publish cannot stay cached', async () => {
    const slug = 'harbourmaster-interview-forty-years-of-tides';
    const cacheState = async () => (await fetch(`${system.web}/articles/${slug}`)).headers.get('x-nextjs-cache');
    const mark = running.output().length;
    await edit(await documentIdOf(slug), { standfirst: 'Forty years of tides, told by the harbourmaster (updated).' });
    await waitFor(async () => (await get(`/articles/${slug}`)).html.includes('(updated).'), { timeoutMs: 30_000 });
    // The web app makes the same tags stale once more after its settle pause (REVALIDATE_SETTLE_MS, 3 s
    // here) and says so. Nothing else touches this page now, so once the updated page has been served from
    // the cache (HIT), a fresh render (MISS) can only come from that second expiry. The pause may end while
    // the first HIT is still awaited on a loaded machine, so the states are watched in one loop.
    let sawHit = false;
    await waitFor(
      async () => {
        const state = await cacheState();
        if (state === 'HIT') sawHit = true;
        return sawHit && state === 'MISS';
      },
      { timeoutMs: 30_000, intervalMs: 50 },
    );
    const settled = () => running.output().slice(mark).includes('"msg":"settled"');
    await waitFor(async () => settled(), { timeoutMs: 10_000, intervalMs: 50 });
    expect((await get(`/articles/${slug}`)).html).toContain('(updated).');
  });

  it('refuses to publish an article that is not ready, with the reason, and changes nothing on the site', async () => {
    const slug = 'night-market-returns-to-quayside';
    const documentId = await documentIdOf(slug);
    expect((await admin(`/${documentId}?locale=en`, 'PUT', { standfirst: '' })).status).toBe(200);
    const refused = await admin(`/${documentId}/actions/publish?locale=en`, 'POST', {});
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toBe('This article cannot be published yet: the standfirst is missing.');
    expect((await get(`/articles/${slug}`)).status).toBe(200);
  });
});

describe('preview', () => {
  const draftSlug = 'draft-harbour-levy-options';
  let previewUrl;
  let cookie;

  beforeAll(async () => {
    const list = await admin('?page=1&pageSize=100&locale=en', 'GET');
    const draft = list.body.results.find((entry) => entry.slug === draftSlug);
    const preview = await session.request(`/content-manager/preview/url/${ARTICLE}?documentId=${draft.documentId}&locale=en&status=draft`);
    previewUrl = new URL(preview.body.data.url);
  });
  const asEditor = (path) => fetch(`${system.web}${path}`, { redirect: 'manual', headers: { cookie } });

  it("links the admin's Preview to the page on the web site, through the secret entry point", () => {
    expect(`${previewUrl.origin}${previewUrl.pathname}`).toBe('http://localhost:3094/api/preview');
    expect(previewUrl.searchParams.get('path')).toBe(`/articles/${draftSlug}`);
    expect(previewUrl.searchParams.get('secret')).toEqual(expect.any(String));
  });

  it('refuses a wrong secret and any target that is not a path of this site', async () => {
    const entry = (params) => fetch(`${system.web}/api/preview?${new URLSearchParams(params)}`, { redirect: 'manual' });
    const secret = previewUrl.searchParams.get('secret');
    expect((await entry({ secret: 'guess', path: '/' })).status).toBe(401);
    for (const path of ['//evil.example/x', 'https://evil.example/', '/\\evil.example', 'javascript:alert(1)']) {
      const res = await entry({ secret, path });
      expect({ path, status: res.status }).toEqual({ path, status: 400 });
      expect(res.headers.get('set-cookie')).toBeNull();
    }
  });

  it('shows the draft with a banner, uncached, and never to anyone without the cookie', async () => {
    expect((await get(`/articles/${draftSlug}`)).status).toBe(404);
    const enter = await fetch(`${system.web}${previewUrl.pathname}${previewUrl.search}`, { redirect: 'manual' });
    expect(enter.status).toBe(307);
    expect(enter.headers.get('location')).toBe(`/articles/${draftSlug}`);
    const setCookie = enter.headers.get('set-cookie');
    expect(setCookie).toMatch(/__prerender_bypass=[^;]+;.*HttpOnly/i);
    cookie = setCookie.split(';')[0];

    const draft = await asEditor(`/articles/${draftSlug}`);
    expect(draft.status).toBe(200);
    expect(draft.headers.get('cache-control')).toMatch(/no-store|private|no-cache/);
    const html = await draft.text();
    expect(html).toContain('Council weighs three harbour levy options');
    expect(html).toMatch(/class="preview-banner" role="status"><strong>Preview<\/strong>/);
    expect(html).toContain(`/api/preview/exit?path=%2Farticles%2F${draftSlug}`);
    expect((await get(`/articles/${draftSlug}`)).status).toBe(404); // still not public, not cached
  });

  it('shows unpublished changes only in preview, leaving the public page as it was', async () => {
    const slug = 'estuary-marsh-restoration-finds-first-terns';
    const documentId = await documentIdOf(slug);
    expect((await admin(`/${documentId}?locale=en`, 'PUT', { title: 'Terns return: a draft headline' })).status).toBe(200);
    expect(await (await asEditor(`/articles/${slug}`)).text()).toContain('Terns return: a draft headline');
    const published = await get(`/articles/${slug}`);
    expect(published.html).not.toContain('Terns return: a draft headline');
    expect(published.html).not.toContain('preview-banner');
  });

  it('lets an editor leave preview', async () => {
    const exit = await asEditor('/api/preview/exit?path=/articles/rents-rise-fastest-in-westbank');
    expect(exit.status).toBe(307);
    expect(exit.headers.get('location')).toBe('/articles/rents-rise-fastest-in-westbank');
    expect(exit.headers.get('set-cookie')).toMatch(/__prerender_bypass=;/);
  });

  it('may be framed by the CMS admin and by no other site', async () => {
    const res = await fetch(`${system.web}/articles/rents-rise-fastest-in-westbank`);
    expect(res.headers.get('content-security-policy')).toBe("frame-ancestors 'self' http://localhost:1394");
  });
});
