#!/usr/bin/env node
// First-load weight of every page type, in Chromium on a fresh context (no cache), beside an empty page of
// the same build (/baseline: the framework's own JavaScript). Bytes are what crossed the wire, request by
// request (Playwright's request.sizes(): encoded body, i.e. gzipped as `next start` sends it), counted
// until the network is idle. Then the article page's JavaScript that the empty page does not load is listed
// chunk by chunk, with the source modules in each (from `next analyze` of the same sources).
// Usage: npm run bench:weight [-- --no-modules]
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { startSystem } from './lib/system.mjs';
import { flag, kb, markdownTable } from './lib/report.mjs';

const require = createRequire(import.meta.url);
const { launchBrowser } = require('../e2e/helpers/browser.js');
const root = path.resolve(import.meta.dirname, '..');
const GOAL_KB = 20; // the article page's own gzipped JavaScript beyond the framework's baseline
const PAGES = [
  ['home', '/'],
  ['article', '/articles/council-approves-night-ferry-trial'],
  ['series', '/series/the-tideline-question'],
  ['author', '/authors/mara-okafor'],
  ['section', '/sections/city'],
  ['tag', '/tags/harbour'],
  ['search', '/search?q=ferry'],
  ['legal', '/privacy'],
  ['404', '/no-such-page'],
];
const ARTICLE_ROUTE = '/[locale]/articles/[slug]';
// Lighthouse's mobile screen, so the responsive images chosen match bench:lighthouse.
const PHONE = { viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true };

async function weigh(browser, url) {
  const context = await browser.newContext(PHONE);
  const page = await context.newPage();
  const pending = [];
  page.on('requestfinished', (request) =>
    pending.push(
      request.sizes().then((sizes) => ({
        url: request.url(),
        type: request.resourceType(),
        body: sizes.responseBodySize,
        headers: sizes.responseHeadersSize,
      })),
    ),
  );
  const response = await page.goto(url, { waitUntil: 'load' });
  await page.waitForLoadState('networkidle');
  const resources = await Promise.all(pending);
  await context.close();
  const scripts = resources.filter((r) => r.type === 'script');
  return {
    status: response.status(),
    scripts: new Map(scripts.map((s) => [new URL(s.url).pathname, s.body])),
    js: scripts.reduce((sum, s) => sum + s.body, 0),
    total: resources.reduce((sum, r) => sum + r.body + r.headers, 0),
    requests: resources.length,
  };
}

/**
 * Which source modules each client chunk of the article route holds, from `next analyze` of the same sources.
 * The analyser names its chunks differently from `next build`, so they are paired through what loads them:
 * each client module's chunk list in the build's client-reference manifest beside the analyser's chunk group
 * for the same module (and the bootstrap group beside the build manifest's root files).
 */
function analyzeArticleChunks() {
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
  const web = path.join(root, 'web');
  console.error('Analysing the build (next analyze -o)...');
  const analyze = spawnSync('npx', ['next', 'analyze', '-o'], { cwd: web, env, encoding: 'utf8' });
  if (analyze.status !== 0) return { error: `next analyze failed: ${analyze.stderr.slice(-2000)}` };
  const exported = spawnSync('npx', ['next', 'analyze', 'export', '--route', ARTICLE_ROUTE], {
    cwd: web,
    env,
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
  });
  if (exported.status !== 0) return { error: `next analyze export failed: ${exported.stderr.slice(-2000)}` };
  const records = exported.stdout
    .split('\n')
    .filter((line) => /^\{"type":"(part|group|module)"/.test(line))
    .map((line) => JSON.parse(line));
  const js = (files) => files.filter((f) => f.endsWith('.js')).map((f) => f.replace(/^\[client-fs\]/, ''));

  require(path.join(web, '.next', 'server', 'app', ARTICLE_ROUTE, 'page_client-reference-manifest.js'));
  const built = globalThis.__RSC_MANIFEST[`${ARTICLE_ROUTE}/page`].clientModules;
  const rootFiles = require(path.join(web, '.next', 'build-manifest.json')).rootMainFiles.map((f) => `/_next/${f}`);
  const names = new Map(); // analyser's chunk name → the build's
  const pair = (analysed, real) => {
    if (analysed.length !== real.length) return;
    analysed.forEach((name, i) => names.set(name, real[i]));
  };
  for (const group of records.filter((r) => r.type === 'group')) {
    if (group.kind === 'bootstrap') pair(js(group.outputs), rootFiles);
    const [, modulePath] = group.trigger_module_ident.match(/^(\S+) \[app-client\]/) ?? [];
    if (modulePath && built[modulePath]) pair(js(group.outputs), built[modulePath].chunks);
  }

  const chunks = new Map();
  for (const part of records.filter((r) => r.type === 'part' && r.filename.startsWith('[client-fs]'))) {
    const file = names.get(part.filename.replace('[client-fs]', ''));
    if (!file) continue;
    if (!chunks.has(file)) chunks.set(file, []);
    chunks.get(file).push({ source: part.source_path.replace('[project]/', ''), gz: part.compressed_size });
  }
  // Which of our modules import each package or file directly: where to cut. Client modules count for all
  // they import; server components only for the client components they render (the client boundaries).
  const modules = records.filter((r) => r.type === 'module');
  const boundaries = new Set(modules.filter((m) => m.ident.includes('(client reference proxy)')).map((m) => m.path));
  const importers = new Map();
  for (const module of modules.filter((m) => m.ident.startsWith('[project]/web/'))) {
    const client = module.ident.includes('[app-client]');
    if (!client && !module.ident.includes('[app-rsc]')) continue;
    for (const dependency of module.dependencies.sync) {
      const dependencyPath = dependency.replace(/ \[.*$/, '');
      const name = owner(dependencyPath.replace('[project]/', ''));
      if (name === 'react' || name === 'next (other)' || dependencyPath === module.path) continue;
      if (!client && !boundaries.has(dependencyPath) && name !== 'next/link' && name !== 'next/image') continue;
      if (!importers.has(name)) importers.set(name, new Set());
      importers.get(name).add(`${module.path.replace('[project]/', '')}${client ? '' : ' (server)'}`);
    }
  }
  return { chunks, importers };
}

/**
 * Who a source belongs to: our own files by path, packages by name (`node_modules/swr/dist/...` → `swr`), and
 * Next's client code by the feature that pulls it in (next/image, next/link; React as react), the rest as
 * `next (other)`.
 */
function owner(source) {
  const match = source.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/g);
  if (!match) return source;
  const name = match.at(-1).replace('node_modules/', '');
  if (name !== 'next') return name;
  if (/next\/dist\/compiled\/(react|scheduler)/.test(source)) return 'react';
  if (/image|img|\/head\.js|side-effect|find-closest-quality/.test(source)) return 'next/image';
  if (/link|format-url|use-merged-ref|is-local-url|shared\/lib\/utils\.js/.test(source)) return 'next/link';
  return 'next (other)';
}

const list = (items, shown = 4) => items.slice(0, shown).join(', ') + (items.length > shown ? ` and ${items.length - shown} more` : '');

const system = await startSystem({ cmsPort: 1422, webPort: 3122 });
const browser = await launchBrowser();
try {
  const baseline = await weigh(browser, `${system.web}/baseline`);
  if (baseline.status !== 200) throw new Error(`/baseline answered ${baseline.status}`);
  const results = [];
  for (const [type, pagePath] of PAGES) {
    await fetch(`${system.web}${pagePath}`); // render once, so every page is weighed as a cached page
    results.push({ type, pagePath, ...(await weigh(browser, `${system.web}${pagePath}`)) });
  }

  const beyond = (result) => [...result.scripts].filter(([url]) => !baseline.scripts.has(url));
  const rows = [
    {
      page: 'baseline (empty page)',
      path: '/baseline',
      status: 200,
      'JS gz KB': kb(baseline.js),
      'beyond baseline KB': 0,
      'total KB': kb(baseline.total),
      requests: baseline.requests,
    },
    ...results.map((r) => {
      const own = beyond(r).reduce((sum, [, bytes]) => sum + bytes, 0);
      const verdict = kb(own) <= GOAL_KB ? `✅ within ${GOAL_KB} KB` : `❌ ${kb(own - GOAL_KB * 1024)} KB over ${GOAL_KB} KB`;
      return {
        page: r.type,
        path: r.pagePath,
        status: r.status,
        'JS gz KB': kb(r.js),
        'beyond baseline KB': kb(own),
        'total KB': kb(r.total),
        requests: r.requests,
        goal: r.type === 'article' ? verdict : '',
      };
    }),
  ];
  console.log('\n## First-load page weight (Chromium, fresh context, 412×823 phone screen, until network idle)\n');
  console.log(markdownTable(rows, ['page', 'path', 'status', 'JS gz KB', 'beyond baseline KB', 'total KB', 'requests', 'goal']));
  console.log(`
JS gz KB: JavaScript bodies as transferred (gzip from next start). Beyond baseline: the JavaScript files the
page loads that the empty page of the same build (/baseline) does not, i.e. our own code and the framework
features it pulls in; the goal for the article page is at most ${GOAL_KB} KB. Total KB: every response (headers
and bodies, images included) until the network is idle.`);

  const article = results.find((r) => r.type === 'article');
  const extra = beyond(article).sort((a, b) => b[1] - a[1]);
  const analysis = flag('no-modules') ? { error: 'skipped (--no-modules)' } : analyzeArticleChunks();
  console.log('\n## Article page JavaScript not in the baseline, largest first\n');
  const chunkRows = [];
  const byOwner = new Map();
  let unmatched = 0;
  for (const [url, bytes] of extra) {
    const parts = analysis.chunks?.get(url);
    if (!parts) unmatched++;
    const owners = new Map();
    for (const part of parts ?? []) {
      const name = owner(part.source);
      owners.set(name, (owners.get(name) ?? 0) + part.gz);
      byOwner.set(name, (byOwner.get(name) ?? 0) + part.gz);
    }
    const top = [...owners].sort((a, b) => b[1] - a[1]).slice(0, 6);
    chunkRows.push({
      chunk: url,
      'gz KB': kb(bytes),
      'biggest sources (≈ gz KB each)': parts ? top.map(([name, gz]) => `${name} ${kb(gz)}`).join(', ') : '(not in the analysis)',
    });
  }
  console.log(markdownTable(chunkRows));
  if (analysis.error) console.log(`\nSource modules: ${analysis.error}`);
  else if (unmatched > 0)
    console.log(`\n${unmatched} chunk(s) could not be paired with \`next analyze\`'s output (did the sources change after the build?).`);
  if (byOwner.size > 0) {
    console.log('\n### Where those bytes come from (per source, each module gzipped on its own, so only ≈)\n');
    const sources = [...byOwner].sort((a, b) => b[1] - a[1]).slice(0, 25);
    console.log(
      markdownTable(
        sources.map(([source, gz]) => ({
          source,
          '≈ gz KB': kb(gz),
          'imported directly by': list([...(analysis.importers.get(source) ?? [])]),
        })),
      ),
    );
  }
  console.log(`
Reproduce: npm run bench:weight (builds and starts the system on a fresh seeded database; add --no-modules to
skip \`next analyze\`). The byte counts are deterministic for a given build; only the analysis takes time.`);
} finally {
  await browser.close();
  await system.stop();
}
