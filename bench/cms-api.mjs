#!/usr/bin/env node
// Strapi REST latency of the web site's two commonest requests, at 1,000 and 100,000 articles, on SQLite and
// PostgreSQL: one article by slug (`getArticle`) and the 20 newest articles (`getLatestArticles`), both
// without the total count (`pagination[withCount]=false`) as the site asks, a section's listing page (uncounted,
// one article more than shown), and the newest 20 with the count, as only the sitemaps still ask.
// The query objects are the site's own, read from web/lib/cms/queries.ts and stringified with qs as
// web/lib/cms/client.ts does; the parameters around them follow web/lib/cms/articles.ts. Requests are made
// without the web app's token: the public role reads the same published rows through the same code.
// Each size runs in its own CMS at the same time, and requests alternate between them, so that whatever
// else loads the machine weighs on both sides of the 100,000/1,000 ratio alike. Every by-slug request asks
// for a different article, sampled across the whole table.
// Usage: npm run bench:api [-- --databases sqlite,postgres --sizes 1000,100000 --runs 200 --connections 10]
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { createBenchCms, percentile } from './lib/cms.mjs';
import { markdownTable, option } from './lib/report.mjs';

const databases = option('databases', 'sqlite,postgres').split(',');
const sizes = option('sizes', '1000,100000').split(',').map(Number);
const runs = Number(option('runs', 200));
const connections = Number(option('connections', 10));
const WARM_UP = 20;
const SEEDED = 14; // the demo seed's published articles (13 English, 1 Chinese)
const FIRST_PORT = { sqlite: 1410, postgres: 1415 };

const root = path.resolve(import.meta.dirname, '..');
const requireFromWeb = createRequire(path.join(root, 'web', 'package.json'));
const qs = requireFromWeb('qs');
const ts = requireFromWeb('typescript');
const queriesSource = fs.readFileSync(path.join(root, 'web', 'lib', 'cms', 'queries.ts'), 'utf8');
const { outputText } = ts.transpileModule(queriesSource, { compilerOptions: { module: ts.ModuleKind.ESNext } });
const { ARTICLE, ARTICLE_SUMMARY, NEWEST_FIRST } = await import(`data:text/javascript,${encodeURIComponent(outputText)}`);

const stringify = (query) => qs.stringify(query, { encodeValuesOnly: true });
const newest = (pagination) => `/api/articles?${stringify({ ...ARTICLE_SUMMARY, locale: 'en', sort: NEWEST_FIRST, pagination })}`;
const QUERIES = {
  'article by slug': {
    path: (slug) =>
      `/api/articles?${stringify({ ...ARTICLE, locale: 'en', filters: { slug: { $eq: slug } }, pagination: { page: 1, pageSize: 1, withCount: false } })}`,
    check: (body) => body.data.length === 1,
  },
  'newest 20': { path: () => newest({ page: 1, pageSize: 20, withCount: false }), check: (body) => body.data.length === 20 },
  // A section page as web/lib/cms/articles.ts listArticles asks: uncounted, one more than shown.
  'section page (listings)': {
    path: (slug, cms) =>
      `/api/articles?${stringify({ ...ARTICLE_SUMMARY, locale: 'en', filters: { section: { documentId: { $eq: cms.section } } }, sort: NEWEST_FIRST, pagination: { start: 0, limit: 21, withCount: false } })}`,
    check: (body) => body.data.length === 21,
  },
  'newest 20 with count': { path: () => newest({ page: 1, pageSize: 20 }), check: (body) => body.data.length === 20 },
};

async function get(url, check) {
  const res = await fetch(url);
  const body = await res.json();
  if (!res.ok || !check(body)) throw new Error(`${url} answered ${res.status}: ${JSON.stringify(body).slice(0, 300)}`);
}

/** `count` published English slugs from random pages of the whole table, shuffled. */
async function sampleSlugs(base, count) {
  const pageSize = 100;
  const page = (n) =>
    fetch(`${base}/api/articles?${stringify({ locale: 'en', fields: ['slug'], sort: ['id:asc'], pagination: { page: n, pageSize } })}`);
  const { meta } = await (await page(1)).json();
  const pages = [...Array(meta.pagination.pageCount).keys()].map((i) => i + 1).sort(() => Math.random() - 0.5);
  const slugs = [];
  for (const n of pages.slice(0, Math.ceil((2 * count) / pageSize))) slugs.push(...(await (await page(n)).json()).data.map((a) => a.slug));
  slugs.sort(() => Math.random() - 0.5);
  return Array.from({ length: count }, (_, i) => slugs[i % slugs.length]);
}

/**
 * Sequential latency (one request at a time, alternating between the systems), then each system's
 * throughput with `connections` requests in flight.
 */
async function measure(systems, { path: pathFor, check }) {
  const times = systems.map(() => []);
  for (let i = 0; i < WARM_UP + runs; i++) {
    for (let k = 0; k < systems.length; k++) {
      const s = (i + k) % systems.length; // rotate who goes first
      const started = performance.now();
      await get(systems[s].url + pathFor(systems[s].slugs[i], systems[s]), check);
      if (i >= WARM_UP) times[s].push(performance.now() - started);
    }
  }
  const results = [];
  for (const [s, system] of systems.entries()) {
    const { url, slugs } = system;
    const total = Math.max(runs, 10 * connections);
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: connections }, async () => {
        while (next < total) await get(url + pathFor(slugs[WARM_UP + runs + next++], system), check);
      }),
    );
    const sorted = times[s].sort((a, b) => a - b);
    results.push({ p50: percentile(sorted, 50), p95: percentile(sorted, 95), rps: total / ((performance.now() - started) / 1000) });
  }
  return results;
}

const rows = [];
for (const database of databases) {
  const systems = [];
  try {
    for (const [i, size] of sizes.entries()) {
      const cms = await createBenchCms({ database, port: FIRST_PORT[database] + i });
      systems.push(cms);
      await cms.start(); // seeds the demo outlet
      await cms.stop();
      console.error(`${database}: growing to ${size} articles...`);
      await cms.addArticles(size - SEEDED);
      await cms.start();
      cms.slugs = await sampleSlugs(cms.url, WARM_UP + runs + Math.max(runs, 10 * connections));
      const city = await (
        await fetch(`${cms.url}/api/sections?${stringify({ locale: 'en', filters: { slug: { $eq: 'city' } }, fields: ['slug'] })}`)
      ).json();
      cms.section = city.data[0].documentId;
    }
    for (const [query, spec] of Object.entries(QUERIES)) {
      const results = await measure(systems, spec);
      for (const [i, { p50, p95, rps }] of results.entries()) {
        rows.push({
          database,
          articles: sizes[i],
          query,
          'p50 ms': +p50.toFixed(1),
          'p95 ms': +p95.toFixed(1),
          [`req/s (${connections} conn.)`]: Math.round(rps),
        });
      }
    }
  } finally {
    for (const cms of systems) await cms.cleanup();
  }
}

console.log(`\nStrapi REST latency, ${runs} sequential requests per cell after ${WARM_UP} warm-up requests\n`);
console.log(markdownTable(rows));

const [small, large] = [Math.min(...sizes), Math.max(...sizes)];
if (small !== large) {
  const ratios = [];
  for (const database of databases) {
    for (const query of Object.keys(QUERIES)) {
      const at = (size) => rows.find((row) => row.database === database && row.query === query && row.articles === size);
      const p50 = at(large)['p50 ms'] / at(small)['p50 ms'];
      const p95 = at(large)['p95 ms'] / at(small)['p95 ms'];
      ratios.push({
        database,
        query,
        'p50 ratio': +p50.toFixed(2),
        'p95 ratio': +p95.toFixed(2),
        'goal (<= 1.3)': p50 <= 1.3 && p95 <= 1.3 ? 'met' : 'missed',
      });
    }
  }
  console.log(`\n${large.toLocaleString('en')} / ${small.toLocaleString('en')} articles (goal: no more than 1.3x)\n`);
  console.log(markdownTable(ratios));
}
console.log(
  `\nReproduce: npm run bench:api -- --databases ${databases.join(',')} --sizes ${sizes.join(',')} --runs ${runs} --connections ${connections}`,
);
