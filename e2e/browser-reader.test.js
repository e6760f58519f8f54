const fs = require('node:fs');
const path = require('node:path');
const { createSystem } = require('./helpers/system');
const { adminSession, waitFor } = require('./helpers/http');
const { launchBrowser, inBrowser, wcagViolations } = require('./helpers/browser');

// A reader's journeys in a real Chromium, at a phone's and a desktop's size, on the seeded system: by
// pointer, by keyboard only, the cookie choice, and every page type held to WCAG 2.1 A/AA by axe.
const ADMIN = { email: 'e2e-reader@tidewater.test', password: 'E2e-Passw0rd!' };
const system = createSystem({ cmsPort: 1396, webPort: 3096, env: { ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password } });
const TREND = 'harbour wall'; // pinned by an editor before the journeys, so the Search Trends box shows it
const SERIES_PART_1 = 'Why the harbour wall is not enough';
const SERIES_PART_2 = 'Who pays for a barrier';
let browser;
system.duringTests({
  async ready() {
    const editor = await adminSession(system.cms, ADMIN);
    const pinned = await editor.request('/content-manager/collection-types/api::trend-rule.trend-rule?locale=en', 'POST', {
      term: TREND,
      rule: 'pin',
    });
    if (pinned.status !== 201) throw new Error(`pinning the trend term answered ${pinned.status}`);
    await waitFor(async () => (await (await fetch(`${system.web}/authors/wen-huang`)).text()).includes(`>${TREND}</a>`), {
      timeoutMs: 30_000,
      intervalMs: 250,
    });
    browser = await launchBrowser();
  },
  stopping: () => browser?.close(),
});

const heading = (page) => page.getByRole('heading', { level: 1 }).innerText();
const dismissCookieBanner = (page) =>
  page.getByRole('dialog', { name: 'Your cookie choices' }).getByRole('button', { name: 'Reject non-essential' }).click();

/** What has keyboard focus, and whether it is visibly marked (an outline or a shadow). */
const focused = (page) =>
  page.evaluate(() => {
    const element = document.activeElement;
    const style = getComputedStyle(element);
    const box = element.getBoundingClientRect();
    return {
      tag: element.tagName.toLowerCase(),
      id: element.id,
      text: element.textContent.trim(),
      href: element.getAttribute('href'),
      visible: (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none',
      onScreen: box.width > 0 && box.height > 0 && box.bottom > 0 && box.top < window.innerHeight,
    };
  });

/**
 * Presses Tab until the focused element is `wanted` (checked by `matches`), as a keyboard user would;
 * every element passed on the way must show that it has focus, on screen.
 */
async function tabTo(page, matches, wanted) {
  const unmarked = [];
  for (let presses = 0; presses < 200; presses++) {
    await page.keyboard.press('Tab');
    const now = await focused(page);
    if (!now.visible || !now.onScreen) unmarked.push(`${now.tag} "${now.text.slice(0, 40)}"`);
    if (matches(now)) {
      expect({ wanted, focusNotShownOn: unmarked }).toEqual({ wanted, focusNotShownOn: [] });
      return now;
    }
  }
  throw new Error(`Tab never reached ${wanted}`);
}
const link = (text) => (now) => now.tag === 'a' && now.text === text;

describe.each(['phone', 'desktop'])('a reader at %s size', (viewport) => {
  it('goes home → article → the next part of its series → author → a Search Trends term → results → an article', async () => {
    await inBrowser(browser, 'reader journey', viewport, async (page) => {
      await page.goto(`${system.web}/`);
      await dismissCookieBanner(page);
      await page.getByRole('link', { name: SERIES_PART_1 }).first().click();
      await page.waitForURL('**/articles/tideline-why-the-harbour-wall-is-not-enough');
      expect(await heading(page)).toContain(SERIES_PART_1);

      await page
        .getByRole('navigation', { name: /Read more/ })
        .getByRole('link', { name: SERIES_PART_2 })
        .click();
      await page.waitForURL('**/articles/tideline-who-pays-for-a-barrier');
      expect(await heading(page)).toContain(SERIES_PART_2);

      await page.locator('a[rel=author]').first().click();
      await page.waitForURL('**/authors/wen-huang');
      expect(await heading(page)).toBe('Wen Huang');

      await page.getByRole('complementary', { name: 'Search Trends' }).getByRole('link', { name: TREND }).click();
      await page.waitForURL(/\/search\?q=harbour(\+|%20)wall/);
      const results = page.locator('ol.results > li');
      await results.first().waitFor();
      expect(await results.count()).toBeGreaterThan(0);
      expect(await page.getByRole('status').innerText()).toMatch(/result/i);

      const first = results.first().getByRole('link');
      const title = await first.innerText();
      await first.click();
      await page.waitForURL('**/articles/**');
      expect(await heading(page)).toContain(title);
    });
  });

  it('shows a helpful 404 for an address that does not exist', async () => {
    await inBrowser(browser, '404', viewport, async (page) => {
      const response = await page.goto(`${system.web}/articles/no-such-story-here`);
      expect(response.status()).toBe(404);
      expect(await heading(page)).toMatch(/not found|can.t find/i);
      await dismissCookieBanner(page);
      await page
        .getByRole('main')
        .getByRole('link', { name: /home|front page/i })
        .first()
        .click();
      await page.waitForURL(`${system.web}/`);
    });
  });
});

describe('a keyboard-only reader', () => {
  it.each(['phone', 'desktop'])('follows the same path without a pointer, skip link first, focus always visible (%s)', async (viewport) => {
    await inBrowser(browser, 'keyboard journey', viewport, async (page) => {
      await page.goto(`${system.web}/`);
      await tabTo(page, (now) => now.text === 'Reject non-essential', 'the cookie banner');
      await page.keyboard.press('Enter');

      // The first stop on a fresh page is the skip link; it lands on the main content.
      await page.goto(`${system.web}/`);
      await page.keyboard.press('Tab');
      const skip = await focused(page);
      expect([skip.text, skip.href, skip.visible, skip.onScreen]).toEqual(['Skip to content', '#main', true, true]);
      await page.keyboard.press('Enter');
      expect((await focused(page)).id).toBe('main');

      await tabTo(page, link(SERIES_PART_1), 'the series article');
      await page.keyboard.press('Enter');
      await page.waitForURL('**/articles/tideline-why-the-harbour-wall-is-not-enough');

      await tabTo(page, (now) => now.tag === 'a' && now.text === `Part 2: ${SERIES_PART_2}`, 'the next part under Read more');
      await page.keyboard.press('Enter');
      await page.waitForURL('**/articles/tideline-who-pays-for-a-barrier');

      await tabTo(page, link('Wen Huang'), 'the author');
      await page.keyboard.press('Enter');
      await page.waitForURL('**/authors/wen-huang');

      await tabTo(page, link(TREND), 'the Search Trends term');
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/search\?q=/);
      await page.locator('ol.results > li').first().waitFor();

      const result = await tabTo(page, (now) => now.tag === 'a' && /^\/articles\//.test(now.href ?? '') && now.text.length > 0, 'a result');
      await page.keyboard.press('Enter');
      await page.waitForURL(`**${result.href}`);
      expect(await heading(page)).toContain(result.text);
    });
  });
});

describe('a failing journey', () => {
  it('leaves a screenshot and the page HTML in e2e/artifacts for debugging', async () => {
    const failure = await inBrowser(browser, 'deliberate failure', 'phone', async (page) => {
      await page.goto(`${system.web}/sections/city`);
      throw new Error('the journey broke here');
    }).catch((error) => error);
    const saved = path.join(__dirname, 'artifacts', 'deliberate-failure-phone');
    expect(failure.message).toContain(
      `the journey broke here\n(page at failure: ${system.web}/sections/city; screenshot and HTML in ${saved}`,
    );
    expect(fs.readFileSync(`${saved}.png`).subarray(1, 4).toString()).toBe('PNG');
    expect(fs.readFileSync(`${saved}.html`, 'utf8')).toContain('<h1>City</h1>');
    for (const file of [`${saved}.png`, `${saved}.html`]) fs.rmSync(file);
  });
});

describe('the cookie choice', () => {
  const cookieNames = async (context) => (await context.cookies()).map((cookie) => cookie.name).sort();
  const banner = (page) => page.getByRole('dialog', { name: 'Your cookie choices' });

  it('sets no non-essential cookie when rejected, sets it when accepted, survives reloads, and reopens from the footer', async () => {
    await inBrowser(browser, 'consent', 'desktop', async (page, context) => {
      await page.goto(`${system.web}/`);
      expect(await cookieNames(context)).toEqual([]);
      await banner(page).getByRole('button', { name: 'Reject non-essential' }).click();
      await banner(page).waitFor({ state: 'detached' });
      expect(await cookieNames(context)).toEqual(['ledger_consent']);

      await page.reload();
      await page.getByRole('contentinfo').waitFor();
      expect(await banner(page).count()).toBe(0);
      expect(await cookieNames(context)).toEqual(['ledger_consent']);

      await page.getByRole('contentinfo').getByRole('button', { name: 'Cookie settings' }).click();
      await banner(page).waitFor();
      expect(
        await banner(page)
          .getByRole('checkbox', { name: /Measurement/ })
          .isChecked(),
      ).toBe(false);
      await banner(page).getByRole('button', { name: 'Accept all' }).click();
      expect(await cookieNames(context)).toEqual(['ledger_consent', 'ledger_measurement']);

      await page.reload();
      await page.getByRole('contentinfo').waitFor();
      expect(await banner(page).count()).toBe(0);
      expect(await cookieNames(context)).toEqual(['ledger_consent', 'ledger_measurement']);

      // Changing one's mind removes the non-essential cookie again.
      await page.getByRole('contentinfo').getByRole('button', { name: 'Cookie settings' }).click();
      await banner(page)
        .getByRole('checkbox', { name: /Measurement/ })
        .uncheck();
      await banner(page).getByRole('button', { name: 'Save settings' }).click();
      expect(await cookieNames(context)).toEqual(['ledger_consent']);
    });
  });
});

// The cookie banner speaks the page's language.
const BANNER = {
  en: 'Your cookie choices',
  zh: JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'web', 'labels', 'zh.json'), 'utf8')).consentTitle,
};

const PAGE_TYPES = [
  ['home', '/'],
  ['article', '/articles/tideline-who-pays-for-a-barrier'],
  ['series', '/series/the-tideline-question'],
  ['author', '/authors/wen-huang'],
  ['section', '/sections/city'],
  ['tag', '/tags/flooding'],
  ['search', '/search?q=harbour'],
  ['legal', '/privacy'],
  ['404', '/articles/no-such-story-here'],
  ['Chinese article', '/zh/articles/council-approves-night-ferry-trial'],
];

describe.each(['phone', 'desktop'])('accessibility at %s size', (viewport) => {
  it.each(PAGE_TYPES)('the %s page has no WCAG 2.1 A/AA violations', async (name, path) => {
    await inBrowser(browser, `axe ${name}`, viewport, async (page) => {
      await page.goto(`${system.web}${path}`);
      const banner = BANNER[path.startsWith('/zh/') ? 'zh' : 'en'];
      await page.getByRole('dialog', { name: banner }).waitFor(); // checked with the banner open, as a first visit shows it
      expect(await wcagViolations(page)).toEqual([]);
    });
  });
});
