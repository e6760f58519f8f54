#!/usr/bin/env node
// npm run seed:bulk -- --articles 100000
// Adds N synthetic published articles to the configured database (SQLite by default), for benchmarks.
const { runWithStrapi, progressBar } = require('./lib/run-with-strapi');

function parseArgs(argv) {
  const index = argv.indexOf('--articles');
  const articles = Number(index >= 0 ? argv[index + 1] : 1000);
  if (!Number.isInteger(articles) || articles < 1 || articles > 5_000_000) {
    console.error('usage: npm run seed:bulk -- --articles N   (1 <= N <= 5,000,000)');
    process.exit(2);
  }
  return { articles };
}

const { articles } = parseArgs(process.argv.slice(2));
runWithStrapi(async (strapi) => {
  const { seedBulkArticles } = require('../dist/src/seed/bulk');
  const bar = progressBar();
  const started = Date.now();
  bar.start(articles, 0);
  try {
    await seedBulkArticles(strapi, { articles, onProgress: (done) => bar.update(done) });
  } finally {
    bar.stop();
  }
  const seconds = (Date.now() - started) / 1000;
  console.log(`Added ${articles} published articles in ${seconds.toFixed(1)} s (${Math.round(articles / seconds)} per second).`);
});
