import fs from 'fs';
import os from 'os';
import path from 'path';
import crypto from 'crypto';
import { Client } from 'pg';
import supertest from 'supertest';
import type { Core, UID } from '@strapi/strapi';

const appDir = path.resolve(__dirname, '..', '..');
const EDITOR = { email: 'editor@tidewater.test', password: 'Test-Passw0rd!' };
export const database = (process.env.TEST_DATABASE || 'sqlite') as 'sqlite' | 'postgres';
const pgAdmin = {
  host: process.env.TEST_PG_HOST || '127.0.0.1',
  port: Number(process.env.TEST_PG_PORT || 5432),
  user: process.env.TEST_PG_USER || 'postgres',
  password: process.env.TEST_PG_PASSWORD || '',
};

export type TestCms = {
  strapi: Core.Strapi;
  api: ReturnType<typeof supertest>;
  tmp: string;
  /** The documentId of the entry with this slug (any status); throws when there is none. */
  idOf: (uid: UID.ContentType, slug: string) => Promise<string>;
  /** Signs in to the admin as the editor every boot creates: the header its API wants. */
  signIn: () => Promise<{ Authorization: string }>;
  stop: () => Promise<void>;
};

/**
 * Boots the real Strapi (compiled in dist/) on a fresh database: a temporary SQLite file, or a new
 * PostgreSQL database dropped afterwards. The admin panel is not served; everything else is as in
 * production, the demo seed included unless `seed: false`.
 */
export async function startCms({ seed = true, env = {} }: { seed?: boolean; env?: Record<string, string> } = {}): Promise<TestCms> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cms-test-'));
  const dbName = `newsroom_test_${crypto.randomBytes(4).toString('hex')}`;
  fs.mkdirSync(path.join(tmp, 'public', 'uploads'), { recursive: true });
  // Test files share the process: what one boot sets is undone when it stops.
  const savedEnv = { ...process.env };

  Object.assign(process.env, {
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.LOG_LEVEL || 'warn',
    STRAPI_TELEMETRY_DISABLED: 'true',
    SERVE_ADMIN: 'false',
    PUBLIC_DIR: path.join(tmp, 'public'),
    WEB_API_TOKEN_FILE: path.join(tmp, 'web-api-token'),
    SEED_DEMO_CONTENT: seed ? 'true' : 'false',
    ADMIN_EMAIL: EDITOR.email,
    ADMIN_PASSWORD: EDITOR.password,
    // No web app: nothing is delivered (tests of deliveries start a stand-in and set WEB_URL).
    WEB_URL: '',
    REVALIDATE_SECRET: 'test-revalidate-secret',
    // Tests ask far more than a reader would; the tests of the limits set their own.
    API_RATE_LIMIT: '1000000',
    API_TOKEN_RATE_LIMIT: '1000000',
    ...env,
  });
  if (database === 'postgres') {
    const admin = new Client({ ...pgAdmin, database: 'postgres' });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${dbName}`);
    await admin.end();
    Object.assign(process.env, {
      DATABASE_CLIENT: 'postgres',
      DATABASE_HOST: pgAdmin.host,
      DATABASE_PORT: String(pgAdmin.port),
      DATABASE_NAME: dbName,
      DATABASE_USERNAME: pgAdmin.user,
      DATABASE_PASSWORD: pgAdmin.password,
    });
  } else {
    Object.assign(process.env, { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: path.join(tmp, 'data.db') });
  }

  // Required lazily so the environment above is in place when Strapi reads its configuration.
  const { createStrapi } = require('@strapi/strapi');
  const strapi: Core.Strapi = await createStrapi({ appDir, distDir: path.join(appDir, 'dist') }).load();
  strapi.server.mount();

  const api = supertest(strapi.server.httpServer);
  return {
    strapi,
    api,
    tmp,
    async signIn() {
      const login = await api.post('/admin/login').send(EDITOR);
      if (login.status !== 200) throw new Error(`the admin login answered ${login.status}`);
      return { Authorization: `Bearer ${login.body.data.token}` };
    },
    async idOf(uid, slug) {
      const row = (await strapi.db.query(uid).findOne({ where: { slug }, select: ['documentId'] })) as { documentId: string } | null;
      if (!row) throw new Error(`No ${uid} with slug ${slug}`);
      return row.documentId;
    },
    async stop() {
      await strapi.destroy();
      if (database === 'postgres') {
        const admin = new Client({ ...pgAdmin, database: 'postgres' });
        await admin.connect();
        await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
        await admin.end();
      }
      fs.rmSync(tmp, { recursive: true, force: true });
      for (const key of Object.keys(process.env)) if (!(key in savedEnv)) delete process.env[key];
      Object.assign(process.env, savedEnv);
    },
  };
}
