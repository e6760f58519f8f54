#!/usr/bin/env node
// Lighthouse (12.8.2, Node API) on the home and article pages, mobile (default config: simulated slow 4G and
// a 4× slower CPU) and desktop, against the system started locally; nothing leaves the machine. Each
// page/form factor runs N times and the run with the median performance score is reported, with the
// performance audits that fell short in it and every accessibility, best-practice or SEO check failed in any run.
// With --edge, the pages are loaded through the edge of `npm run start:cluster` (started on ports of its own),
// over HTTPS and HTTP/2 as readers reach it when Hitch is installed (Chromium trusts that cluster's
// self-signed certificate by its key, and nothing else); --plain loads them over plain HTTP/1.1 instead.
// Usage: npm run bench:lighthouse [-- --runs 3 --pages home,article --edge [--plain]]
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import crypto from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { get, startSystem, warm } from './lib/system.mjs';
import { flag, markdownTable, option } from './lib/report.mjs';

const require = createRequire(import.meta.url);
const { CHROMIUM, CHROMIUM_ARGS } = require('../e2e/helpers/browser.js');

const PAGES = { home: '/', article: '/articles/council-approves-night-ferry-trial' };
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
const CONFIGS = { mobile: undefined, desktop: desktopConfig };
const pages = option('pages', 'home,article').split(',');
const runs = Number(option('runs', 3));

/** The first few things an audit points at (element, console message, file), so the table says where to look. */
function detail(audit) {
  let items = audit.details?.items ?? [];
  if (audit.details?.type === 'list') items = items.flatMap((item) => item.items ?? []);
  return items
    .slice(0, 2)
    .map((item) => {
      const where = item.sourceLocation?.url ? ` at ${item.sourceLocation.url}` : '';
      const what = item.node?.snippet ?? (item.description ? `${item.description}${where}` : (item.url ?? item.source ?? ''));
      const text = typeof what === 'string' ? what.replaceAll(/https?:\/\/(127\.0\.0\.1|localhost):\d+/g, '') : '';
      const saving = item.wastedBytes ? ` (${Math.round(item.wastedBytes / 1024)} KiB)` : '';
      return text ? `${text.slice(0, 110)}${text.length > 110 ? '…' : ''}${saving}` : '';
    })
    .filter(Boolean)
    .join('; ');
}

/**
 * Asks once for every optimised image a page references, in every width of its srcset, as Chromium asks
 * (AVIF/WebP accepted): readers find them made and cached, so the runs measure the page, not the optimiser's
 * first encoding of each image.
 */
async function warmImages(url, ca) {
  const html = (await get(url, { ca })).body;
  const images = new Set(
    [...html.matchAll(/(?:src|srcSet|srcset)="([^"]+)"/g)]
      .flatMap((match) => match[1].split(','))
      .map((candidate) => candidate.trim().split(' ')[0].replaceAll('&amp;', '&'))
      .filter((src) => src.startsWith('/_next/image')),
  );
  const accept = 'image/avif,image/webp,image/apng,image/svg+xml,image/*,*/*;q=0.8';
  for (const src of images) await get(new URL(src, url).toString(), { headers: { Accept: accept }, ca });
}

/** Where the median run's LCP went: its element and the time in each phase (TTFB, load delay, load, render delay). */
function lcpPhases(lhr) {
  const items = lhr.audits['largest-contentful-paint-element']?.details?.items ?? [];
  const element = items[0]?.items?.[0]?.node?.snippet ?? '';
  const phases = (items[1]?.items ?? []).map((item) => `${item.phase} ${Math.round(item.timing)}`).join(', ');
  return `${element.slice(0, 80)} ${phases}`.trim();
}

/** Audits that lost points: failed a11y/best-practices/SEO checks, scored metrics below 0.9, diagnostics. */
function shortfalls(lhr, category) {
  return lhr.categories[category].auditRefs
    .map((ref) => ({ ref, audit: lhr.audits[ref.id] }))
    .filter(({ ref, audit }) => {
      if (ref.group === 'hidden' || audit.score === null || ['informative', 'manual', 'notApplicable'].includes(audit.scoreDisplayMode))
        return false;
      if (category !== 'performance') return ref.weight > 0 && audit.score < 1;
      return ref.group === 'metrics' ? ref.weight > 0 && audit.score < 0.9 : audit.score < 1;
    })
    .map(({ audit }) => ({ id: audit.id, title: audit.title, value: audit.displayValue ?? '', 'where (first items)': detail(audit) }));
}

/** The cluster's edge in place of the web app: `web` is where pages are loaded. */
async function startCluster() {
  const { createCluster } = require('../e2e/helpers/cluster.js');
  const cluster = createCluster({
    edgePort: 8126,
    edgeApiPort: 8127,
    edgeTlsPort: 8128,
    webPorts: [3126, 3127],
    cmsPorts: [1426, 1427],
    s3Port: 4526,
  });
  console.error('Starting the cluster (npm run start:cluster)...');
  const running = cluster.start();
  const stop = async () => {
    await running.stop();
    cluster.cleanup();
  };
  try {
    await running.ready;
  } catch (error) {
    await stop();
    throw error;
  }
  if (flag('plain') || !fs.existsSync(cluster.certificate)) {
    if (!flag('plain')) console.error('Hitch is not installed: measuring the edge over plain HTTP/1.1.');
    return { web: cluster.site, stop };
  }
  const ca = fs.readFileSync(cluster.certificate);
  const spki = crypto.createHash('sha256').update(new crypto.X509Certificate(ca).publicKey.export({ type: 'spki', format: 'der' }));
  return { web: cluster.https, ca, chromeFlags: [`--ignore-certificate-errors-spki-list=${spki.digest('base64')}`], stop };
}

const system = flag('edge') ? await startCluster() : await startSystem({ cmsPort: 1423, webPort: 3123 });
let chrome;
try {
  for (const name of pages) {
    if (!(await warm(`${system.web}${PAGES[name]}`, { ca: system.ca }))) throw new Error(`${PAGES[name]} is not cached`);
    await warmImages(`${system.web}${PAGES[name]}`, system.ca);
  }
  chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: [...CHROMIUM_ARGS, ...(system.chromeFlags ?? [])] });
  const rows = [];
  const failing = [];
  let version = '';
  for (const name of pages) {
    for (const [formFactor, config] of Object.entries(CONFIGS)) {
      const results = [];
      for (let i = 1; i <= runs; i++) {
        console.error(`Lighthouse ${formFactor} ${name}, run ${i}/${runs}...`);
        const result = await lighthouse(`${system.web}${PAGES[name]}`, { port: chrome.port, logLevel: 'error', output: 'json' }, config);
        if (result.lhr.runtimeError) throw new Error(`${name}: ${result.lhr.runtimeError.message}`);
        results.push(result.lhr);
      }
      results.sort((a, b) => a.categories.performance.score - b.categories.performance.score);
      const lhr = results[Math.floor(results.length / 2)];
      version = lhr.lighthouseVersion;
      const score = (category) => Math.round(lhr.categories[category].score * 100);
      rows.push({
        page: name,
        'form factor': formFactor,
        performance: score('performance'),
        'perf (all runs)': results.map((r) => Math.round(r.categories.performance.score * 100)).join(' '),
        accessibility: score('accessibility'),
        'best practices': score('best-practices'),
        seo: score('seo'),
        'LCP ms': Math.round(lhr.audits['largest-contentful-paint'].numericValue),
        CLS: +lhr.audits['cumulative-layout-shift'].numericValue.toFixed(3),
        'TBT ms': Math.round(lhr.audits['total-blocking-time'].numericValue),
        'LCP element and phases (ms)': lcpPhases(lhr),
      });
      for (const audit of shortfalls(lhr, 'performance')) {
        failing.push({ page: name, 'form factor': formFactor, category: 'performance', runs: 'median', ...audit });
      }
      // Accessibility, best practices and SEO should not depend on the run: report a check failed in any run.
      for (const category of CATEGORIES.filter((c) => c !== 'performance')) {
        const seen = new Map();
        for (const run of results) {
          for (const audit of shortfalls(run, category)) seen.set(audit.id, { audit, count: (seen.get(audit.id)?.count ?? 0) + 1 });
        }
        for (const { audit, count } of seen.values()) {
          failing.push({ page: name, 'form factor': formFactor, category, runs: `${count}/${runs}`, ...audit });
        }
      }
    }
  }
  console.log(`\n## Lighthouse ${version} (median of ${runs} run(s) by performance score)\n`);
  console.log(markdownTable(rows));
  console.log('\n### What fell short (performance: in the median run; the other categories: in any run)\n');
  console.log(failing.length > 0 ? markdownTable(failing) : 'Nothing: every scored audit passed.');
  console.log(`
Mobile is Lighthouse's default (Moto G Power screen, simulated slow 4G, 4× CPU slowdown); desktop is
lighthouse/core/config/desktop-config.js. ${flag('edge') ? `Loaded through the edge (npm run start:cluster) at ${system.web}. ` : ''}Performance on this shared 2-core
machine is noisy: compare runs made together. Reproduce: npm run bench:lighthouse [-- --runs 3 --pages home,article --edge [--plain]]`);
} finally {
  chrome?.kill();
  await system.stop();
}
