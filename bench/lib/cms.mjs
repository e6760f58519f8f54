// Runs the built CMS as its own process on a fresh database, for benchmarks: `strapi start` on a
// temporary SQLite file or a new PostgreSQL database, and `dist/scripts/seed-bulk.js` (npm run seed:bulk) to grow it between runs.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';

const root = path.resolve(import.meta.dirname, '..', '..');
const cmsDir = path.join(root, 'cms');
const require = createRequire(path.join(cmsDir, 'package.json'));

export const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

export async function createBenchCms({ database, port }) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-cms-'));
  fs.mkdirSync(path.join(tmp, 'public', 'uploads'), { recursive: true });
  const pg = { host: '127.0.0.1', port: 5432, user: process.env.PGUSER || 'postgres', password: process.env.PGPASSWORD || '' };
  const dbName = `newsroom_bench_${Date.now().toString(36)}`;
  const env = {
    ...process.env,
    NODE_ENV: 'production',
    PORT: String(port),
    LOG_LEVEL: 'warn',
    STRAPI_TELEMETRY_DISABLED: 'true',
    SERVE_ADMIN: 'false',
    PUBLIC_DIR: path.join(tmp, 'public'),
    WEB_API_TOKEN_FILE: path.join(tmp, 'web-api-token'),
    WEB_URL: 'http://127.0.0.1:9',
    ADMIN_EMAIL: 'bench@tidewater.test',
    ADMIN_PASSWORD: 'Bench-Passw0rd!',
  };
  if (database === 'postgres') {
    const { Client } = require('pg');
    const admin = new Client({ ...pg, database: 'postgres' });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${dbName}`);
    await admin.end();
    Object.assign(env, {
      DATABASE_CLIENT: 'postgres',
      DATABASE_HOST: pg.host,
      DATABASE_PORT: String(pg.port),
      DATABASE_NAME: dbName,
      DATABASE_USERNAME: pg.user,
      DATABASE_PASSWORD: pg.password,
    });
  } else {
    Object.assign(env, { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: path.join(tmp, 'data.db') });
  }

  let child = null;
  const url = `http://127.0.0.1:${port}`;
  const run = (args) =>
    new Promise((resolve, reject) => {
      const proc = spawn(process.execPath, args, { cwd: cmsDir, env, stdio: ['ignore', 'inherit', 'inherit'] });
      proc.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${args.join(' ')} exited with ${code}`))));
    });

  return {
    url,
    async start() {
      child = spawn(path.join(root, 'node_modules', '.bin', 'strapi'), ['start'], { cwd: cmsDir, env, stdio: 'ignore' });
      const deadline = Date.now() + 120_000;
      for (;;) {
        if (child.exitCode !== null) throw new Error(`the CMS exited with ${child.exitCode}`);
        if (Date.now() > deadline) throw new Error('the CMS did not start in 120 s');
        const up = await fetch(`${url}/_health`).then(
          (r) => r.ok,
          () => false,
        );
        if (up) return;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    },
    async stop() {
      if (!child || child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.on('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
    /** Adds synthetic published articles (the CMS must be stopped). */
    async addArticles(articles) {
      if (articles > 0) await run(['dist/scripts/seed-bulk.js', '--articles', String(articles)]);
    },
    async cleanup() {
      await this.stop();
      fs.rmSync(tmp, { recursive: true, force: true });
      if (database === 'postgres') {
        const { Client } = require('pg');
        const admin = new Client({ ...pg, database: 'postgres' });
        await admin.connect();
        await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
        await admin.end();
      }
    },
  };
}

/** Latency of a GET, `runs` times after a short warm-up: { p50, p95 } in milliseconds. */
export async function measure(url, runs = 50) {
  const times = [];
  for (let i = 0; i < runs + 5; i++) {
    const started = performance.now();
    const res = await fetch(url);
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`${url} answered ${res.status}`);
    if (i >= 5) times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}
