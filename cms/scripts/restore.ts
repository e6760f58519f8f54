#!/usr/bin/env node
// npm run restore -- --from DIR [--force] [--no-verify]
// Restores a backup made by `npm run backup` into the configured database and uploads (stop every CMS node
// first), then checks the result against the backup's inventory: exit 0 only when nothing was lost.
import fs from 'fs';
import path from 'path';
import { parseArgs } from 'util';
import { compareInventories, takeInventory, type Inventory } from '../src/backup/inventory';
import { configuredStorage, holdsData, restoreExtraTables, restoreFiles, type Method } from '../src/backup/methods';
import { searchIndexer } from '../src/search';
import { runWithStrapi } from './lib/run-with-strapi';

const { values } = parseArgs({
  options: { from: { type: 'string' }, force: { type: 'boolean', default: false }, 'no-verify': { type: 'boolean', default: false } },
});
if (!values.from) {
  console.error('usage: npm run restore -- --from DIR [--force] [--no-verify]');
  process.exit(2);
}
const dir = path.resolve(values.from);
const manifestFile = path.join(dir, 'manifest.json');
if (!fs.existsSync(manifestFile)) {
  console.error(`${dir} is not a backup (no manifest.json)`);
  process.exit(2);
}
const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as { method: Method; createdAt: string };
const storage = configuredStorage();
// The restored database has its own record of having been seeded; nothing is added to it.
process.env.SEED_DEMO_CONTENT = 'false';

(async () => {
  if (!values.force && (await holdsData(storage))) {
    console.error(`The ${storage.client} database already holds a Strapi install: add --force to replace it with the backup`);
    process.exit(2);
  }
  const started = Date.now();
  await restoreFiles(manifest.method, storage, dir);
  const restoredIn = (Date.now() - started) / 1000;

  runWithStrapi(async (strapi) => {
    if (manifest.method === 'strapi') {
      await restoreExtraTables(dir, strapi.db.connection);
      // The index lives in tables of our own, which a Strapi export does not carry.
      await searchIndexer(strapi).rebuild();
    }
    console.log(
      `Restored the ${manifest.method} backup of ${manifest.createdAt} in ${((Date.now() - started) / 1000).toFixed(1)} s (data ${restoredIn.toFixed(1)} s).`,
    );
    if (values['no-verify']) return;
    const expected = JSON.parse(fs.readFileSync(path.join(dir, 'inventory.json'), 'utf8')) as Inventory;
    const problems = compareInventories(expected, await takeInventory(strapi));
    if (problems.length > 0) {
      // Entries edited while the backup ran can differ too: the backup holds them as of its own moment.
      throw new Error(`The restored database differs from the backup's inventory:\n  ${problems.join('\n  ')}`);
    }
    const total = Object.values(expected.summary).reduce((sum, { entries }) => sum + entries, 0);
    console.log(
      `Verified: all ${total} entries and files of the backup's ${Object.keys(expected.summary).length} types are back, unchanged.`,
    );
  });
})().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
