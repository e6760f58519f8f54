const { createSystem } = require('./helpers/system');
const { adminSession, waitFor } = require('./helpers/http');

// Search and Search Trends through the web app, against the real seeded CMS (no browser: what works
// without JavaScript, and the endpoints the browser uses).
const ADMIN = { email: 'e2e-search@tidewater.test', password: 'E2e-Passw0rd!' };
const system = createSystem({
  cmsPort: 1393,
  webPort: 3093,
  env: { ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password, TRENDS_MIN_SEARCHES: '3', TRENDS_CACHE_SECONDS: '1' },
});
system.duringTests();

const get = async (path) => {
  const res = await fetch(`${system.web}${path}`);
  return { status: res.status, html: await res.text() };
};
const record = (term, reader, locale = 'en') =>
  fetch(`${system.web}/api/search-trends`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'User-Agent': `e2e reader ${reader}` },
    body: JSON.stringify({ term, locale }),
  });
const trends = async (locale = 'en') =>
  (await (await fetch(`${system.web}/api/search-trends?locale=${locale}`)).json()).data.map((t) => t.term);

describe('the search page without JavaScript', () => {
  it('renders ranked, highlighted results for a shared link', async () => {
    const { status, html } = await get('/search?q=night+ferry');
    expect(status).toBe(200);
    expect(html).toMatch(/results for “night ferry”/);
    expect(html).toContain('<mark>night</mark>');
    // The two seeded articles with both words in their titles come first.
    const results = [...html.matchAll(/<h2 class="result__title"><a href="\/articles\/([^"]+)"/g)].map((m) => m[1]);
    expect(results.slice(0, 2).sort()).toEqual(['council-approves-night-ferry-trial', 'opinion-the-ferry-trial-should-be-permanent']);
    expect(html).toContain('<meta name="robots" content="noindex, follow"/>');
  });

  it('finds Chinese text by two characters on the Chinese site', async () => {
    const { html } = await get(`/zh/search?q=${encodeURIComponent('渡轮')}`);
    expect(html).toContain('href="/zh/articles/council-approves-night-ferry-trial"');
    expect(html).toContain('<mark>渡轮</mark>');
  });

  it('answers junk and search syntax with a message, never an error page', async () => {
    for (const q of ['***', '"', 'NEAR(', 'a'.repeat(300)]) {
      const { status, html } = await get(`/search?q=${encodeURIComponent(q)}`);
      expect({ q, status }).toEqual({ q, status: 200 });
      expect(html).toContain('role="status"');
    }
    expect((await get('/search?q=zzqxv')).html).toContain('No articles match “zzqxv”.');
  });

  it('has a search field in the header of every page', async () => {
    for (const path of ['/', '/articles/council-approves-night-ferry-trial', '/sections/city', '/zh']) {
      const { html } = await get(path);
      expect(html).toMatch(/<form role="search" class="site-search" action="(\/zh)?\/search" method="get">/);
    }
  });
});

describe('the endpoints the browser uses', () => {
  it('serves result pages as JSON and refuses bad input with a 400', async () => {
    const res = await fetch(`${system.web}/api/search?q=ferry&locale=en&page=1`);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.meta.pagination.total).toBeGreaterThan(1);
    expect(body.data[0].highlights.title.some((s) => s.hit)).toBe(true);
    for (const query of ['q=&locale=en', 'q=ferry&locale=xx', 'q=ferry&page=0', 'q=ferry&page=999', 'q=%2A%2A%2A']) {
      const bad = await fetch(`${system.web}/api/search?${query}`);
      expect({ query, status: bad.status }).toEqual({ query, status: 400 });
      expect((await bad.json()).error).toEqual(expect.any(String));
    }
  });

  it('counts searches towards Search Trends, each reader once, and shows the term once enough readers searched it', async () => {
    expect((await record('Harbour Levy', 'one')).status).toBe(204);
    expect((await record('harbour levy', 'one')).status).toBe(204); // accepted, but not counted twice
    expect((await record('', 'one')).status).toBe(400);
    await record('harbour  levy', 'two');
    expect(await trends()).not.toContain('harbour levy');
    await record('HARBOUR LEVY', 'three');
    await waitFor(async () => (await trends()).includes('harbour levy'), { timeoutMs: 45_000, intervalMs: 250 });

    const { html } = await get('/articles/council-approves-night-ferry-trial');
    expect(html).toContain('Search Trends</h2>');
  });

  it('applies the terms editors pin and block: to the API at once, to rendered pages through the webhook', async () => {
    for (const reader of ['a', 'b', 'c']) await record('tidal barrier', reader);
    const editor = await adminSession(system.cms, ADMIN);
    const rule = (term, kind) =>
      editor.request('/content-manager/collection-types/api::trend-rule.trend-rule?locale=en', 'POST', { term, rule: kind });

    expect((await rule('Polling stations', 'pin')).status).toBe(201);
    const pinned = await trends();
    expect(pinned[0]).toBe('polling stations');
    expect(pinned).toContain('tidal barrier');
    const path = '/articles/estuary-marsh-restoration-finds-first-terns';
    await waitFor(
      async () => {
        const { html } = await get(path);
        return html.includes('>polling stations</a>') && html.includes('>tidal barrier</a>');
      },
      { timeoutMs: 45_000, intervalMs: 250 },
    );

    expect((await rule('Tidal Barrier', 'block')).status).toBe(201);
    expect(await trends()).not.toContain('tidal barrier');
    await waitFor(async () => !(await get(path)).html.includes('>tidal barrier</a>'));
  });
});
