#!/usr/bin/env node
// npm run backup -- [--method sqlite|postgres|strapi] [--out DIR]
// Backs up the configured database and uploads into a new folder, with an inventory of everything in it
// that `npm run restore` checks the restored database against. Safe while the CMS runs.
import fs from 'fs';
import path from 'path';
import { parseArgs } from 'util';
import { takeInventory } from '../src/backup/inventory';
import { backup, configuredStorage, METHODS, type Method } from '../src/backup/methods';
import { runWithStrapi } from './lib/run-with-strapi';

const { values } = parseArgs({ options: { method: { type: 'string' }, out: { type: 'string' } } });
const storage = configuredStorage();
const method = (values.method ?? storage.client) as Method;
if (!METHODS.includes(method) || (method !== 'strapi' && method !== storage.client)) {
  console.error(`usage: npm run backup -- [--method ${storage.client}|strapi] [--out DIR]   (the database is ${storage.client})`);
  process.exit(2);
}
const stamp = new Date().toISOString().replace(/[:.]/g, '-');
const dir = path.resolve(values.out ?? path.join(storage.backupDir, `${stamp}-${method}`));
if (fs.existsSync(dir) && fs.readdirSync(dir).length > 0) {
  console.error(`${dir} already holds files: back up into a new folder`);
  process.exit(2);
}

runWithStrapi(async (strapi) => {
  const started = Date.now();
  const inventory = await takeInventory(strapi);
  await backup(method, storage, dir, strapi.db.connection);
  fs.writeFileSync(path.join(dir, 'inventory.json'), JSON.stringify(inventory));
  const manifest = {
    format: 1,
    method,
    database: storage.client,
    strapi: strapi.config.get('info.strapi'),
    createdAt: new Date(started).toISOString(),
    uploads: storage.uploadsDir ? 'included' : 'in the S3 bucket (not copied)',
    contents: inventory.summary,
  };
  fs.writeFileSync(path.join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  const counts = Object.entries(inventory.summary).map(([uid, { entries }]) => `${uid.split('.').pop()} ${entries}`);
  console.log(`Backed up (${method}) into ${dir} in ${((Date.now() - started) / 1000).toFixed(1)} s: ${counts.join(', ')}.`);
});
