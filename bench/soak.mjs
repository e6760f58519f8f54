#!/usr/bin/env node
// A long mixed load on the production shape: `npm run start:cluster` (edge, two web nodes, two CMS nodes on
// PostgreSQL, Redis, S3) on ports and a database of its own. For N minutes, reader loops fetch pages and search
// (the site's search page and the public search API) through the edge, while an editor publishes every 10 s,
// alternating between the two CMS nodes. Prints: requests, errors and latency per kind; the resident memory of
// each of the cluster's server processes after warm-up and at the end (a leak shows as steady growth).
// Usage: npm run bench:soak [-- --minutes 10 --readers 10]
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { percentile } from './lib/cms.mjs';
import { LIVE_TIMEOUT_MS, ms, POLL_MS, prepareLoad, publishAndWait, sleep, startBenchCluster } from './lib/cluster-load.mjs';
import { markdownTable, option } from './lib/report.mjs';

const minutes = Number(option('minutes', 10));
const readers = Number(option('readers', 10));
for (const [name, value] of Object.entries({ minutes, readers })) {
  if (!(value > 0)) {
    console.error(`--${name} must be a positive number: npm run bench:soak [-- --minutes 10 --readers 10]`);
    process.exit(2);
  }
}
const PUBLISH_EVERY_MS = 10_000;
const ERRORS_SHOWN = 5;
// What each reader loop asks for, in turn: eight pages, then a search on the site, then one on the API.
const MIX = ['page', 'page', 'page', 'page', 'site search', 'page', 'page', 'page', 'page', 'API search'];
// Words of the demo outlet's articles, a prefix being typed, two-word searches and one that finds nothing.
const WORDS = [
  'ferry',
  'harbour',
  'council',
  'rents',
  'barrier',
  'flood',
  'marsh',
  'terns',
  'theatre',
  'market',
  'night ferry',
  'westbank',
  'container',
  'quayside',
  'corn exchange',
  'levy',
  'tides',
  'bus depot',
  'river authority',
  'consultation',
  'harbo',
  'zyzzyva',
];
const ADMIN = { email: 'bench-soak@tidewater.test', password: 'Bench-Passw0rd!' };
const mb = (kb) => (kb === undefined ? '' : +(kb / 1024).toFixed(1));

const ports = {
  edgePort: 8144,
  edgeApiPort: 8145,
  edgeTlsPort: 8149,
  webPorts: [3144, 3145],
  cmsPorts: [1444, 1445],
  s3Port: 4544,
};
const { cluster, ready, stop, redisUrl } = startBenchCluster({ name: 'soak', ports, admin: ADMIN });

/** The server processes of the cluster (and the machine's Redis), found by the ports they listen on (ss -ltnp). */
function serverProcesses() {
  const roles = new Map([
    [ports.edgePort, 'edge'],
    [ports.edgeApiPort, 'edge'],
    [ports.edgeTlsPort, 'edge TLS'],
    ...ports.webPorts.map((port, i) => [port, `web node ${i + 1}`]),
    ...ports.cmsPorts.map((port, i) => [port, `CMS node ${i + 1}`]),
    [ports.s3Port, 'start:cluster (S3 server)'],
    [Number(new URL(redisUrl).port), "Redis, the machine's (shared)"],
  ]);
  const found = new Map();
  for (const line of execFileSync('ss', ['-ltnpH'], { encoding: 'utf8' }).split('\n')) {
    const local = line.trim().split(/\s+/)[3] ?? '';
    const port = Number(local.slice(local.lastIndexOf(':') + 1));
    if (!roles.has(port)) continue;
    for (const [, name, pid] of line.matchAll(/\("([^"]*)",pid=(\d+),fd=\d+\)/g)) {
      const entry = found.get(pid) ?? { label: `${roles.get(port)}: ${name}`, pid: Number(pid), ports: new Set() };
      entry.ports.add(port);
      found.set(pid, entry);
    }
  }
  // In the order of the roles (edge first), each process's ports in ascending order.
  const order = [...roles.keys()];
  const first = (entry) => Math.min(...[...entry.ports].map((port) => order.indexOf(port)));
  return [...found.values()]
    .sort((a, b) => first(a) - first(b))
    .map((entry) => ({ ...entry, ports: [...entry.ports].sort((a, b) => a - b) }));
}

/** A process's resident memory in kB (/proc/<pid>/status VmRSS), or undefined once it is gone. */
function rss(pid) {
  try {
    return Number(/^VmRSS:\s+(\d+) kB/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))[1]);
  } catch {
    return undefined;
  }
}

const kinds = Object.fromEntries(
  ['page', 'site search', 'API search', 'publish (to live)'].map((kind) => [kind, { requests: 0, errors: 0, times: [] }]),
);
const firstErrors = [];
function record(kind, { ms: took, error }) {
  const stats = kinds[kind];
  stats.requests++;
  if (took !== undefined) stats.times.push(took);
  if (error === undefined) return;
  stats.errors++;
  if (firstErrors.length < ERRORS_SHOWN) firstErrors.push(`${kind}: ${error}`);
}

let searches = 0;
/** The URL of the request a reader makes for `kind`, its `k`-th. */
function requestUrl(kind, k, pages) {
  if (kind === 'page') return `${cluster.site}${pages[k % pages.length]}`;
  const q = encodeURIComponent(WORDS[searches++ % WORDS.length]);
  return kind === 'site search' ? `${cluster.site}/search?q=${q}` : `${cluster.api}/api/search?q=${q}&locale=en`;
}

/** One reader: the mix in turn (pages round-robin from `first`) until `until`. */
async function reader(pages, first, until) {
  for (let k = first; performance.now() < until; k++) {
    const kind = MIX[k % MIX.length];
    const url = requestUrl(kind, k, pages);
    const started = performance.now();
    try {
      const res = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(LIVE_TIMEOUT_MS) });
      await res.arrayBuffer();
      record(kind, { ms: performance.now() - started, error: res.status === 200 ? undefined : `${res.status} ${url}` });
    } catch (error) {
      record(kind, { error: `${error.cause?.code ?? error.message} ${url}` });
    }
  }
}

try {
  await ready;
  const { articles, pages, editors } = await prepareLoad(cluster, ADMIN);

  const processes = serverProcesses();
  const start = new Map(processes.map(({ pid }) => [pid, rss(pid)]));
  const peak = new Map(start);
  const samplePeak = () => {
    for (const { pid } of processes) peak.set(pid, Math.max(peak.get(pid) ?? 0, rss(pid) ?? 0));
  };
  // Memory at half-time too: a heap that fills up to its limit and stays there grows in the first half only, a
  // leak in both.
  let half = null;

  console.error(`Soak: ${readers} readers for ${minutes} min, a publish every ${PUBLISH_EVERY_MS / 1000} s...`);
  const started = performance.now();
  const until = started + minutes * 60_000;
  await Promise.all([
    ...Array.from({ length: readers }, (_, i) => reader(pages, i, until)),
    (async () => {
      for (let n = 0; started + (n + 1) * PUBLISH_EVERY_MS < until; n++) {
        await sleep(started + (n + 1) * PUBLISH_EVERY_MS - performance.now());
        const article = articles[n % articles.length];
        // Fixed width, so no title is the start of another.
        const title = `Soak revision ${String(n).padStart(5, '0')}`;
        const result = await publishAndWait(cluster, editors[n % editors.length], article, title);
        const error = result.error ?? (result.liveMs === null ? `${title} not visible on /articles/${article.slug} in 30 s` : undefined);
        record('publish (to live)', { ms: result.liveMs ?? undefined, error });
        samplePeak();
        if (!half && performance.now() - started >= (until - started) / 2) half = new Map(processes.map(({ pid }) => [pid, rss(pid)]));
        if (n % 6 === 5) console.error(`  ${Math.round((performance.now() - started) / 60_000)} min`);
      }
    })(),
  ]);
  const elapsed = (performance.now() - started) / 1000;
  samplePeak();
  const end = new Map(processes.map(({ pid }) => [pid, rss(pid)]));
  // A node that died during the run was started again by start:cluster: its new process is listed too.
  for (const late of serverProcesses().filter(({ pid }) => !start.has(pid))) {
    processes.push({ ...late, label: `${late.label}, started during the run` });
    end.set(late.pid, rss(late.pid));
  }

  console.log(
    `\n## Requests over ${minutes} min (${readers} readers: 8 pages, 1 site search, 1 API search in turn; a publish every ${PUBLISH_EVERY_MS / 1000} s, alternating CMS nodes)\n`,
  );
  console.log(
    markdownTable(
      Object.entries(kinds).map(([kind, stats]) => {
        const sorted = [...stats.times].sort((a, b) => a - b);
        return {
          kind,
          requests: stats.requests,
          'req/s': +(stats.requests / elapsed).toFixed(1),
          'errors (goal 0)': stats.errors,
          'p50 ms': ms(percentile(sorted, 50)),
          'p95 ms': ms(percentile(sorted, 95)),
          'max ms': ms(sorted.at(-1)),
        };
      }),
    ),
  );
  if (firstErrors.length > 0) console.log(`\nFirst errors:\n${firstErrors.map((e) => `- ${e}`).join('\n')}`);

  console.log(`\n## Resident memory (VmRSS) of each server process: after warm-up, at half-time and after ${minutes} min\n`);
  console.log(
    markdownTable(
      processes.map(({ label, pid, ports: listening }) => {
        const [before, after] = [start.get(pid), end.get(pid)];
        const change = before !== undefined && after !== undefined ? after - before : undefined;
        const middle = half?.get(pid);
        const secondHalf = middle !== undefined && after !== undefined ? after - middle : undefined;
        return {
          process: label,
          pid,
          port: listening.join(', '),
          'RSS start MB': mb(before),
          'RSS half-time MB': mb(middle),
          'RSS max MB': mb(peak.get(pid)),
          'RSS end MB': after === undefined ? 'exited' : mb(after),
          'change MB': change === undefined ? '' : mb(change),
          'change %': change === undefined ? '' : +((100 * change) / before).toFixed(1),
          'second half MB': secondHalf === undefined ? '' : mb(secondHalf),
        };
      }),
    ),
  );
  console.log(`
Errors are answers other than 200 and network errors (a publish: the admin API refusing it, or its title not
on the article's page through the edge within ${LIVE_TIMEOUT_MS / 1000} s); a publish's latency is from the publish answer until
then (polled every ${POLL_MS} ms). Processes are those listening on the cluster's ports: varnishd is the edge's
manager, cache-main its worker (it holds the cache); "RSS max" is the highest of the samples taken after each
publish; "second half" is the change from half-time to the end (flat is the goal: a web node's heap is capped
by WEB_HEAP_MB, so it fills in the first minutes and then holds). Redis is the machine's, shared with whatever else runs. PostgreSQL is left out (one process per connection).
Reproduce: npm run bench:soak [-- --minutes ${minutes} --readers ${readers}]`);
} finally {
  await stop();
}
