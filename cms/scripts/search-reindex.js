#!/usr/bin/env node
// npm run search:reindex
// Rebuilds the full-text search index from the published articles of the configured database.
const path = require('path');
const { SingleBar, Presets } = require('cli-progress');

(async () => {
  process.env.STRAPI_TELEMETRY_DISABLED = 'true';
  process.env.LOG_LEVEL = process.env.LOG_LEVEL || 'warn';
  const appDir = path.resolve(__dirname, '..');
  const { createStrapi } = require('@strapi/strapi');
  const strapi = await createStrapi({ appDir, distDir: path.join(appDir, 'dist') }).load();
  const { searchIndexer } = require('../dist/src/search');

  const bar = new SingleBar(
    { format: 'articles {bar} {value}/{total} | {percentage}% | {duration}s | eta {eta}s' },
    Presets.shades_classic,
  );
  const started = Date.now();
  let barStarted = false;
  try {
    const indexed = await searchIndexer(strapi).rebuild((done, total) => {
      if (!barStarted) bar.start(total, 0);
      barStarted = true;
      bar.update(done);
    });
    bar.stop();
    const seconds = (Date.now() - started) / 1000;
    console.log(`Indexed ${indexed} published articles in ${seconds.toFixed(1)} s.`);
  } finally {
    bar.stop();
    await strapi.destroy();
  }
  process.exit(0);
})().catch((error) => {
  console.error(String(error.message || error).slice(-400));
  process.exit(1);
});
