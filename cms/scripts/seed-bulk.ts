#!/usr/bin/env node
// npm run seed:bulk -- --articles 100000
// Adds N synthetic published articles to the configured database (SQLite by default), for benchmarks.
import { parseArgs } from 'node:util';
import { seedBulkArticles } from '../src/seed/bulk';
import { progressBar, runWithStrapi } from './lib/run-with-strapi';

const { values } = parseArgs({ options: { articles: { type: 'string', default: '1000' } } });
const articles = Number(values.articles);
if (!Number.isInteger(articles) || articles < 1 || articles > 5_000_000) {
  console.error('usage: npm run seed:bulk -- --articles N   (1 <= N <= 5,000,000)');
  process.exit(2);
}

runWithStrapi(async (strapi) => {
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
