const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { startApp, until } = require('./helpers/apps');
const { clearWebCache } = require('./helpers/system');
const { adminSession, waitFor } = require('./helpers/http');

// A backup and its restore lose nothing: on the seeded system plus 1,000 bulk articles, each method
// (`npm run backup` / `npm run restore`, README "Backup and restore") brings back every entry of every
// type with its fields, relations in order, locales, media files, slug redirects and corrections (the
// restore checks the backup's inventory), the search index finds the same articles, and the site renders
// the same pages from the restored database as from the original.
const root = path.resolve(__dirname, '..');
const ADMIN = { email: 'e2e-backup@tidewater.test', password: 'E2e-Passw0rd!' };
const ARTICLE_TYPE = '/content-manager/collection-types/api::article.article';
const ports = { source: { cms: 1396, web: 3096 }, restored: { cms: 1397, web: 3097 } };
const loopback = (port) => `http://127.0.0.1:${port}`;
const SITE_URL = 'http://news.example.test';

/**
 * Runs an npm script to its end. Not spawnSync: a blocked event loop cannot see the CMS close an idle
 * keep-alive connection meanwhile, and the next fetch on it fails ("other side closed").
 */
function npm(args, env) {
  return new Promise((resolve) => {
    const child = spawn('npm', [...args], { cwd: root, env: { ...process.env, LOG_LEVEL: 'warn', ...env } });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (status) => resolve({ status, output }));
  });
}
const psql = (sql) => spawnSync('psql', ['-h', '127.0.0.1', '-U', 'postgres', '-d', 'postgres', '-qc', sql]);
const dropDatabase = (name) => psql(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);

/** A place for one CMS's data: its database (an SQLite file, or a PostgreSQL database), uploads and token. */
function storage(database, dir, name) {
  fs.mkdirSync(path.join(dir, 'public', 'uploads'), { recursive: true });
  const common = { PUBLIC_DIR: path.join(dir, 'public'), WEB_API_TOKEN_FILE: path.join(dir, 'web-api-token') };
  if (database === 'sqlite') return { ...common, DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: path.join(dir, 'data.db') };
  return { ...common, DATABASE_CLIENT: 'postgres', DATABASE_URL: `postgres://postgres@127.0.0.1:5432/${name}` };
}

function startCms(env, port, webPort, log) {
  return startApp(
    'cms',
    { ...env, PORT: String(port), WEB_URL: loopback(webPort), ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password },
    log,
  );
}
function startWeb(cmsEnv, cmsPort, port, log) {
  clearWebCache(); // each web app renders from its own CMS, never from pages another one cached
  return startApp(
    'web',
    {
      PORT: String(port),
      CMS_URL: loopback(cmsPort),
      CMS_PUBLIC_URL: 'http://cms.example.test',
      SITE_URL,
      STRAPI_API_TOKEN_FILE: cmsEnv.WEB_API_TOKEN_FILE,
    },
    log,
  );
}

/**
 * A page as a reader gets it, with what differs per process taken out: CSP nonces, the CMS's port, and
 * React's inline scripts (the same component payload, streamed in whatever order the renders finish).
 */
async function page(web, cms, pathname) {
  const res = await fetch(`${web}${pathname}`, { redirect: 'manual' });
  const body = (await res.text())
    .replace(/(<script(?![^>]*application\/ld\+json)[^>]*>[\s\S]*?<\/script>)+/g, '<script/>')
    .replace(/nonce="[^"]*"/g, 'nonce=""')
    .replaceAll(cms, 'CMS')
    .replaceAll(cms.replace('127.0.0.1', 'localhost'), 'CMS');
  return { status: res.status, location: res.headers.get('location'), body };
}
/** Null when the two texts are the same, else both around where they first differ. */
function difference(a, b) {
  if (a === b) return null;
  let i = 0;
  while (a[i] === b[i]) i++;
  return { before: a.slice(Math.max(0, i - 60), i + 60), after: b.slice(Math.max(0, i - 60), i + 60) };
}
function must(condition, message) {
  if (!condition) throw new Error(message);
}
async function searchHits(cms, q) {
  const found = await (await fetch(`${cms}/api/search?q=${encodeURIComponent(q)}&locale=en`)).json();
  return found.data.map((hit) => hit.slug);
}
const first = async (cms, type, query = '') =>
  (await (await fetch(`${cms}/api/${type}?pagination[pageSize]=1&sort=slug:asc${query}`)).json()).data[0].slug;

describe.each([
  ['sqlite', ['sqlite', 'strapi']],
  ['postgres', ['postgres', 'strapi']],
])('backup and restore on %s', (database, methods) => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), `e2e-backup-${database}-`));
  const names = (suffix) => `newsroom_e2e_backup_${process.pid}_${suffix}`;
  const source = storage(database, path.join(tmp, 'source'), names('source'));
  const sourceCms = loopback(ports.source.cms);
  const queries = ['ferry', 'harbour council', 'rents'];
  let cms;
  let pages;
  const before = {};

  beforeAll(async () => {
    if (database === 'postgres') psql(`CREATE DATABASE "${names('source')}"`); // a restore target is created by the restore
    cms = startCms(source, ports.source.cms, ports.source.web, path.join(tmp, 'source-cms.log'));
    await until(`${sourceCms}/_health`, { timeoutMs: 240_000 });
    // Content a restore must bring back beyond the seed: a renamed article (a slug redirect), reader
    // searches (Search Trends' counts), and 1,000 bulk articles.
    const editor = await adminSession(sourceCms, ADMIN);
    const renamed = 'night-market-returns-to-quayside';
    const [{ documentId }] = (await (await fetch(`${sourceCms}/api/articles?filters[slug][$eq]=${renamed}`)).json()).data;
    must(
      (await editor.request(`${ARTICLE_TYPE}/${documentId}?locale=en`, 'PUT', { slug: 'night-market-is-back' })).status === 200,
      'rename',
    );
    must((await editor.request(`${ARTICLE_TYPE}/${documentId}/actions/publish?locale=en`, 'POST', {})).status === 200, 'publish');
    const token = fs.readFileSync(source.WEB_API_TOKEN_FILE, 'utf8').trim();
    for (const [i, term] of ['ferry timetable', 'ferry timetable', 'flood barrier'].entries()) {
      const recorded = await fetch(`${sourceCms}/api/search-trends`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', 'x-reader-key': `reader-${i}` },
        body: JSON.stringify({ term, locale: 'en' }),
      });
      must(recorded.status === 200, `search trends answered ${recorded.status}`);
    }
    const bulk = await npm(['run', 'seed:bulk', '--', '--articles', '1000'], source);
    must(bulk.status === 0, `seed:bulk failed: ${bulk.output.slice(-400)}`);

    const bulkArticle = (await (await fetch(`${sourceCms}/api/articles?filters[slug][$endsWith]=-999&fields[0]=slug`)).json()).data[0].slug;
    pages = [
      '/',
      '/zh',
      '/articles/bus-depot-move-uphill-approved',
      '/articles/night-market-is-back',
      `/articles/${renamed}`,
      `/articles/${bulkArticle}`,
      `/sections/${await first(sourceCms, 'sections')}`,
      `/sections/${await first(sourceCms, 'sections')}/page/2`,
      `/authors/${await first(sourceCms, 'authors')}`,
      `/tags/${await first(sourceCms, 'tags')}`,
      `/series/${await first(sourceCms, 'series-list')}`,
      '/feed.xml',
      '/sitemaps/pages.xml',
      '/search?q=ferry',
    ];
    const web = startWeb(source, ports.source.cms, ports.source.web, path.join(tmp, 'source-web.log'));
    try {
      await until(`${loopback(ports.source.web)}/robots.txt`);
      // The renamed article's former address: first answered by its page, then by the proxy's table.
      await waitFor(async () => (await page(loopback(ports.source.web), sourceCms, `/articles/${renamed}`)).status === 308, {
        timeoutMs: 30_000,
      });
      for (const p of pages) before[p] = await page(loopback(ports.source.web), sourceCms, p);
      before.search = Object.fromEntries(await Promise.all(queries.map(async (q) => [q, await searchHits(sourceCms, q)])));
    } finally {
      await web.stop();
    }
  }, 400_000);

  afterAll(async () => {
    await cms?.stop();
    for (const suffix of ['source', ...methods]) if (database === 'postgres') dropDatabase(names(suffix));
    fs.rmSync(tmp, { recursive: true, force: true });
  }, 60_000);

  it.each(methods)(
    'restores everything with the %s method: entries, files, search and the same pages',
    async (method) => {
      const backupDir = path.join(tmp, `backup-${method}`);
      const made = await npm(['run', 'backup', '--', '--method', method, '--out', backupDir], source);
      expect({ status: made.status, output: made.output.slice(-600) }).toMatchObject({ status: 0 });
      const { contents } = JSON.parse(fs.readFileSync(path.join(backupDir, 'manifest.json'), 'utf8'));
      expect(contents['api::article.article'].entries).toBeGreaterThan(2_000); // 1,000+ articles, draft and published
      expect(contents['api::slug-redirect.slug-redirect'].entries).toBeGreaterThanOrEqual(1);
      expect(contents['table search_trend_counts'].entries).toBeGreaterThanOrEqual(2);

      const target = storage(database, path.join(tmp, `restored-${method}`), names(method));
      const restored = await npm(['run', 'restore', '--', '--from', backupDir], target);
      expect({ status: restored.status, output: restored.output.slice(-800) }).toMatchObject({ status: 0 });
      expect(restored.output).toMatch(/Verified: all \d+ entries and files/);
      console.log(`${database} ${method}: ${/Restored .*/.exec(restored.output)?.[0]}`);

      const restoredCms = loopback(ports.restored.cms);
      const cmsB = startCms(target, ports.restored.cms, ports.restored.web, path.join(tmp, `restored-${method}-cms.log`));
      let webB;
      try {
        await until(`${restoredCms}/_health`, { timeoutMs: 240_000 });
        for (const q of queries) expect({ q, hits: await searchHits(restoredCms, q) }).toEqual({ q, hits: before.search[q] });
        // A cover picture's file itself, byte for byte.
        const coverOf = async (cmsUrl) =>
          (
            await (
              await fetch(`${cmsUrl}/api/articles?filters[slug][$eq]=bus-depot-move-uphill-approved&populate[cover][populate]=image`)
            ).json()
          ).data[0].cover.image.url;
        const bytes = async (cmsUrl) => Buffer.from(await (await fetch(`${cmsUrl}${await coverOf(cmsUrl)}`)).arrayBuffer());
        const [original, copy] = await Promise.all([bytes(sourceCms), bytes(restoredCms)]);
        expect(copy.length).toBeGreaterThan(1_000);
        expect(copy.equals(original)).toBe(true);

        webB = startWeb(target, ports.restored.cms, ports.restored.web, path.join(tmp, `restored-${method}-web.log`));
        await until(`${loopback(ports.restored.web)}/robots.txt`);
        for (const p of pages) {
          const after = await page(loopback(ports.restored.web), restoredCms, p);
          const was = before[p];
          expect([200, 308]).toContain(was.status);
          expect({ p, status: after.status, location: after.location, differs: difference(was.body, after.body) }).toEqual({
            p,
            status: was.status,
            location: was.location,
            differs: null,
          });
        }
      } finally {
        await webB?.stop();
        await cmsB.stop();
      }
    },
    400_000,
  );

  if (database === 'sqlite')
    it('refuses to call a restore complete when the result differs from the backup', async () => {
      const backupDir = path.join(tmp, 'backup-sqlite');
      const tampered = path.join(tmp, 'tampered');
      fs.cpSync(backupDir, tampered, { recursive: true });
      const inventoryFile = path.join(tampered, 'inventory.json');
      const inventory = JSON.parse(fs.readFileSync(inventoryFile, 'utf8'));
      const key = Object.keys(inventory.entries).find((k) => k.startsWith('api::article.article ') && k.endsWith(' en published'));
      inventory.entries[key] = 'not-what-was-restored';
      inventory.summary['api::article.article'].digest = 'not-what-was-restored';
      fs.writeFileSync(inventoryFile, JSON.stringify(inventory));

      const target = storage('sqlite', path.join(tmp, 'restored-tampered'), '');
      const restored = await npm(['run', 'restore', '--', '--from', tampered], target);
      expect(restored.status).toBe(1);
      expect(restored.output).toContain(`api::article.article: ${inventory.summary['api::article.article'].entries} entries restored`);
      expect(restored.output).toContain(key);
      // And a restore over a database that holds data needs --force.
      const again = await npm(['run', 'restore', '--', '--from', backupDir], target);
      expect(again.status).toBe(2);
      expect(again.output).toContain('add --force');
    }, 120_000);

  if (database === 'sqlite')
    it('refuses a Strapi archive that holds a row twice (the sign of others left out) before touching the target', async () => {
      const backupDir = path.join(tmp, 'backup-strapi');
      const repeated = path.join(tmp, 'repeated');
      fs.cpSync(backupDir, repeated, { recursive: true });
      const unpacked = path.join(tmp, 'repeated-archive');
      fs.mkdirSync(unpacked);
      const archive = path.join(repeated, 'export.tar.gz');
      const ARTICLE_ROW = '{"type":"api::article.article",';
      expect(spawnSync('tar', ['-xzf', archive, '-C', unpacked]).status).toBe(0);
      // One article row read twice, as Strapi's unordered LIMIT/OFFSET pages did on PostgreSQL at 100,000 articles.
      const entities = path.join(unpacked, 'entities');
      const pages = fs.readdirSync(entities).map((name) => path.join(entities, name));
      const rowsOf = (page) => fs.readFileSync(page, 'utf8').split('\n').filter(Boolean);
      const articleRows = pages.flatMap(rowsOf).filter((line) => line.startsWith(ARTICLE_ROW));
      const last = pages.at(-1);
      fs.writeFileSync(last, [...rowsOf(last), articleRows[0]].join('\n'));
      expect(spawnSync('tar', ['-czf', archive, '-C', unpacked, '.']).status).toBe(0);

      const target = storage('sqlite', path.join(tmp, 'restored-repeated'), '');
      // A key set for new backups must not get in the way of reading an unencrypted one.
      const restored = await npm(['run', 'restore', '--', '--from', repeated], {
        ...target,
        BACKUP_ENCRYPTION_KEY: 'a-key-for-new-backups',
      });
      expect(restored.status).toBe(1);
      expect(restored.output).toContain(`api::article.article: ${articleRows.length + 1} rows, only ${articleRows.length} distinct`);
      expect(restored.output).toContain('Nothing was restored');
      expect(fs.existsSync(target.DATABASE_FILENAME)).toBe(false);
    }, 120_000);

  if (database === 'sqlite')
    it('encrypts a Strapi archive with BACKUP_ENCRYPTION_KEY and restores it only with that key', async () => {
      const backupDir = path.join(tmp, 'backup-strapi-encrypted');
      const key = 'e2e-backup-key-not-a-secret';
      const made = await npm(['run', 'backup', '--', '--method', 'strapi', '--out', backupDir], { ...source, BACKUP_ENCRYPTION_KEY: key });
      expect({ status: made.status, output: made.output.slice(-600) }).toMatchObject({ status: 0 });
      const archive = fs.readFileSync(path.join(backupDir, 'export.tar.gz.enc'));
      expect(archive.subarray(0, 2).equals(Buffer.from([0x1f, 0x8b]))).toBe(false); // not a readable gzip stream
      expect(archive.includes('night-market-is-back')).toBe(false);

      const target = storage('sqlite', path.join(tmp, 'restored-encrypted'), '');
      const withoutKey = await npm(['run', 'restore', '--', '--from', backupDir], { ...target, BACKUP_ENCRYPTION_KEY: '' });
      expect(withoutKey.status).toBe(1);
      expect(withoutKey.output).toContain('the archive is encrypted: set BACKUP_ENCRYPTION_KEY');
      const wrongKey = await npm(['run', 'restore', '--', '--from', backupDir], { ...target, BACKUP_ENCRYPTION_KEY: 'another-key' });
      expect(wrongKey.status).toBe(1);
      expect(wrongKey.output).toContain('Key is incorrect');
      expect(fs.existsSync(target.DATABASE_FILENAME)).toBe(false);
      const withKey = await npm(['run', 'restore', '--', '--from', backupDir], { ...target, BACKUP_ENCRYPTION_KEY: key });
      expect({ status: withKey.status, output: withKey.output.slice(-600) }).toMatchObject({ status: 0 });
      expect(withKey.output).toMatch(/Verified: all \d+ entries and files/);
    }, 240_000);
});
