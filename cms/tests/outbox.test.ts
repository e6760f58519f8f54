import http from 'http';
import type { AddressInfo } from 'net';
import type { SiteChange } from '@newsroom/contract';
import { startCms, type TestCms } from './helpers/strapi';

// The site refresh outbox on a real CMS and database: what a write records, in its own transaction, and how
// it reaches a stand-in for the web app's /api/revalidate that can be down, failing or refusing.
type Outbox = typeof import('../src/outbox/store');
type Worker = typeof import('../src/outbox/worker');
const { OUTBOX, backlog, claimDue, retryFailed } = require('../dist/src/outbox/store') as Outbox;
const { createOutboxWorker } = require('../dist/src/outbox/worker') as Worker;

let answers: number[] = [];
let down = false;
const received: SiteChange[] = [];
const server = http.createServer((req, res) => {
  let body = '';
  req.on('data', (chunk) => (body += chunk));
  req.on('end', () => {
    if (down) return req.socket.destroy(); // the web app is not there: the connection drops
    received.push(JSON.parse(body));
    const status = answers.shift() ?? 200;
    res.writeHead(status, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(status === 200 ? { revalidated: ['article-lists', 'tag-names'] } : { error: 'try later' }));
  });
});

let cms: TestCms;
let lines: string[] = [];
let port: number;
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  cms = await startCms({
    seed: false,
    env: { WEB_URL: `http://127.0.0.1:${port}`, WEBHOOK_RETRY_BASE_MS: '40', OUTBOX_MAX_BACKOFF_MS: '200', OUTBOX_POLL_MS: '50' },
  });
  // The delivery log is what these tests read; it is kept, not printed.
  for (const level of ['info', 'warn', 'error'] as const) {
    const original = cms.strapi.log[level].bind(cms.strapi.log);
    jest.spyOn(cms.strapi.log, level).mockImplementation((message: unknown) => {
      if (typeof message === 'string' && message.includes('"refresh delivery"')) lines.push(message);
      else original(message);
      return cms.strapi.log;
    });
  }
});
afterAll(async () => {
  await cms?.stop();
  server.closeAllConnections(); // the CMS's fetch keeps connections alive
  await new Promise((resolve) => server.close(resolve));
});
// Each test starts with the web app up and nothing left to deliver from the one before.
beforeEach(async () => {
  answers = [];
  down = false;
  await until(async () => (await backlog(cms.strapi.db.connection)).pending === 0, 'the last test’s deliveries');
  lines = [];
  received.length = 0;
});

const tags = () => cms.strapi.documents('api::tag.tag');
async function publishTag(name: string) {
  const { documentId } = await tags().create({ data: { name, slug: name.toLowerCase() } });
  await tags().publish({ documentId });
  return documentId;
}
const status = async () => (await cms.api.get('/_status')).body as { status: string; outbox: { pending: number; failed: number } };

async function until(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
const logged = () => lines.map((line) => JSON.parse(line));

describe('the site refresh outbox', () => {
  it('records a publish with its write: a publish that is rolled back records nothing and sends nothing', async () => {
    const knex = cms.strapi.db.connection;
    const before = Number((await knex(OUTBOX).count({ n: '*' }))[0].n);
    const { documentId } = await tags().create({ data: { name: 'Slipways', slug: 'slipways' } });
    await expect(
      cms.strapi.db.transaction(async () => {
        await tags().publish({ documentId });
        throw new Error('the editor’s request failed after the publish');
      }),
    ).rejects.toThrow('failed after the publish');
    expect(Number((await knex(OUTBOX).count({ n: '*' }))[0].n)).toBe(before);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(received.filter((change) => change.documentId === documentId)).toEqual([]);

    await tags().publish({ documentId });
    await until(() => received.some((change) => change.documentId === documentId), 'the delivery');
    expect(received.find((change) => change.documentId === documentId)).toMatchObject({ event: 'entry.publish', uid: 'api::tag.tag' });
  });

  it('keeps what is published while the web app is down, and delivers each event once when it is back', async () => {
    down = true;
    const ids = [await publishTag('Lighthouses'), await publishTag('Buoys'), await publishTag('Moorings')];
    const failedAttempt = (id: string) => logged().some((line) => line.documentId === id && line.status === 0 && line.retryInMs > 0);
    await until(() => ids.every(failedAttempt), 'a failed attempt for each');
    expect((await status()).outbox.pending).toBe(3);

    down = false;
    await until(async () => (await status()).outbox.pending === 0, 'the backlog to drain');
    expect(received.map((change) => change.documentId).sort()).toEqual([...ids].sort());
    const delivered = logged().filter((line) => line.status === 200);
    expect(delivered).toHaveLength(3);
    expect(delivered[0]).toMatchObject({
      msg: 'refresh delivery',
      receiver: 'web',
      event: 'entry.publish',
      refreshed: ['article-lists', 'tag-names'],
    });
    expect(delivered.every((line) => line.attempt > 1 && line.waitedMs > 0)).toBe(true);
  });

  it('retries a failure with backoff, logging each attempt, and gives up at once on a refusal retrying cannot fix', async () => {
    answers = [503, 502];
    await publishTag('Pontoons');
    await until(() => logged().some((line) => line.status === 200), 'the third attempt');
    expect(logged().map((line) => [line.attempt, line.status])).toEqual([
      [1, 503],
      [2, 502],
      [3, 200],
    ]);
    expect(logged()[0].error).toContain('try later');

    lines = [];
    answers = [401];
    const failedBefore = (await status()).outbox.failed;
    await publishTag('Bollards');
    await until(async () => (await status()).outbox.failed === failedBefore + 1, 'the refusal');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(logged()).toHaveLength(1);
    expect(logged()[0]).toMatchObject({ attempt: 1, status: 401, gaveUp: true });

    // Once the cause is fixed, an operator queues the refused ones again (npm run outbox:retry).
    expect(await retryFailed(cms.strapi.db.connection)).toBeGreaterThanOrEqual(1);
    await until(() => logged().some((line) => line.status === 200), 'the delivery after the retry');
    expect((await status()).outbox.failed).toBe(0);
  });

  it('records nothing for a draft save', async () => {
    const { documentId } = await tags().create({ data: { name: 'Capstans', slug: 'capstans' } });
    await tags().update({ documentId, data: { name: 'Capstans and winches' } });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(received).toEqual([]);
  });

  it('shows editors the backlog and the newest deliveries in the admin (a session only), and operators in /_status', async () => {
    down = true;
    const documentId = await publishTag('Gangways');
    await until(() => logged().some((line) => line.documentId === documentId && line.status === 0), 'a failed attempt');
    const health = await cms.api.get('/_status');
    expect(health.status).toBe(200);
    expect(health.headers['cache-control']).toBe('no-store');
    expect(health.body).toMatchObject({ status: 'ok', database: 'up', outbox: { pending: 1 } });
    expect(health.body.outbox.oldestPendingMs).toBeGreaterThan(0);

    expect((await cms.api.get('/site-refresh/deliveries')).status).toBe(401);
    const view = await cms.api.get('/site-refresh/deliveries').set(await cms.signIn());
    expect(view.status).toBe(200);
    expect(view.body.data.backlog.pending).toBe(1);
    const mine = (receiver: string) =>
      view.body.data.deliveries.find(
        (d: { documentId: string; receiver: string }) => d.documentId === documentId && d.receiver === receiver,
      );
    // The search index was brought up to date at once; the web app's refresh waits.
    expect(mine('search')).toMatchObject({ state: 'delivered' });
    expect(mine('web')).toMatchObject({
      receiver: 'web',
      event: 'entry.publish',
      uid: 'api::tag.tag',
      documentId,
      state: 'pending',
      lastStatus: 0,
    });
    expect(mine('web').attempts).toBeGreaterThan(0);
    down = false;
  });

  it('delivers each event once across nodes, and one a dead node had claimed once its claim runs out', async () => {
    const knex = cms.strapi.db.connection;
    down = true;
    for (const name of ['Cleats', 'Fenders', 'Hawsers', 'Winches', 'Davits']) await publishTag(name);
    await until(async () => (await backlog(knex)).pending === 5, 'a backlog of five');
    // Another node claims two and dies before delivering them: its claim lasts 1 s.
    const claimed = await claimDue(knex, { limit: 2, leaseMs: 1_000, now: Date.now() + 1_000_000 });
    expect(claimed).toHaveLength(2);
    await knex(OUTBOX)
      .whereIn(
        'id',
        claimed.map((delivery) => delivery.id),
      )
      .update({ claimed_until: Date.now() + 1_000 });

    // Two more nodes' workers beside this one's, all delivering from the same outbox.
    const config = { webUrl: `http://127.0.0.1:${port}`, revalidateSecret: 'test-revalidate-secret', edgePurgeUrl: '' };
    const options = { pollMs: 30, baseMs: 10, maxBackoffMs: 20, leaseMs: 30_000, batch: 2 };
    const others = [createOutboxWorker(cms.strapi, config, options), createOutboxWorker(cms.strapi, config, options)];
    down = false;
    others.forEach((worker) => worker.start());
    try {
      await until(async () => (await backlog(knex)).pending === 0, 'every node to drain the outbox');
    } finally {
      await Promise.all(others.map((worker) => worker.stop()));
    }
    const names = received.map((change) => change.documentId);
    expect(names).toHaveLength(5);
    expect(new Set(names).size).toBe(5);
  });
});
