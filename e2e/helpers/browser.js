// A real Chromium for the browser journeys (and the benchmarks that load pages): Debian's build driven by playwright-core, the two viewports
// every journey runs at, axe-core for accessibility, and the screenshot + HTML a failing journey leaves.
const fs = require('node:fs');
const path = require('node:path');
const { chromium } = require('playwright-core');

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
// Headless, and nothing that reaches for the network on its own (this machine's network is closed).
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const VIEWPORTS = {
  phone: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true },
  desktop: { viewport: { width: 1280, height: 900 } },
};

const ARTIFACTS = path.join(__dirname, '..', 'artifacts');
const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

function launchBrowser() {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`No Chromium at ${CHROMIUM}: apt-get install chromium (or set CHROMIUM_PATH)`);
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/** Saves what the page showed when a journey failed: e2e/artifacts/<name>.png and .html. */
async function saveArtifacts(page, name) {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const base = path.join(ARTIFACTS, name.replace(/[^a-z0-9]+/gi, '-').toLowerCase());
  await page.screenshot({ path: `${base}.png`, fullPage: true }).catch(() => {});
  fs.writeFileSync(`${base}.html`, await page.content().catch((error) => `<!-- no content: ${error.message} -->`));
  return base;
}

/**
 * Runs `journey(page, context)` in a fresh browser context at one of VIEWPORTS; when it fails, the
 * screenshot and HTML are saved and the error says where.
 */
async function inBrowser(browser, name, viewport, journey) {
  const context = await browser.newContext(VIEWPORTS[viewport]);
  const page = await context.newPage();
  try {
    await journey(page, context);
  } catch (error) {
    const saved = await saveArtifacts(page, `${name}-${viewport}`);
    error.message += `\n(page at failure: ${page.url()}; screenshot and HTML in ${saved}.png/.html)`;
    throw error;
  } finally {
    await context.close();
  }
}

/** The page's violations of WCAG 2.1 A and AA rules, as `rule: help (where)` lines. */
async function wcagViolations(page) {
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  const violations = await page.evaluate(
    async (tags) => (await window.axe.run(document, { runOnly: { type: 'tag', values: tags } })).violations,
    WCAG_21_AA,
  );
  return violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((node) => node.target.join(' ')).join(', ')})`);
}

module.exports = { CHROMIUM, CHROMIUM_ARGS, launchBrowser, inBrowser, saveArtifacts, wcagViolations, VIEWPORTS };
