const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { runUntilReady } = require('./run-until-ready');

const root = path.resolve(__dirname, '..', '..');

/**
 * Empties the web app's runtime caches (rendered pages and fetched data) in web/.next, which every
 * system started from this checkout shares: each system then shows its own database, not pages another
 * system rendered. The build itself is untouched.
 */
function clearWebCache() {
  for (const dir of ['server/route-cache', 'cache/fetch-cache']) {
    fs.rmSync(path.join(root, 'web', '.next', dir), { recursive: true, force: true });
  }
}

/**
 * Runs `npm start` (the README's command) on a fresh SQLite database in a temporary folder, on ports
 * of its own. `start()` resolves when the start script reports the system is running.
 */
function createSystem({ cmsPort, webPort, env: extra = {} }) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-system-'));
  fs.mkdirSync(path.join(tmp, 'public', 'uploads'), { recursive: true });
  const env = {
    ...process.env,
    CMS_PORT: String(cmsPort),
    WEB_PORT: String(webPort),
    DATABASE_CLIENT: 'sqlite',
    DATABASE_FILENAME: path.join(tmp, 'data.db'),
    PUBLIC_DIR: path.join(tmp, 'public'),
    WEB_API_TOKEN_FILE: path.join(tmp, 'web-api-token'),
    SITE_URL: `http://127.0.0.1:${webPort}`,
    // The tests ask the CMS directly far more than a client would; the tests of the limits set their own.
    API_RATE_LIMIT: '1000000',
    API_TOKEN_RATE_LIMIT: '1000000',
  };
  for (const key of [
    'ADMIN_EMAIL',
    'ADMIN_PASSWORD',
    'CMS_URL',
    'WEB_URL',
    'STRAPI_API_TOKEN',
    'STRAPI_API_TOKEN_FILE',
    'SEED_DEMO_CONTENT',
    'REVALIDATE_SECRET',
  ])
    delete env[key];
  Object.assign(env, extra);

  return {
    cms: `http://127.0.0.1:${cmsPort}`,
    web: `http://127.0.0.1:${webPort}`,
    start() {
      clearWebCache();
      return runUntilReady(['start'], { cwd: root, env, readyText: 'is running', timeoutMs: 240_000 });
    },
    cleanup() {
      fs.rmSync(tmp, { recursive: true, force: true });
    },
    /**
     * Starts the system before the tests around this call (a file or a describe block) and stops it after
     * them. `ready` runs once it is up (an admin session, a browser), `stopping` before it stops. The result's
     * `output()` is what the start script has printed so far.
     */
    duringTests({ ready, stopping } = {}) {
      let running;
      beforeAll(async () => {
        running = this.start();
        await running.ready;
        await ready?.();
      }, 300_000);
      afterAll(async () => {
        await stopping?.();
        await running?.stop();
        this.cleanup();
      });
      return { output: () => running.output() };
    },
  };
}

module.exports = { createSystem, clearWebCache };
