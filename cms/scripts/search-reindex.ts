#!/usr/bin/env node
// npm run search:reindex
// Rebuilds the full-text search index from the published articles of the configured database.
import { searchIndexer } from '../src/search';
import { progressBar, runWithStrapi } from './lib/run-with-strapi';

runWithStrapi(async (strapi) => {
  const bar = progressBar();
  const started = Date.now();
  try {
    const indexed = await searchIndexer(strapi).rebuild((done, total) => (done === 0 ? bar.start(total, 0) : bar.update(done)));
    bar.stop();
    console.log(`Indexed ${indexed} published articles in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  } finally {
    bar.stop();
  }
});
