const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

// `npm start` on a fresh SQLite database in a temporary folder, on ports of its own.
const root = path.resolve(__dirname, '..');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-start-'));
const ports = { cms: 1391, web: 3091 };
const cms = `http://127.0.0.1:${ports.cms}`;
const web = `http://127.0.0.1:${ports.web}`;

function start() {
  const env = {
    ...process.env,
    CMS_PORT: String(ports.cms),
    WEB_PORT: String(ports.web),
    DATABASE_CLIENT: 'sqlite',
    DATABASE_FILENAME: path.join(tmp, 'data.db'),
    PUBLIC_DIR: path.join(tmp, 'public'),
    WEB_API_TOKEN_FILE: path.join(tmp, 'web-api-token'),
  };
  for (const key of ['ADMIN_EMAIL', 'ADMIN_PASSWORD', 'CMS_URL', 'STRAPI_API_TOKEN', 'STRAPI_API_TOKEN_FILE', 'SEED_DEMO_CONTENT'])
    delete env[key];
  const child = spawn('npm', ['start'], { cwd: root, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise((resolve) => child.on('exit', resolve));
  const ready = (async () => {
    const deadline = Date.now() + 240_000;
    while (!output.includes('is running')) {
      if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode}:\n${output.slice(-3000)}`);
      if (Date.now() > deadline) throw new Error(`npm start was not ready in time:\n${output.slice(-3000)}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  })();
  return {
    ready,
    output: () => output,
    async stop() {
      if (child.exitCode === null) process.kill(-child.pid, 'SIGINT');
      await exited;
    },
  };
}

const readerTitles = async () => [...(await (await fetch(web)).text()).matchAll(/<h2 class="latest__title">([^<]*)</g)].map((m) => m[1]);

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('npm start', () => {
  it('brings up the seeded CMS, the admin login it prints, and the web page listing the articles; and starts again', async () => {
    fs.mkdirSync(path.join(tmp, 'public', 'uploads'), { recursive: true });
    const first = start();
    try {
      await first.ready;
      const password = first.output().match(/password\s+(\S+)/)?.[1];
      expect(password).toEqual(expect.any(String));

      const api = await (await fetch(`${cms}/api/articles?pagination[pageSize]=100`)).json();
      expect(api.meta.pagination.total).toBe(13);
      expect(api.data.every((a) => typeof a.documentId === 'string')).toBe(true);

      const titles = await readerTitles();
      expect(titles).toHaveLength(13);
      expect(titles).toContain('Council approves six-month night ferry trial');
      expect(titles).not.toContain('Council weighs three harbour levy options');

      const login = await fetch(`${cms}/admin/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email: 'admin@tidewater.local', password }),
      });
      expect(login.status).toBe(200);
    } finally {
      await first.stop();
    }

    const second = start();
    try {
      await second.ready;
      expect(second.output()).toMatch(/Cached:\s+2 cached, 2 total/); // nothing rebuilt
      expect(second.output()).not.toMatch(/Admin account created/);
      expect(second.output()).not.toMatch(/Seeding the demo outlet/);
      expect(await readerTitles()).toHaveLength(13);
    } finally {
      await second.stop();
    }
  });
});
