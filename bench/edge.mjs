#!/usr/bin/env node
// The production shape under load, all in one run on this machine: `npm run start:cluster` (edge, two web
// nodes, two CMS nodes on PostgreSQL, Redis, S3) on ports and a database of its own, beside nginx serving
// the same bytes. Prints: a cached page through the edge vs nginx; one web node vs two behind the edge; the
// public API through the edge vs a CMS node; publish-to-live through the edge and on both nodes.
// Usage: npm run bench:edge [-- --duration 10s --warmup 3s --connections 20 --publishes 20]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { percentile } from './lib/cms.mjs';
import { loadTools } from './lib/load.mjs';
import { markdownTable, option } from './lib/report.mjs';

const require = createRequire(import.meta.url);
const { createCluster } = require('../e2e/helpers/cluster.js');
const { adminSession } = require('../e2e/helpers/http.js');

const duration = option('duration', '10s');
const warmup = option('warmup', '3s');
const connections = Number(option('connections', 20));
const publishes = Number(option('publishes', 20));
const ports = { nginx: 8122, nginxStatic: 8123 };
const { wrk, startNginx } = loadTools({ connections, duration, ports });
const ADMIN = { email: 'bench-edge@tidewater.test', password: 'Bench-Passw0rd!' };
const ARTICLE = '/articles/council-approves-night-ferry-trial';
const API =
  '/api/articles?filters[slug][$eq]=council-approves-night-ferry-trial&populate[authors][fields][0]=name&populate[section][fields][0]=name';
const ratio = (a, b) => +(a / b).toFixed(3);

const cluster = createCluster({
  edgePort: 8124,
  edgeApiPort: 8125,
  edgeTlsPort: 8129,
  webPorts: [3124, 3125],
  cmsPorts: [1424, 1425],
  s3Port: 4524,
  env: { ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password },
});
console.error('Starting the cluster (npm run start:cluster)...');
const running = cluster.start();
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-edge-'));
let stopNginx = async () => {};
const stop = async () => {
  await stopNginx();
  await running.stop();
  cluster.cleanup();
  fs.rmSync(tmp, { recursive: true, force: true });
};
process.once('SIGINT', () => stop().then(() => process.exit(130)));

/** wrk after an unmeasured warm-up; `headers` go with every request. */
function measure(url, headers = []) {
  wrk(url, warmup, headers);
  return wrk(url, duration, headers);
}

try {
  await running.ready;
  const edgeUrl = `${cluster.site}${ARTICLE}`;
  for (let i = 0; i < 3; i++) await (await fetch(edgeUrl, { headers: { 'Accept-Encoding': 'gzip' } })).arrayBuffer();
  const cached = await fetch(edgeUrl, { headers: { 'Accept-Encoding': 'gzip' } });
  if (cached.headers.get('x-cache') !== 'HIT') throw new Error(`${edgeUrl} is not served from the edge's cache`);
  const html = await cached.text();
  stopNginx = await startNginx(tmp, { [ARTICLE]: html });

  // 1. A cached page: the edge beside nginx with the same bytes; the nodes behind the edge, bypassing its
  // cache (it passes requests with credentials), one node directly.
  const edge = measure(edgeUrl);
  const nginxGzip = measure(`http://127.0.0.1:${ports.nginx}${ARTICLE}`);
  const nginxStatic = measure(`http://127.0.0.1:${ports.nginxStatic}${ARTICLE}`);
  const oneNode = measure(`${cluster.webNodes[0]}${ARTICLE}`);
  const twoNodes = measure(edgeUrl, ['Authorization: Bearer bench-bypass']);
  const row = (what, result, extra = {}) => ({
    what,
    'req/s': Math.round(result.rps),
    'p50 ms': result.p50,
    'p99 ms': result.p99,
    ...extra,
  });
  console.log(`\n## A cached article page (${Math.round(html.length / 102.4) / 10} KB), wrk -t2 -c${connections} -d${duration}, gzip\n`);
  console.log(
    markdownTable([
      row('edge (Varnish, cache hit)', edge),
      row('nginx, same bytes, gzip per response', nginxGzip),
      row('nginx, same bytes, pre-gzipped', nginxStatic),
      row('one web node, directly (ISR hit)', oneNode),
      row('two web nodes behind the edge, edge cache bypassed', twoNodes),
      { what: '**ratio edge / nginx pre-gzipped**', 'req/s': ratio(edge.rps, nginxStatic.rps) },
      { what: '**ratio edge / nginx gzip per response**', 'req/s': ratio(edge.rps, nginxGzip.rps) },
      { what: 'ratio two nodes / one node', 'req/s': ratio(twoNodes.rps, oneNode.rps) },
    ]),
  );

  // 2. The public API: a cached answer at the edge vs the same query to a CMS node.
  await fetch(`${cluster.api}${API}`);
  await fetch(`${cluster.api}${API}`);
  const apiEdge = measure(`${cluster.api}${API}`);
  const apiNode = measure(`${cluster.cmsNodes[0]}${API}`);
  console.log(`\n## The public API: GET /api/articles?filters[slug]...&populate (authors, section)\n`);
  console.log(
    markdownTable([
      row('edge (cache hit)', apiEdge),
      row('CMS node directly', apiNode),
      { what: '**ratio edge / CMS node**', 'req/s': ratio(apiEdge.rps, apiNode.rps) },
    ]),
  );

  // 3. Publish to live: from the publish call returning to the new headline through the edge and on both nodes.
  const editor = await adminSession(cluster.cmsNodes[0], ADMIN);
  const { data } = await (await fetch(`${cluster.cmsNodes[0]}/api/articles?filters[slug][$eq]=council-approves-night-ferry-trial`)).json();
  const base = `/content-manager/collection-types/api::article.article/${data[0].documentId}`;
  const times = [];
  for (let i = 1; i <= publishes; i++) {
    const title = `Night ferry trial approved (edge revision ${i})`;
    await editor.request(`${base}?locale=en`, 'PUT', { title });
    await editor.request(`${base}/actions/publish?locale=en`, 'POST', {});
    const started = performance.now();
    for (const origin of [cluster.site, ...cluster.webNodes]) {
      for (;;) {
        if ((await (await fetch(`${origin}${ARTICLE}`)).text()).includes(title)) break;
        if (performance.now() - started > 30_000) throw new Error(`revision ${i} not live at ${origin} after 30 s`);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    }
    times.push(performance.now() - started);
    // The edge caches the page again before the next publish, as readers would make it.
    await fetch(`${cluster.site}${ARTICLE}`);
  }
  const sorted = [...times].sort((a, b) => a - b);
  console.log(`\n## Publish to live through the edge and on both web nodes (${publishes} publishes, ms)\n`);
  console.log(
    markdownTable([
      {
        publishes,
        'p50 ms': Math.round(percentile(sorted, 50)),
        'p95 ms': Math.round(percentile(sorted, 95)),
        'min ms': Math.round(sorted[0]),
        'max ms': Math.round(sorted.at(-1)),
      },
    ]),
  );
  console.log(`
The edge answers from memory what the nodes rendered once; nginx is the same machine's ceiling for the same
bytes. "Edge cache bypassed" sends credentials, which the edge passes to the nodes in turn. Compare the
ratios, not absolute figures: the machine is shared and noisy (2 cores run the edge, four nodes and wrk).
Reproduce: npm run bench:edge [-- --duration 10s --warmup 3s --connections 20 --publishes 20]`);
} finally {
  await stop();
}
