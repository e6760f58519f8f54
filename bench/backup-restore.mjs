#!/usr/bin/env node
// Backup and restore as an operator runs them (`npm run backup`, `npm run restore`, README "Operations"), on a
// fresh source per database and size: the demo outlet plus N bulk articles (`npm run seed:bulk`), in a temporary
// SQLite file or a new PostgreSQL database. For each method the database allows, prints the backup's time and size,
// and the restore's into a fresh target: as the restore reports it before its check (in all, and the data alone),
// and with its check against the backup's inventory, which must pass. Everything is removed at the end.
// Usage: npm run bench:backup [-- --sizes 1000,100000 --databases sqlite,postgres]
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { markdownTable, option } from './lib/report.mjs';

const root = path.resolve(import.meta.dirname, '..');
const METHODS = { sqlite: ['sqlite', 'strapi'], postgres: ['postgres', 'strapi'] };
const sizes = option('sizes', '1000,100000').split(',').map(Number);
const databases = option('databases', 'sqlite,postgres').split(',');
if (!sizes.every((n) => Number.isInteger(n) && n > 0) || !databases.every((d) => d in METHODS)) {
  console.error('usage: npm run bench:backup [-- --sizes 1000,100000 --databases sqlite,postgres]');
  process.exit(2);
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-backup-'));
const createdDatabases = new Set();
let child = null;

const psql = (sql) => spawnSync('psql', ['-h', '127.0.0.1', '-U', 'postgres', '-d', 'postgres', '-qc', sql], { encoding: 'utf8' });
function dropDatabase(name) {
  psql(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  createdDatabases.delete(name);
}

let stopping = null;
const stop = () =>
  (stopping ??= (async () => {
    if (child?.exitCode === null) {
      const exited = new Promise((resolve) => child.on('exit', resolve));
      process.kill(-child.pid, 'SIGTERM');
      await exited;
    }
    for (const name of [...createdDatabases]) dropDatabase(name);
    fs.rmSync(tmp, { recursive: true, force: true });
  })());
for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => stop().then(() => process.exit(130)));

// The CMS's settings from this shell, less any database and upload settings: each run names its own.
const baseEnv = {
  ...Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('DATABASE_'))),
  STRAPI_TELEMETRY_DISABLED: 'true',
  LOG_LEVEL: 'warn',
  UPLOAD_PROVIDER: 'local',
  BACKUP_ENCRYPTION_KEY: '',
  WEB_URL: '', // no web app to tell of changes
  EDGE_PURGE_URL: '',
};

/** A place for one CMS's data (as e2e/backup.test.js makes them): its database, uploads and token. */
function storage(database, dir, name) {
  fs.mkdirSync(path.join(dir, 'public', 'uploads'), { recursive: true });
  const common = { PUBLIC_DIR: path.join(dir, 'public'), WEB_API_TOKEN_FILE: path.join(dir, 'web-api-token') };
  if (database === 'sqlite') return { ...common, DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: path.join(dir, 'data.db') };
  createdDatabases.add(name); // the restore creates a target itself; the bench drops it either way
  return { ...common, DATABASE_CLIENT: 'postgres', DATABASE_URL: `postgres://postgres@127.0.0.1:5432/${name}` };
}

/** Runs an npm command of the README with `env`; resolves with its output and wall-clock seconds, or fails with the output's end. */
function npm(args, env) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    // Its own process group, so a stop reaches the node process npm starts.
    child = spawn('npm', args, { cwd: root, env: { ...baseEnv, ...env }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('exit', (code) => {
      const seconds = (performance.now() - started) / 1000;
      if (code === 0) resolve({ output, seconds });
      else reject(new Error(`npm ${args.join(' ')} exited with ${code}:\n${output.slice(-1500)}`));
    });
  });
}

/** Bytes of every file under `dir`. */
const sizeOf = (dir) =>
  fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .reduce((sum, entry) => sum + fs.statSync(path.join(entry.parentPath, entry.name)).size, 0);
const seconds = (value) => +value.toFixed(1);

const rows = [];
try {
  for (const database of databases) {
    for (const size of sizes) {
      const dir = path.join(tmp, `${database}-${size}`);
      const name = (suffix) => `newsroom_bench_backup_${process.pid}_${size}_${suffix}`;
      const source = storage(database, path.join(dir, 'source'), name('source'));
      if (database === 'postgres') {
        const created = psql(`CREATE DATABASE "${name('source')}"`);
        if (created.status !== 0) throw new Error(`psql could not create ${name('source')}: ${created.stderr}`);
      }
      console.error(`${database}, ${size} articles: seeding (the demo outlet, then npm run seed:bulk)...`);
      const seeded = await npm(['run', 'seed:bulk', '--', '--articles', String(size)], { ...source, SEED_DEMO_CONTENT: 'true' });
      console.error(`  seeded in ${seconds(seeded.seconds)} s`);

      for (const method of METHODS[database]) {
        const backupDir = path.join(dir, `backup-${method}`);
        console.error(`  ${method}: backup...`);
        const made = await npm(['run', 'backup', '--', '--method', method, '--out', backupDir], source);
        const target = storage(database, path.join(dir, `restore-${method}`), name(method));
        console.error(`  ${method}: restore, then its check...`);
        const restored = await npm(['run', 'restore', '--', '--from', backupDir], target);
        const reported = /Restored .* in ([\d.]+) s \(data ([\d.]+) s\)/.exec(restored.output);
        if (!reported) throw new Error(`the restore did not say how long it took:\n${restored.output.slice(-600)}`);
        if (!restored.output.includes('Verified:')) throw new Error(`the restore did not verify:\n${restored.output.slice(-600)}`);
        rows.push({
          database,
          articles: size,
          method,
          'backup s': seconds(made.seconds),
          'size MB': +(sizeOf(backupDir) / 1024 / 1024).toFixed(1),
          'restore s': Number(reported[1]),
          'restore data s': Number(reported[2]),
          'verified restore s': seconds(restored.seconds),
        });
        for (const done of ['backup', 'restore']) fs.rmSync(path.join(dir, `${done}-${method}`), { recursive: true, force: true });
        if (database === 'postgres') dropDatabase(name(method));
      }
      fs.rmSync(dir, { recursive: true, force: true });
      if (database === 'postgres') dropDatabase(name('source'));
    }
  }

  console.log(`\n## Backup and restore (npm run backup, npm run restore): seconds and MB\n`);
  console.log(markdownTable(rows));
  console.log(`
"articles" are the bulk articles added to the demo outlet (npm run seed:bulk). "backup s" is the whole
\`npm run backup\` (loading Strapi included); "size MB" the backup folder on disk. "restore s" and "restore
data s" are what \`npm run restore\` reports before its check: in all (the data, then loading Strapi on it, and for
the strapi method its extra tables and a search index rebuild) and the data alone. "verified restore s" is the
whole \`npm run restore\`: those, and its check that every entry and file of the backup's inventory is back,
unchanged (it fails the bench otherwise). The machine is shared and has 2 cores.
Reproduce: npm run bench:backup [-- --sizes ${sizes.join(',')} --databases ${databases.join(',')}]`);
} finally {
  await stop();
}
