const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { clearWebCache } = require('./helpers/system');
const { waitFor } = require('./helpers/http');

// When the CMS goes down, readers keep getting every page already cached; an uncached page gets a
// friendly error page. CMS and web are started separately here so that one can be stopped alone.
const root = path.resolve(__dirname, '..');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-resilience-'));
const ports = { cms: 1395, web: 3095 };
const web = `http://127.0.0.1:${ports.web}`;
const processes = {};

function start(workspace, env) {
  const child = spawn('npm', ['run', 'start', '--workspace', workspace, '--silent'], {
    cwd: root,
    env: { ...process.env, ...env },
    detached: true,
    stdio: ['ignore', fs.openSync(path.join(tmp, `${workspace}.log`), 'a'), fs.openSync(path.join(tmp, `${workspace}.log`), 'a')],
  });
  processes[workspace] = child;
  return child;
}
async function stopApp(workspace) {
  const child = processes[workspace];
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    return; // the group is already gone
  }
  const timer = setTimeout(() => process.kill(-child.pid, 'SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}
async function until(url) {
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(url)).status < 500) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${url} did not come up`);
}

beforeAll(async () => {
  fs.mkdirSync(path.join(tmp, 'public', 'uploads'), { recursive: true });
  const token = path.join(tmp, 'web-api-token');
  start('cms', {
    PORT: String(ports.cms),
    DATABASE_CLIENT: 'sqlite',
    DATABASE_FILENAME: path.join(tmp, 'data.db'),
    PUBLIC_DIR: path.join(tmp, 'public'),
    WEB_API_TOKEN_FILE: token,
    WEB_URL: web,
    STRAPI_TELEMETRY_DISABLED: 'true',
  });
  await until(`http://127.0.0.1:${ports.cms}/_health`);
  clearWebCache();
  start('web', {
    PORT: String(ports.web),
    CMS_URL: `http://127.0.0.1:${ports.cms}`,
    STRAPI_API_TOKEN_FILE: token,
    NEXT_TELEMETRY_DISABLED: '1',
  });
  await until(web);
}, 300_000);
afterAll(async () => {
  await stopApp('web');
  await stopApp('cms');
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('with the CMS down', () => {
  it('keeps serving cached pages and answers an uncached one with a friendly 503 page', async () => {
    const cached = ['/articles/bus-depot-move-uphill-approved', '/sections/culture', '/feed.xml'];
    for (const p of cached) expect((await fetch(`${web}${p}`)).status).toBe(200);

    await stopApp('cms');

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
