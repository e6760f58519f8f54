#!/usr/bin/env node
// Cached page throughput: `next start` serving an ISR cache hit, beside nginx serving the very same HTML
// bytes from a file, measured with wrk in the same run. Both are asked with `Accept-Encoding: gzip` and both
// compress on the fly at level 6 (Next's `compress` default; nginx's `gzip_comp_level 6`), one process each.
// A second nginx server sends the same page pre-gzipped (gzip_static), as a cache or CDN in front would.
// Usage: npm run bench:page [-- --pages article,home --duration 10s --warmup 3s --connections 20]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { startSystem, warm } from './lib/system.mjs';
import { markdownTable, option } from './lib/report.mjs';
import { loadTools } from './lib/load.mjs';

const PAGES = { article: '/articles/council-approves-night-ferry-trial', home: '/' };
const pages = option('pages', 'article,home').split(',');
const duration = option('duration', '10s');
const warmup = option('warmup', '3s');
const connections = Number(option('connections', 20));
const ports = { cms: 1420, web: 3120, nginx: 8120, nginxStatic: 8121 };

const { wrk, startNginx } = loadTools({ connections, duration, ports });

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-page-'));
const system = await startSystem({ cmsPort: ports.cms, webPort: ports.web });
let stopNginx = async () => {};
try {
  const files = {};
  for (const name of pages) {
    const url = `${system.web}${PAGES[name]}`;
    if (!(await warm(url))) throw new Error(`${url} is not served from the ISR cache (no x-nextjs-cache: HIT)`);
    const response = await fetch(url, { headers: { 'Accept-Encoding': 'gzip' } });
    if (response.headers.get('content-encoding') !== 'gzip') throw new Error(`${url} was not gzipped by next start`);
    files[PAGES[name]] = await response.text();
  }
  stopNginx = await startNginx(tmp, files);

  const servers = [
    ['next start (ISR hit, gzip per response)', system.web],
    ['nginx (same bytes, gzip per response)', `http://127.0.0.1:${ports.nginx}`],
    ['nginx (same bytes, pre-gzipped)', `http://127.0.0.1:${ports.nginxStatic}`],
  ];
  for (const name of pages) {
    const responses = await Promise.all(
      servers.map(([, origin]) => fetch(`${origin}${PAGES[name]}`, { headers: { 'Accept-Encoding': 'gzip' } })),
    );
    if (responses.some((r) => r.headers.get('content-encoding') !== 'gzip')) throw new Error(`${name}: a server did not gzip the page`);
    const bodies = await Promise.all(responses.map((r) => r.text()));
    if (bodies.some((body) => body !== files[PAGES[name]])) throw new Error(`${name}: the servers no longer send the same HTML`);
  }

  // Next's own ceiling on this machine: the empty page of the same build, served by the same server.
  const emptyUrl = `${system.web}/baseline`;
  if (!(await warm(emptyUrl))) throw new Error(`${emptyUrl} is not served from the cache`);
  console.error(`baseline: wrk against next start's empty page (${warmup} unmeasured, then ${duration})...`);
  wrk(emptyUrl, warmup);
  const empty = wrk(emptyUrl);
  const rows = [
    {
      page: 'empty page (/baseline)',
      server: 'next start (static, gzip per response)',
      'req/s': Math.round(empty.rps),
      'p50 ms': empty.p50,
      'p99 ms': empty.p99,
    },
  ];
  for (const name of pages) {
    const kib = Math.round(Buffer.byteLength(files[PAGES[name]]) / 102.4) / 10;
    const gzKib = Math.round(zlib.gzipSync(files[PAGES[name]], { level: 6 }).length / 102.4) / 10;
    const results = servers.map(([server, origin]) => {
      console.error(`${name}: wrk against ${server} (${warmup} unmeasured, then ${duration})...`);
      wrk(`${origin}${PAGES[name]}`, warmup); // JIT and connection warm-up, and the start's own work settled
      return { server, ...wrk(`${origin}${PAGES[name]}`) };
    });
    results.forEach(({ server, rps, p50, p99 }, i) =>
      rows.push({
        page: i === 0 ? `${name} (${kib} KB, ${gzKib} KB gzipped)` : '',
        server,
        'req/s': Math.round(rps),
        'p50 ms': p50,
        'p99 ms': p99,
      }),
    );
    const [next, nginx, pregzipped] = results;
    for (const [label, other] of [
      ['**ratio to the empty page** (what Next allows)', empty],
      ['**ratio next / nginx, same work**', nginx],
      ['ratio next / nginx pre-gzipped', pregzipped],
    ]) {
      rows.push({
        page: '',
        server: label,
        'req/s': +(next.rps / other.rps).toFixed(3),
        'p50 ms': +(next.p50 / other.p50).toFixed(1),
        'p99 ms': +(next.p99 / other.p99).toFixed(1),
      });
    }
  }
  console.log(`\n## Cached page throughput (wrk -t2 -c${connections} -d${duration} --latency, Accept-Encoding: gzip to every server)\n`);
  console.log(markdownTable(rows));
  console.log(`
Every request asks for gzip. next start and the first nginx server both gzip every response at level 6 (the
same work); the second nginx server sends a pre-gzipped file (gzip_static), as a cache in front would. Each
server is one process (nginx: worker_processes 1, sendfile, keepalive). For req/s the ratio is next/nginx
(lower is slower); for latency, how many times longer next takes. The ratio to next's empty page (/baseline,
the same build and server) is how close the page comes to what Next itself allows here. Compare the ratios, not the absolute
figures: the machine is shared and noisy.
Reproduce: npm run bench:page [-- --pages article,home --duration 10s --warmup 3s --connections 20]`);
} finally {
  await stopNginx();
  await system.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
}
