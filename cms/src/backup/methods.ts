import { spawnSync } from 'child_process';
import fs from 'fs';
import path from 'path';
import Database from 'better-sqlite3';
import { Client } from 'pg';
import type { Knex } from 'knex';
import { cmsEnv } from '../env';
import { checkArchive } from './archive-check';

// The three ways to back up and restore the CMS (README, Operations, "Backup and restore"):
// - sqlite:   SQLite's online backup API (a consistent copy while the CMS runs), plus the uploads folder;
// - postgres: pg_dump's custom format and pg_restore, plus the uploads folder when they are on disk;
// - strapi:   Strapi's data transfer (`strapi export` / `strapi import`, uploads inside the archive), which
//             moves content between databases of either kind; it leaves out admin users, API tokens and
//             the tables Strapi does not know, so the ones worth keeping travel beside it (EXTRA_TABLES)
//             and the search index is rebuilt.

export const METHODS = ['sqlite', 'postgres', 'strapi'] as const;
export type Method = (typeof METHODS)[number];

/** Our own tables that hold something a Strapi export would lose: reader search counts, paid-for translations. */
export const EXTRA_TABLES = ['search_trend_counts', 'machine_translations', 'machine_translation_usage'];

const cmsDir = path.resolve(__dirname, '..', '..', '..');

/** The database and uploads this process is configured for (the CMS's own environment variables). */
export function configuredStorage() {
  const env = cmsEnv();
  const postgresUrl = () => {
    if (env.DATABASE_URL) return env.DATABASE_URL;
    const url = new URL(`postgres://${env.DATABASE_HOST}:${env.DATABASE_PORT}/${encodeURIComponent(env.DATABASE_NAME)}`);
    url.username = env.DATABASE_USERNAME;
    url.password = env.DATABASE_PASSWORD;
    return url.toString();
  };
  return {
    client: env.DATABASE_CLIENT,
    sqliteFile: path.resolve(cmsDir, env.DATABASE_FILENAME ?? '.tmp/data.db'),
    postgresUrl: env.DATABASE_CLIENT === 'postgres' ? postgresUrl() : '',
    // With S3 the files stay in the bucket (back it up with the storage's own versioning or replication).
    uploadsDir: env.UPLOAD_PROVIDER === 's3' ? null : path.join(path.resolve(cmsDir, env.PUBLIC_DIR), 'uploads'),
    encryptionKey: env.BACKUP_ENCRYPTION_KEY,
    backupDir: path.resolve(cmsDir, env.BACKUP_DIR),
  };
}
export type Storage = ReturnType<typeof configuredStorage>;

function run(command: string, args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(command, args, { cwd: cmsDir, env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 64 << 20 });
  if (result.error) throw new Error(`${command} could not run: ${result.error.message}`);
  if (result.status !== 0)
    throw new Error(`${command} ${args[0]} failed (exit ${result.status}): ${(result.stderr || result.stdout).slice(-600)}`);
  return result.stdout;
}

/** Strapi's transfer commands write a log into the app's folder: it belongs with the backup it concerns. */
function runTransfer(args: string[], dir: string, env: Record<string, string> = {}) {
  const started = Date.now();
  try {
    return run(process.execPath, [strapiBin(), ...args], env);
  } finally {
    for (const name of fs.readdirSync(cmsDir))
      if (/^(export|import)_\d+\.log$/.test(name) && fs.statSync(path.join(cmsDir, name)).mtimeMs >= started - 1_000) {
        try {
          fs.renameSync(path.join(cmsDir, name), path.join(dir, name));
        } catch {
          // a read-only backup folder: the log stays where Strapi wrote it
        }
      }
  }
}

function copyUploads(from: string | null, to: string | null) {
  if (!from || !to || !fs.existsSync(from)) return;
  fs.rmSync(to, { recursive: true, force: true });
  fs.cpSync(from, to, { recursive: true, preserveTimestamps: true });
}

// Strapi's export reads each table in pages (LIMIT/OFFSET) with no ORDER BY. PostgreSQL then owes no order, and
// on a large table its parallel and synchronised scans give each page another one: at 100,000 articles the
// archive held 200,031 rows but only 122,308 distinct ones, the rest lost. Without either kind of scan a table
// that nobody writes is read in one order, page after page (checked at that size: every row once).
const STABLE_SCANS = [process.env.PGOPTIONS, '-c max_parallel_workers_per_gather=0 -c synchronize_seqscans=off'].filter(Boolean).join(' ');

const archiveOf = (dir: string, encrypted: boolean) => path.join(dir, encrypted ? 'export.tar.gz.enc' : 'export.tar.gz');
const strapiBin = () => path.join(path.dirname(require.resolve('@strapi/strapi/package.json', { paths: [cmsDir] })), 'bin', 'strapi.js');

/** Writes a backup of `storage` into `dir` (which must not exist yet). */
export async function backup(method: Method, storage: Storage, dir: string, knex: Knex) {
  fs.mkdirSync(dir, { recursive: true });
  if (method === 'sqlite') {
    const source = new Database(storage.sqliteFile, { readonly: true, fileMustExist: true });
    try {
      await source.backup(path.join(dir, 'database.sqlite'));
    } finally {
      source.close();
    }
    copyUploads(storage.uploadsDir, path.join(dir, 'uploads'));
  } else if (method === 'postgres') {
    run('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', `--file=${path.join(dir, 'database.dump')}`, storage.postgresUrl]);
    copyUploads(storage.uploadsDir, path.join(dir, 'uploads'));
  } else {
    const encrypted = Boolean(storage.encryptionKey);
    const file = archiveOf(dir, encrypted).replace(/\.tar\.gz(\.enc)?$/, '');
    const key = encrypted ? ['--key', storage.encryptionKey as string] : ['--no-encrypt'];
    runTransfer(['export', ...key, '--file', file], dir, storage.client === 'postgres' ? { PGOPTIONS: STABLE_SCANS } : {});
    await checkArchive(
      archiveOf(dir, encrypted),
      storage.encryptionKey,
      'Run the backup again while nobody edits, or use the database method (sqlite or postgres) for this database.',
    );
    const tables: Record<string, unknown[]> = {};
    for (const table of EXTRA_TABLES) if (await knex.schema.hasTable(table)) tables[table] = await knex(table).select();
    fs.writeFileSync(path.join(dir, 'extra-tables.json'), JSON.stringify(tables));
  }
}

/** Whether the configured database already holds a Strapi install (a restore over it needs --force). */
export async function holdsData(storage: Storage) {
  if (storage.client === 'sqlite') return fs.existsSync(storage.sqliteFile) && fs.statSync(storage.sqliteFile).size > 0;
  const client = new Client({ connectionString: storage.postgresUrl });
  try {
    await client.connect();
  } catch (error) {
    if ((error as { code?: string }).code === '3D000') return false; // no such database yet
    throw error;
  }
  try {
    return (await client.query("SELECT 1 FROM information_schema.tables WHERE table_name = 'strapi_migrations'")).rowCount! > 0;
  } finally {
    await client.end();
  }
}

async function ensurePostgresDatabase(url: string) {
  const server = new URL(url);
  const name = decodeURIComponent(server.pathname.slice(1));
  server.pathname = '/postgres';
  const client = new Client({ connectionString: server.toString() });
  await client.connect();
  try {
    if ((await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 0)
      await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}

/** Puts the backup in `dir` into `storage`'s database and uploads. The CMS nodes must be stopped. */
export async function restoreFiles(method: Method, storage: Storage, dir: string) {
  if (method === 'sqlite') {
    if (storage.client !== 'sqlite')
      throw new Error('an SQLite backup restores into SQLite: set DATABASE_CLIENT=sqlite, or use the strapi method');
    fs.mkdirSync(path.dirname(storage.sqliteFile), { recursive: true });
    const staged = `${storage.sqliteFile}.restoring`;
    fs.copyFileSync(path.join(dir, 'database.sqlite'), staged);
    for (const suffix of ['-wal', '-shm', '-journal']) fs.rmSync(`${storage.sqliteFile}${suffix}`, { force: true });
    fs.renameSync(staged, storage.sqliteFile);
    copyUploads(path.join(dir, 'uploads'), storage.uploadsDir);
  } else if (method === 'postgres') {
    if (storage.client !== 'postgres')
      throw new Error('a pg_dump backup restores into PostgreSQL: set DATABASE_CLIENT=postgres, or use the strapi method');
    await ensurePostgresDatabase(storage.postgresUrl);
    const file = path.join(dir, 'database.dump');
    run('pg_restore', [
      '--clean',
      '--if-exists',
      '--no-owner',
      '--no-privileges',
      '--single-transaction',
      `--dbname=${storage.postgresUrl}`,
      file,
    ]);
    copyUploads(path.join(dir, 'uploads'), storage.uploadsDir);
  } else {
    if (storage.client === 'postgres') await ensurePostgresDatabase(storage.postgresUrl);
    const encrypted = fs.existsSync(archiveOf(dir, true));
    if (encrypted && !storage.encryptionKey)
      throw new Error('the archive is encrypted: set BACKUP_ENCRYPTION_KEY to the key it was made with');
    const archive = archiveOf(dir, encrypted);
    const key = encrypted ? storage.encryptionKey : undefined; // a key set for new backups does not open an unencrypted one
    // Before the target is touched: an archive made without the export's stable scans may have lost rows.
    await checkArchive(archive, key, 'Nothing was restored: restore an earlier backup.');
    // Strapi boots on the target to import into it: it must not seed demo content there first.
    runTransfer(['import', '--force', ...(key ? ['--key', key] : []), '--file', archive], dir, { SEED_DEMO_CONTENT: 'false' });
  }
}

/** What the strapi method restores once Strapi runs on the imported database: the tables it carries beside. */
export async function restoreExtraTables(dir: string, knex: Knex) {
  const file = path.join(dir, 'extra-tables.json');
  if (!fs.existsSync(file)) return;
  const tables = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, Record<string, unknown>[]>;
  await knex.transaction(async (trx) => {
    for (const [table, rows] of Object.entries(tables)) {
      if (!(await trx.schema.hasTable(table))) continue;
      await trx(table).del();
      // Serial ids are left to the target database, so its sequences stay ahead of the rows.
      const copies = rows.map(({ id: _id, ...row }) => row);
      for (let i = 0; i < copies.length; i += 200) await trx(table).insert(copies.slice(i, i + 200));
    }
  });
}
