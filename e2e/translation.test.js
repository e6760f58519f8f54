const { createSystem } = require('./helpers/system');
const { adminSession, waitFor } = require('./helpers/http');
const { launchBrowser, inBrowser, wcagViolations } = require('./helpers/browser');
const { azureStandIn } = require('./helpers/translation-services');

// Languages and machine translation, end to end: readers on Apertium (which `npm start` starts when it is
// installed, as on this machine), and an editor's Chinese machine draft through Microsoft Translator
// (the Azure stand-in), from the admin's button to the published /zh page.
const ADMIN = { email: 'e2e-translation@tidewater.test', password: 'E2e-Passw0rd!' };
const ARTICLE = '/articles/council-approves-night-ferry-trial';
const ARTICLE_TYPE = '/content-manager/collection-types/api::article.article';

const text = (html) =>
  html
    .replace(/<script[\s\S]*?<\/script>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
const get = async (base, path, headers = {}) => {
  const res = await fetch(`${base}${path}`, { redirect: 'manual', headers });
  return { status: res.status, html: await res.text(), headers: res.headers };
};
const jsonLd = (html) => [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[1]));
const documentIdOf = async (cms, slug) =>
  (await (await fetch(`${cms}/api/articles?filters[slug][$eq]=${slug}&fields[0]=title`)).json()).data[0].documentId;

describe('a reader, with Apertium', () => {
  const system = createSystem({
    cmsPort: 1388,
    webPort: 3088,
    env: { ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password, TRANSLATION_PROVIDER: '', TRANSLATION_READER_PER_HOUR: '3' },
  });
  const page = (path, headers) => get(system.web, path, headers);
  let browser;
  const running = system.duringTests({
    ready: async () => (browser = await launchBrowser()),
    stopping: () => browser?.close(),
  });

  it('is offered Spanish and Catalan on an English article, as plain links, with who translates', async () => {
    expect(running.output()).toMatch(/Translation\s+apertium/);
    const { html } = await page(ARTICLE);
    const control = /<details class="translate">[\s\S]*?<\/details>/.exec(html)?.[0] ?? '';
    expect(control).toContain(`<a href="${ARTICLE}/translate/es" hrefLang="es" lang="es" rel="nofollow">Español</a>`);
    expect(control).toContain(`<a href="${ARTICLE}/translate/ca" hrefLang="ca" lang="ca" rel="nofollow">Català</a>`);
    expect(text(control)).toContain('Translations by Apertium');
    // Apertium has no pairs from Chinese: no control on the Chinese edition.
    expect((await page(`/zh${ARTICLE}`)).html).not.toContain('class="translate"');
  });

  it('gets the Spanish translation as a page of its own: the notice naming Apertium, noindex, canonical to the original', async () => {
    const { status, html, headers } = await page(`${ARTICLE}/translate/es`);
    expect(status).toBe(200);
    expect(headers.get('cache-control')).toMatch(/s-maxage=\d+/);
    expect(html).toMatch(/^<!DOCTYPE html><html lang="es">/);
    expect(html).toContain('<meta name="robots" content="noindex, follow"/>');
    expect(html).toMatch(new RegExp(`<link rel="canonical" href="[^"]*${ARTICLE}"/>`));
    const words = text(html);
    expect(words).toContain(
      'Traducción automática . Este texto ha sido traducido automáticamente por Apertium. The Tidewater Ledger no se hace responsable de la traducción. Leer el original',
    );
    expect(html).toContain(`<a href="${ARTICLE}" rel="alternate">Leer el original</a>`);
    // The headline and body in Spanish; names, the byline's links and credits as they were.
    expect(words).toMatch(/El consejo aprueba/);
    expect(words).toContain('Port Halden');
    expect(words).toContain('Ledger Photo Desk');
    expect(html).toContain('href="/authors/mara-okafor"');
    // Dates as Spanish writes them.
    expect(words).toMatch(/Actualizado \d{1,2} de [a-z]+ de \d{4}/);
    const article = jsonLd(html).find((data) => data['@type'] === 'NewsArticle');
    expect(article).toMatchObject({
      inLanguage: 'es',
      translator: { '@type': 'Organization', name: 'Apertium' },
      translationOfWork: { '@id': expect.stringMatching(new RegExp(`${ARTICLE}$`)), inLanguage: 'en' },
    });
    // The second visit is the cached page.
    expect((await page(`${ARTICLE}/translate/es`)).headers.get('x-nextjs-cache')).toBe('HIT');
  });

  it('is a 404 for a language not on offer, a malformed one, or an article that does not exist', async () => {
    for (const path of [
      `${ARTICLE}/translate/fr`,
      `${ARTICLE}/translate/%3Cb%3E`,
      '/articles/no-such-article/translate/es',
      `/zh${ARTICLE}/translate/es`,
    ]) {
      expect({ path, status: (await page(path)).status }).toEqual({ path, status: 404 });
    }
  });

  it('in a browser: picks Español, sees "Translating…" while it is made, then the translation; axe finds nothing', async () => {
    for (const viewport of ['phone', 'desktop']) {
      await inBrowser(browser, 'translation journey', viewport, async (reader) => {
        await reader.goto(`${system.web}/articles/corn-exchange-reopens-as-theatre`);
        await reader.getByText('Translate', { exact: true }).click();
        // A first click that goes nowhere, to see the state a slow first translation shows.
        await reader.evaluate(() => window.addEventListener('click', (event) => event.preventDefault(), { capture: true, once: true }));
        await reader.getByRole('link', { name: 'Español' }).click();
        await reader.getByRole('status').getByText('Translating…').waitFor();
        await reader.getByRole('link', { name: 'Español' }).click();
        await reader.waitForURL(/\/translate\/es$/);
        expect(await reader.getAttribute('html', 'lang')).toBe('es');
        expect(await reader.getByRole('complementary', { name: 'Traducción automática' }).innerText()).toContain('Apertium');
        expect(await reader.getByRole('heading', { level: 1 }).innerText()).toMatch(/Corn Exchange/);
        expect(await wcagViolations(reader)).toEqual([]);
        await reader.getByRole('link', { name: 'Leer el original' }).click();
        await reader.waitForURL(/\/articles\/corn-exchange-reopens-as-theatre$/);
        expect(await reader.getAttribute('html', 'lang')).toBe('en');
      });
    }
  });

  it('after an edit to the article, the next visit shows the new version translated', async () => {
    const editor = await adminSession(system.cms, ADMIN);
    const documentId = await documentIdOf(system.cms, 'council-approves-night-ferry-trial');
    const before = text((await page(`${ARTICLE}/translate/es`)).html);
    expect(before).not.toMatch(/cuatro meses/);
    const saved = await editor.request(`${ARTICLE_TYPE}/${documentId}?locale=en`, 'PUT', {
      title: 'Council approves four-month night ferry trial',
    });
    expect(saved.status).toBe(200);
    expect((await editor.request(`${ARTICLE_TYPE}/${documentId}/actions/publish?locale=en`, 'POST', {})).status).toBe(200);
    await waitFor(async () => /cuatro meses/.test(text((await page(`${ARTICLE}/translate/es`)).html)), {
      timeoutMs: 30_000,
      intervalMs: 200,
    });
  });

  it('makes a few new translations per reader an hour (429 with Retry-After), and always serves cached ones', async () => {
    const reader = { 'X-Forwarded-For': '203.0.113.77', 'User-Agent': 'e2e reader' };
    const fresh = [
      'rents-rise-fastest-in-westbank',
      'container-volumes-slip-for-third-quarter',
      'night-market-returns-to-quayside',
      'bus-depot-move-uphill-approved',
    ];
    const statuses = [];
    for (const slug of fresh) statuses.push((await page(`/articles/${slug}/translate/ca`, reader)).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const refused = await page('/articles/bus-depot-move-uphill-approved/translate/ca', reader);
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(refused.headers.get('cache-control')).toBe('no-store');
    expect(text(refused.html)).toContain('Llegiu l’original');
    // Pages already made cost nothing: this reader still gets them, and other readers get the new one.
    expect((await page('/articles/rents-rise-fastest-in-westbank/translate/ca', reader)).status).toBe(200);
    expect((await page('/articles/bus-depot-move-uphill-approved/translate/ca')).status).toBe(200);
  });
});

/**
 * Publishes in the edit view. The machine draft's editor's note is a draft of its own (to be reviewed too),
 * so Strapi asks first whether to publish without it.
 */
async function publish(admin) {
  await admin.getByRole('button', { name: 'Publish' }).click();
  const confirm = admin.getByRole('button', { name: 'Publish without relations' });
  if (
    await confirm.waitFor({ timeout: 3_000 }).then(
      () => true,
      () => false,
    )
  )
    await confirm.click();
}

describe('an editor, with Microsoft Translator (the Azure stand-in)', () => {
  const SLUG = 'harbourmaster-interview-forty-years-of-tides';
  const TITLE = '[zh-Hans] "THE RIVER ALWAYS WINS IN THE END": THE HARBOURMASTER ON FORTY YEARS OF TIDES';
  let azure;
  let system;
  let running;
  let browser;
  const page = (path) => get(system.web, path);

  beforeAll(async () => {
    azure = await azureStandIn({ key: 'e2e-azure-key' });
    system = createSystem({
      cmsPort: 1389,
      webPort: 3089,
      env: {
        ADMIN_EMAIL: ADMIN.email,
        ADMIN_PASSWORD: ADMIN.password,
        TRANSLATION_PROVIDER: 'azure',
        AZURE_TRANSLATOR_URL: azure.url,
        AZURE_TRANSLATOR_KEY: 'e2e-azure-key',
      },
    });
    running = system.start();
    await running.ready;
    browser = await launchBrowser();
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await running?.stop();
    system?.cleanup();
    await azure?.close();
  });

  it('makes a Chinese machine draft from the admin’s Translation panel, marks it reviewed and publishes it', async () => {
    const documentId = await documentIdOf(system.cms, SLUG);
    await inBrowser(browser, 'machine draft journey', 'desktop', async (admin) => {
      const adminUrl = `http://localhost:1389/admin`;
      await admin.goto(`${adminUrl}/auth/login`);
      await admin.getByLabel('Email').fill(ADMIN.email);
      await admin.getByLabel('Password').fill(ADMIN.password);
      await admin.getByRole('button', { name: 'Login' }).click();
      await admin.waitForURL(/\/admin\/?$/);
      await admin.goto(`${adminUrl}${ARTICLE_TYPE}/${documentId}?plugins[i18n][locale]=en`);
      await admin.getByText('An original, not a translation.').waitFor();
      await admin.getByRole('button', { name: 'Machine-translate into 中文 (zh)' }).click();
      await admin.waitForURL(/locale\]=zh/, { waitUntil: 'commit' });
      await admin.getByText('Machine translation by Microsoft Translator, not reviewed yet from en', { exact: false }).waitFor();
      expect(await admin.getByLabel('Headline*').inputValue()).toBe(TITLE);

      // Not reviewed yet: publishing is refused with the reason.
      await publish(admin);
      await admin.getByText(/machine translation nobody has reviewed/).waitFor();

      await admin.getByLabel('Translation origin').click();
      await admin.getByRole('option', { name: 'machine-reviewed' }).click();
      await admin.getByRole('button', { name: 'Save' }).click();
      await admin.getByText('Saved document').waitFor();
      await publish(admin);
      await admin.getByText('Published document').waitFor();
    });

    const zh = await waitFor(async () => (await page(`/zh/articles/${SLUG}`)).status === 200, { timeoutMs: 30_000, intervalMs: 200 }).then(
      () => page(`/zh/articles/${SLUG}`),
    );
    const words = text(zh.html);
    expect(words).toContain(TITLE);
    expect(words).toContain('由 Microsoft Translator 从英语机器翻译，并经本报编辑审校。');
    // Chinese dates, as Chinese readers write them.
    expect(words).toMatch(/更新于 \d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}/);
    // The public API says how it was made.
    const api = await (await fetch(`${system.cms}/api/articles?locale=zh&filters[slug][$eq]=${SLUG}`)).json();
    expect(api.data[0]).toMatchObject({
      translationOrigin: 'machine-reviewed',
      translatedFrom: 'en',
      translationProvider: 'Microsoft Translator',
      translationStale: false,
    });
    // Both editions now link each other.
    expect((await page(`/articles/${SLUG}`)).html).toMatch(
      new RegExp(`hrefLang="zh-Hans" lang="zh-Hans" href="/zh/articles/${SLUG}"|href="/zh/articles/${SLUG}" hrefLang="zh-Hans"`),
    );
  });

  it('shows readers when the original has changed since the translation', async () => {
    const editor = await adminSession(system.cms, ADMIN);
    const documentId = await documentIdOf(system.cms, SLUG);
    await editor.request(`${ARTICLE_TYPE}/${documentId}?locale=en`, 'PUT', {
      standfirst: 'The harbourmaster retires after forty years of tides.',
    });
    expect((await editor.request(`${ARTICLE_TYPE}/${documentId}/actions/publish?locale=en`, 'POST', {})).status).toBe(200);
    await waitFor(async () => text((await page(`/zh/articles/${SLUG}`)).html).includes('本译文发布后，原文已有更新。'), {
      timeoutMs: 30_000,
      intervalMs: 200,
    });
    expect((await page(`/zh/articles/${SLUG}`)).html).toContain(`<a href="/articles/${SLUG}">阅读原文</a>`);
  });

  it('answers 503 with Retry-After when the translator fails, caches nothing, and translates on the next visit', async () => {
    azure.failNext(500, 3);
    const failed = await page('/articles/rents-rise-fastest-in-westbank/translate/de');
    expect(failed.status).toBe(503);
    expect(failed.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(failed.headers.get('cache-control')).toBe('no-store');
    expect(text(failed.html)).toContain('A machine translation cannot be made right now');
    expect((await page('/articles/rents-rise-fastest-in-westbank')).status).toBe(200);
    const next = await page('/articles/rents-rise-fastest-in-westbank/translate/de');
    expect(next.status).toBe(200);
    expect(text(next.html)).toContain('[de] RENTS RISE FASTEST IN Westbank');
  });

  it('answers a locale the entry lacks with a helpful 404 linking the versions that exist', async () => {
    await inBrowser(browser, 'missing locale', 'phone', async (reader) => {
      const response = await reader.goto(`${system.web}/zh/articles/rents-rise-fastest-in-westbank`);
      expect(response.status()).toBe(404);
      await reader.getByText('此页面没有中文版本。').waitFor();
      await reader.getByRole('link', { name: 'English' }).click();
      await reader.waitForURL(/\/articles\/rents-rise-fastest-in-westbank$/);
      expect(await reader.getByRole('heading', { level: 1 }).innerText()).toBe('Rents rise fastest in Westbank as new bridge opens');
    });
    // The switcher on the English page lists only the locales the article has.
    expect((await page('/articles/rents-rise-fastest-in-westbank')).html).not.toMatch(
      /href="\/zh\/articles\/rents-rise-fastest-in-westbank"/,
    );
  });
});
