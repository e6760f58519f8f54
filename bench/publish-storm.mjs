#!/usr/bin/env node
// Readers through the edge while editors publish: `npm run start:cluster` (edge, two web nodes, two CMS nodes
// on PostgreSQL, Redis, S3) on ports and a database of its own. Reader loops fetch warm pages through the edge
// for N seconds while publishes, spread evenly over that time and alternating between the two CMS nodes,
// retitle the seeded articles one after the other. Prints: publish-to-live with no readers (the baseline of
// the same run); readers' errors and latency during the storm; publish-to-live during the storm.
// Usage: npm run bench:storm [-- --seconds 60 --readers 20 --publishes 100]
import { percentile } from './lib/cms.mjs';
import { LIVE_TIMEOUT_MS, ms, POLL_MS, prepareLoad, publishAndWait, sleep, startBenchCluster, warm } from './lib/cluster-load.mjs';
import { markdownTable, option } from './lib/report.mjs';

const seconds = Number(option('seconds', 60));
const readers = Number(option('readers', 20));
const publishes = Number(option('publishes', 100));
for (const [name, value] of Object.entries({ seconds, readers, publishes })) {
  if (!(value > 0)) {
    console.error(`--${name} must be a positive number: npm run bench:storm [-- --seconds 60 --readers 20 --publishes 100]`);
    process.exit(2);
  }
}
const IDLE_PUBLISHES = 10;
const ERRORS_SHOWN = 5;
const ADMIN = { email: 'bench-storm@tidewater.test', password: 'Bench-Passw0rd!' };

const { cluster, ready, stop } = startBenchCluster({
  name: 'storm',
  ports: { edgePort: 8134, edgeApiPort: 8135, edgeTlsPort: 8139, webPorts: [3134, 3135], cmsPorts: [1434, 1435], s3Port: 4534 },
  admin: ADMIN,
});

/** A percentile summary of times in ms (unsorted), with how many there were. */
function summary(times) {
  const sorted = [...times].sort((a, b) => a - b);
  return { count: sorted.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted.at(-1) };
}

/**
 * Each call retitles the next seeded article on the next CMS node and resolves with the time from the publish
 * answer until the article's page shows the title through the edge (`liveMs`, null if not within 30 s), or an
 * `error`. Publishes of one article wait for its previous one, so each waits for its own title only.
 */
function publisher(editors, articles) {
  let count = 0;
  const previous = new Map();
  return () => {
    const n = count++;
    const article = articles[n % articles.length];
    // Fixed width, so no title is the start of another.
    const title = `Publish storm revision ${String(n).padStart(5, '0')}`;
    const done = (previous.get(article.slug) ?? Promise.resolve()).then(() =>
      publishAndWait(cluster, editors[n % editors.length], article, title),
    );
    previous.set(article.slug, done);
    return done;
  };
}

/** One reader: fetches the pages round-robin from `first` until `until`, counting into `stats`. */
async function reader(pages, first, until, stats) {
  const failed = (what) => {
    stats.errors++;
    if (stats.firstErrors.length < ERRORS_SHOWN) stats.firstErrors.push(what);
  };
  for (let k = first; performance.now() < until; k++) {
    const page = pages[k % pages.length];
    const started = performance.now();
    stats.requests++;
    try {
      const res = await fetch(`${cluster.site}${page}`, { redirect: 'manual', signal: AbortSignal.timeout(LIVE_TIMEOUT_MS) });
      await res.arrayBuffer();
      stats.times.push(performance.now() - started);
      if (res.status !== 200) failed(`${page}: ${res.status}`);
    } catch (error) {
      failed(`${page}: ${error.cause?.code ?? error.message}`);
    }
  }
}

function publishRow(results) {
  const live = results.filter((r) => typeof r.liveMs === 'number').map((r) => r.liveMs);
  const { p50, p95, max } = summary(live);
  return {
    publishes: results.length,
    done: results.filter((r) => !r.error).length,
    visible: live.length,
    'p50 ms': ms(p50),
    'p95 ms': ms(p95),
    'max ms': ms(max),
  };
}

try {
  await ready;
  const { articles, pages, editors } = await prepareLoad(cluster, ADMIN);
  const publish = publisher(editors, articles);

  console.error(`Idle baseline: ${IDLE_PUBLISHES} publishes, no readers...`);
  const idle = [];
  for (let i = 0; i < IDLE_PUBLISHES; i++) {
    idle.push(await publish());
    // Each publish starts from a warm edge, as the storm's readers keep it.
    await warm(cluster, pages);
  }

  console.error(`Storm: ${readers} readers for ${seconds} s, ${publishes} publishes...`);
  const stats = { requests: 0, errors: 0, firstErrors: [], times: [] };
  const started = performance.now();
  const until = started + seconds * 1000;
  const interval = (seconds * 1000) / publishes;
  const launched = [];
  await Promise.all([
    ...Array.from({ length: readers }, (_, i) => reader(pages, i, until, stats)),
    (async () => {
      for (let i = 0; i < publishes; i++) {
        await sleep(started + i * interval - performance.now());
        launched.push(publish());
      }
    })(),
  ]);
  const elapsed = (performance.now() - started) / 1000;
  console.error('Waiting for the last publishes to show...');
  const storm = await Promise.all(launched);

  console.log(`\n## Publish to live with no readers (${IDLE_PUBLISHES} publishes, alternating CMS nodes, through the edge)\n`);
  console.log(markdownTable([publishRow(idle)]));

  const latency = summary(stats.times);
  console.log(`\n## Readers during the storm (${readers} readers, ${seconds} s, ${pages.length} pages round-robin through the edge)\n`);
  console.log(
    markdownTable([
      {
        requests: stats.requests,
        'req/s': Math.round(stats.requests / elapsed),
        'errors (goal 0)': stats.errors,
        'p50 ms': ms(latency.p50),
        'p95 ms': ms(latency.p95),
        'max ms': ms(latency.max),
      },
    ]),
  );

  console.log(`\n## Publish to live during the storm (${publishes} publishes over ${seconds} s, alternating CMS nodes)\n`);
  console.log(markdownTable([{ ...publishRow(storm), 'goal p95 ms': '< 300' }]));

  const problems = [...stats.firstErrors, ...[...idle, ...storm].flatMap((r) => r.error ?? []).slice(0, ERRORS_SHOWN)];
  if (problems.length > 0) console.log(`\nFirst errors:\n${problems.map((p) => `- ${p}`).join('\n')}`);
  console.log(`
Reader errors are answers other than 200 and network errors; latency is until the whole body is read.
Publish to live is from the admin API's publish answer until the article's page shows the new title through
the edge (polled every ${POLL_MS} ms; "visible" counts those that did within ${LIVE_TIMEOUT_MS / 1000} s). The machine
is shared and has 2 cores: the readers, the edge, four nodes and PostgreSQL share them.
Reproduce: npm run bench:storm [-- --seconds ${seconds} --readers ${readers} --publishes ${publishes}]`);
} finally {
  await stop();
}
