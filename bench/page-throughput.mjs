#!/usr/bin/env node
// Cached page throughput: `next start` serving an ISR cache hit, beside nginx serving the very same HTML
// bytes from a file, measured with wrk in the same run. Both are asked with `Accept-Encoding: gzip` and both
// compress on the fly at level 6 (Next's `compress` default; nginx's `gzip_comp_level 6`), one process each.
// A second nginx server sends the same page pre-gzipped (gzip_static), as a cache or CDN in front would.
// Usage: npm run bench:page [-- --pages article,home --duration 10s --warmup 3s --connections 20]
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { startSystem, warm } from './lib/system.mjs';
import { markdownTable, option } from './lib/report.mjs';

const PAGES = { article: '/articles/council-approves-night-ferry-trial', home: '/' };
const pages = option('pages', 'article,home').split(',');
const duration = option('duration', '10s');
const warmup = option('warmup', '3s');
const connections = Number(option('connections', 20));
const ports = { cms: 1420, web: 3120, nginx: 8120, nginxStatic: 8121 };

for (const tool of ['wrk', 'nginx']) {
  if (spawnSync('sh', ['-c', `command -v ${tool} || test -x /usr/sbin/${tool}`]).status !== 0) throw new Error(`${tool} is not installed`);
}

function millis(text) {
  const [, value, unit] = text.match(/([\d.]+)(us|ms|s|m)/);
  return +(Number(value) * { us: 0.001, ms: 1, s: 1000, m: 60_000 }[unit]).toPrecision(3);
}

function wrk(url, seconds = duration) {
  const args = ['-t2', `-c${connections}`, `-d${seconds}`, '--latency', '-H', 'Accept-Encoding: gzip', url];
  const run = spawnSync('wrk', args, { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`wrk failed: ${run.stderr}`);
  const out = run.stdout;
  const failed = Number(out.match(/Non-2xx or 3xx responses: (\d+)/)?.[1] ?? 0);
  const errors = out.match(/Socket errors: (.*)/)?.[1];
  if (failed > 0 || errors) throw new Error(`wrk saw failures on ${url}:\n${out}`);
  return {
    rps: Number(out.match(/Requests\/sec:\s+([\d.]+)/)[1]),
    p50: millis(out.match(/^\s+50%\s+(\S+)/m)[1]),
    p99: millis(out.match(/^\s+99%\s+(\S+)/m)[1]),
  };
}

async function startNginx(dir, files) {
  fs.chmodSync(dir, 0o755); // nginx's workers read the files as an unprivileged user
  const www = path.join(dir, 'www');
  for (const [urlPath, html] of Object.entries(files)) {
    const file = path.join(www, urlPath === '/' ? 'index.html' : urlPath);
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o755 });
    fs.writeFileSync(file, html, { mode: 0o644 });
    fs.writeFileSync(`${file}.gz`, zlib.gzipSync(html, { level: 6 }), { mode: 0o644 });
  }
  const temp = (name) => `${name}_temp_path ${path.join(dir, name)};`;
  fs.writeFileSync(
    path.join(dir, 'nginx.conf'),
    `daemon off;
worker_processes 1;
pid ${path.join(dir, 'nginx.pid')};
error_log ${path.join(dir, 'error.log')} warn;
events { worker_connections 1024; }
http {
  access_log off;
  ${['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(temp).join('\n  ')}
  sendfile on;
  tcp_nopush on;
  keepalive_timeout 65;
  keepalive_requests 100000;
  default_type text/html;
  charset utf-8;
  gzip_types text/html;
  gzip_vary on;
  root ${www};
  index index.html;
  server {
    listen 127.0.0.1:${ports.nginx};
    gzip on;
    gzip_comp_level 6;
  }
  server {
    listen 127.0.0.1:${ports.nginxStatic};
    gzip_static on;
  }
}
`,
  );
  const child = spawn('nginx', ['-p', dir, '-c', path.join(dir, 'nginx.conf')], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise((resolve) => child.on('exit', resolve));
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nginx exited: ${stderr}`);
    if (Date.now() > deadline) throw new Error('nginx did not answer in 10 s');
    if (
      await fetch(`http://127.0.0.1:${ports.nginx}/`).then(
        () => true,
        () => false,
      )
    )
      break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return async () => {
    if (child.exitCode === null) child.kill('SIGQUIT');
    await exited;
  };
}

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
