// What the benches that load the production shape share: `npm run start:cluster` on ports, a database and
// a Redis key prefix of the bench's own (its keys dropped again at the end), the pages readers ask for, a
// warm edge, and a publish timed until it shows through the edge.
import { createRequire } from 'node:module';
import { createClient } from '@redis/client';

const require = createRequire(import.meta.url);
const { createCluster } = require('../../e2e/helpers/cluster.js');
const { adminSession } = require('../../e2e/helpers/http.js');

const REDIS_URL = 'redis://127.0.0.1:6379';
const ARTICLE_TYPE = '/content-manager/collection-types/api::article.article';
export const LIVE_TIMEOUT_MS = 30_000;
export const POLL_MS = 25;
export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
export const ms = (value) => (value === undefined ? '' : Math.round(value));

/** Starts the cluster (`name` keys its Redis prefix); `stop()` stops it and removes its database and keys, also on Ctrl-C. */
export function startBenchCluster({ name, ports, admin }) {
  const prefix = `newsroom:bench-${name}:${process.pid}:`;
  const cluster = createCluster({
    ...ports,
    redisUrl: REDIS_URL,
    env: { ADMIN_EMAIL: admin.email, ADMIN_PASSWORD: admin.password, REDIS_KEY_PREFIX: prefix },
  });
  console.error('Starting the cluster (npm run start:cluster)...');
  const running = cluster.start();

  // start:cluster clears its keys when it starts, not when it stops.
  async function dropRedisKeys() {
    const client = createClient({ url: REDIS_URL, socket: { connectTimeout: 2_000, reconnectStrategy: false } });
    await client.connect();
    try {
      for await (const keys of client.scanIterator({ MATCH: `${prefix}*`, COUNT: 1_000 })) if (keys.length > 0) await client.unlink(keys);
    } finally {
      client.destroy();
    }
  }
  let stopping = null;
  const stop = () =>
    (stopping ??= (async () => {
      await running.stop();
      cluster.cleanup();
      await dropRedisKeys().catch((error) => console.error(`Redis keys ${prefix}* left: ${error.message}`));
    })());
  for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => stop().then(() => process.exit(130)));
  return { cluster, ready: running.ready, stop, redisUrl: REDIS_URL };
}

/** The pages readers get: the home page, every seeded English article and every section. */
export async function readerPages(cluster) {
  const list = async (query) => (await (await fetch(`${cluster.api}/api/${query}`)).json()).data;
  const articles = await list('articles?fields[0]=slug&pagination[pageSize]=20');
  const sections = await list('sections?fields[0]=slug&pagination[pageSize]=20');
  const pages = ['/', ...articles.map((a) => `/articles/${a.slug}`), ...sections.map((s) => `/sections/${s.slug}`)];
  return { articles, pages };
}

/** Once the cluster runs: its reader pages warm at the edge, and an editor's session on each CMS node. */
export async function prepareLoad(cluster, admin) {
  const { articles, pages } = await readerPages(cluster);
  console.error(`Warming ${pages.length} pages through the edge...`);
  await warm(cluster, pages);
  const editors = await Promise.all(cluster.cmsNodes.map((node) => adminSession(node, admin)));
  return { articles, pages, editors };
}

/** Fetches each page until the edge answers it from its cache. */
export async function warm(cluster, pages) {
  for (const page of pages) {
    let cached = false;
    for (let i = 0; i < 20 && !cached; i++) {
      const res = await fetch(`${cluster.site}${page}`);
      await res.arrayBuffer();
      cached = res.headers.get('x-cache') === 'HIT';
      if (!cached) await sleep(100);
    }
    if (!cached) console.error(`warning: ${page} is not served from the edge's cache`);
  }
}

/**
 * Retitles an article through one CMS node (`editor`, an adminSession) and publishes it; resolves with the
 * ms from the publish answer until its page shows the title through the edge (`liveMs`, null when not within
 * 30 s), or an `error`.
 */
export async function publishAndWait(cluster, editor, article, title) {
  const base = `${ARTICLE_TYPE}/${article.documentId}`;
  const call = (path, method, body) => editor.request(path, method, body).catch((error) => ({ status: error.message }));
  const saved = await call(`${base}?locale=en`, 'PUT', { title });
  const published = saved.status === 200 ? await call(`${base}/actions/publish?locale=en`, 'POST', {}) : saved;
  if (published.status !== 200) return { error: `publish of ${article.slug}: ${published.status}` };
  const answered = performance.now();
  while (performance.now() - answered < LIVE_TIMEOUT_MS) {
    const page = await fetch(`${cluster.site}/articles/${article.slug}`, { signal: AbortSignal.timeout(LIVE_TIMEOUT_MS) }).then(
      (res) => res.text(),
      () => '',
    );
    if (page.includes(title)) return { liveMs: performance.now() - answered };
    await sleep(POLL_MS);
  }
  return { liveMs: null };
}
