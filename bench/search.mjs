#!/usr/bin/env node
// Search latency at 1,000 and 100,000 articles on SQLite and PostgreSQL, beside a `$containsi` filter
// over title and standfirst measured in the same run (the REST API cannot filter a dynamic-zone body,
// so the baseline does less work than a real search would need).
// Usage: npm run bench:search [-- --databases sqlite,postgres --sizes 1000,100000 --runs 50]
import { createBenchCms, measure } from './lib/cms.mjs';
import { option as arg } from './lib/report.mjs';
const databases = arg('databases', 'sqlite,postgres').split(',');
const sizes = arg('sizes', '1000,100000').split(',').map(Number);
const runs = Number(arg('runs', 50));
const SEEDED = 14; // the demo seed's published articles (13 English, 1 Chinese)

// Words of the synthetic articles' vocabulary (cms/src/seed/bulk.ts).
const KINDS = [
  { kind: 'common word', q: 'council', text: 'council' },
  { kind: 'two words', q: 'cargo levy', text: 'cargo levy' },
  { kind: 'phrase', q: '"tidal barrier study"', text: 'tidal barrier study' },
  { kind: 'prefix (typing)', q: 'dredg', text: 'dredg' },
  { kind: 'word + section', q: 'ferry', text: 'ferry', section: 'economy' },
];

const rows = [];
for (const database of databases) {
  const cms = await createBenchCms({ database, port: 1398 });
  try {
    let articles = SEEDED;
    await cms.start(); // seeds the demo outlet
    for (const size of sizes) {
      await cms.stop();
      console.error(`${database}: growing to ${size} articles...`);
      await cms.addArticles(size - articles);
      articles = size;
      await cms.start();
      for (const { kind, q, text, section } of KINDS) {
        const search = new URLSearchParams({ q, pageSize: '10', ...(section ? { section } : {}) });
        const baseline = new URLSearchParams({
          'filters[$or][0][title][$containsi]': text,
          'filters[$or][1][standfirst][$containsi]': text,
          ...(section ? { 'filters[section][slug][$eq]': section } : {}),
          'fields[0]': 'title',
          'fields[1]': 'slug',
          'fields[2]': 'standfirst',
          sort: 'firstPublishedAt:desc',
          'pagination[pageSize]': '10',
        });
        const fts = await measure(`${cms.url}/api/search?${search}`, runs);
        const scan = await measure(`${cms.url}/api/articles?${baseline}`, runs);
        rows.push({
          database,
          articles: size,
          query: kind,
          'search p50 ms': +fts.p50.toFixed(1),
          'search p95 ms': +fts.p95.toFixed(1),
          '$containsi p50 ms': +scan.p50.toFixed(1),
          '$containsi p95 ms': +scan.p95.toFixed(1),
          'speed-up (p95)': +(scan.p95 / fts.p95).toFixed(1),
        });
      }
    }
  } finally {
    await cms.cleanup();
  }
}
console.log(`\nSearch latency, ${runs} requests per cell (goal: p95 < 50 ms and >= 10x the baseline at 100,000)`);
console.table(rows);
