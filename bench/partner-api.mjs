#!/usr/bin/env node
// The public API as a partner uses it, on the production shape (`npm run start:cluster`, ports and a database
// of its own): one article with its authors and section, asked again and again. Prints req/s and latency
// through the edge (a cache hit), from a CMS node directly (anonymous, and with a partner token, which the
// rate limit and the token lookup cost), and what a revalidation costs: a 304 to If-None-Match at the edge and
// at a CMS node, against the full answer.
// Usage: npm run bench:partner [-- --duration 10s --warmup 3s --connections 20]
import { createRequire } from 'node:module';
import { loadTools } from './lib/load.mjs';
import { markdownTable, option } from './lib/report.mjs';

const require = createRequire(import.meta.url);
const { createCluster } = require('../e2e/helpers/cluster.js');
const { adminSession } = require('../e2e/helpers/http.js');

const duration = option('duration', '10s');
const warmup = option('warmup', '3s');
const connections = Number(option('connections', 20));
const { wrk } = loadTools({ connections, duration, ports: {} });
const ADMIN = { email: 'bench-partner@tidewater.test', password: 'Bench-Passw0rd!' };
const API =
  '/api/articles?filters[slug][$eq]=council-approves-night-ferry-trial&populate[authors][fields][0]=name&populate[section][fields][0]=name';
const ratio = (a, b) => +(a / b).toFixed(3);

const cluster = createCluster({
  edgePort: 8134,
  edgeApiPort: 8135,
  edgeTlsPort: 8139,
  webPorts: [3134, 3135],
  cmsPorts: [1434, 1435],
  s3Port: 4534,
  env: { ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password },
});
console.error('Starting the cluster (npm run start:cluster)...');
const running = cluster.start();
const stop = async () => {
  await running.stop();
  cluster.cleanup();
};
process.once('SIGINT', () => stop().then(() => process.exit(130)));

const measure = (url, headers = []) => {
  wrk(url, warmup, headers);
  return wrk(url, duration, headers);
};

try {
  await running.ready;
  const editor = await adminSession(cluster.cmsNodes[0], ADMIN);
  const token = await editor.request('/admin/api-tokens', 'POST', {
    name: 'bench partner',
    type: 'read-only',
    lifespan: 7 * 24 * 3600_000,
  });
  if (token.status !== 201) throw new Error(`No partner token: ${JSON.stringify(token.body)}`);
  const bearer = `Authorization: Bearer ${token.body.data.accessKey}`;

  for (let i = 0; i < 2; i++) await (await fetch(`${cluster.api}${API}`)).arrayBuffer();
  const cached = await fetch(`${cluster.api}${API}`);
  if (cached.headers.get('x-cache') !== 'HIT') throw new Error('The API answer is not served from the edge');
  const etag = cached.headers.get('etag');
  const bytes = (await cached.arrayBuffer()).byteLength;
  const notModified = await fetch(`${cluster.cmsNodes[0]}${API}`, { headers: { 'If-None-Match': etag } });
  if (notModified.status !== 304) {
    throw new Error(`A CMS node answered If-None-Match: ${etag} with ${notModified.status} (its ETag: ${notModified.headers.get('etag')})`);
  }

  const edge = measure(`${cluster.api}${API}`);
  const edge304 = measure(`${cluster.api}${API}`, [`If-None-Match: ${etag}`]);
  const node = measure(`${cluster.cmsNodes[0]}${API}`);
  const node304 = measure(`${cluster.cmsNodes[0]}${API}`, [`If-None-Match: ${etag}`]);
  const nodeToken = measure(`${cluster.cmsNodes[0]}${API}`, [bearer]);
  const nodeToken304 = measure(`${cluster.cmsNodes[0]}${API}`, [bearer, `If-None-Match: ${etag}`]);
  const row = (what, result) => ({ what, 'req/s': Math.round(result.rps), 'p50 ms': result.p50, 'p99 ms': result.p99 });

  console.log(`\n## A partner's repeated GET (one article, ${bytes} bytes), wrk -t2 -c${connections} -d${duration}\n`);
  console.log(
    markdownTable([
      row('edge, cache hit (200)', edge),
      row('edge, revalidated (304)', edge304),
      row('CMS node, anonymous (200)', node),
      row('CMS node, anonymous, revalidated (304)', node304),
      row('CMS node, partner token (200, private)', nodeToken),
      row('CMS node, partner token, revalidated (304)', nodeToken304),
      { what: '**ratio edge / CMS node**', 'req/s': ratio(edge.rps, node.rps) },
      { what: 'ratio CMS node 304 / 200', 'req/s': ratio(node304.rps, node.rps) },
      { what: 'ratio partner token / anonymous, CMS node', 'req/s': ratio(nodeToken.rps, node.rps) },
    ]),
  );
  console.log(`
A 304 from a CMS node saves the bytes, not the query: the node reads the entries and compares the ETag of
the answer it would send. The edge answers both from memory. Compare the ratios, not absolute figures: the
machine is shared and noisy (2 cores run the edge, four nodes and wrk).
Reproduce: npm run bench:partner [-- --duration 10s --warmup 3s --connections 20]`);
} finally {
  await stop();
}
