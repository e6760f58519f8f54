import http from 'http';
import type { AddressInfo } from 'net';
import type { Core } from '@strapi/strapi';
import { startCms, type TestCms } from './helpers/strapi';

// A stand-in for the web app's /api/revalidate that answers from a script: first failures, then success.
let answers: number[] = [];
const received: { event: string; uid: string }[] = [];
const server = http.createServer((req, res) => {
  let body = '';
  req.on('data', (chunk) => (body += chunk));
  req.on('end', () => {
    received.push(JSON.parse(body));
    const status = answers.shift() ?? 200;
    res.writeHead(status, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(status === 200 ? { revalidated: ['article-lists', 'tag-names'] } : { error: 'try later' }));
  });
});

let cms: TestCms;
let lines: string[] = [];
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  cms = await startCms({ seed: false, env: { WEB_URL: `http://127.0.0.1:${port}`, WEBHOOK_RETRY_BASE_MS: '20', WEBHOOK_ATTEMPTS: '4' } });
  // The delivery log is what these tests read; it is kept, not printed.
  for (const level of ['info', 'warn', 'error'] as const) {
    const original = cms.strapi.log[level].bind(cms.strapi.log);
    jest.spyOn(cms.strapi.log, level).mockImplementation((message: unknown) => {
      if (typeof message === 'string' && message.includes('"webhook delivery"')) lines.push(message);
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
beforeEach(() => {
  lines = [];
  received.length = 0;
});

// A draft save changes nothing readers see and is not delivered; a publish is.
async function publishTag(name: string) {
  const tags = cms.strapi.documents('api::tag.tag');
  const { documentId } = await tags.create({ data: { name, slug: name.toLowerCase() } });
  await tags.publish({ documentId });
}

async function deliveries(count: number) {
  const deadline = Date.now() + 5000;
  while (lines.length < count && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  return lines.map((line) => JSON.parse(line));
}

describe("deliveries to the web app's revalidation endpoint", () => {
  it('retries a failed delivery with backoff and logs each attempt and what was refreshed', async () => {
    answers = [503, 502];
    await publishTag('Lighthouses');
    const log = await deliveries(3);
    expect(log.map((l) => [l.attempt, l.status])).toEqual([
      [1, 503],
      [2, 502],
      [3, 200],
    ]);
    expect(log[2]).toMatchObject({
      msg: 'webhook delivery',
      event: 'entry.publish',
      uid: 'api::tag.tag',
      refreshed: ['article-lists', 'tag-names'],
    });
    expect(log[0].error).toContain('try later');
    expect(received).toHaveLength(3);
  });

  it('gives up after the last attempt, and at once on a refusal that retrying cannot fix', async () => {
    answers = [500, 500, 500, 500];
    await publishTag('Buoys');
    const failing = await deliveries(4);
    expect(failing.map((l) => l.attempt)).toEqual([1, 2, 3, 4]);
    expect(failing[3].gaveUp).toBe(true);

    lines = [];
    answers = [401];
    await publishTag('Moorings');
    const refused = await deliveries(1);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(lines).toHaveLength(1);
    expect(refused[0]).toMatchObject({ attempt: 1, status: 401, gaveUp: true });
  });
});

describe('a delivery waiting to be retried', () => {
  it("does not hold one of Strapi's delivery workers: the run returns after the first attempt", async () => {
    const { retryWebhookDeliveries } = require('../dist/src/webhooks/delivery') as typeof import('../src/webhooks/delivery');
    const logged: string[] = [];
    type Run = (webhook: { name: string; url: string }, event: string, info: object) => Promise<{ statusCode: number }>;
    const runner: { run: Run } = { run: async () => ({ statusCode: 200 }) };
    const log = (message: string) => logged.push(message);
    // Just what the wrapper uses of Strapi: its runner and its log.
    const strapi = { get: () => runner, log: { info: log, warn: log, error: log } } as unknown as Core.Strapi;
    retryWebhookDeliveries(strapi, ['web'], { attempts: 3, baseMs: 60_000 }); // a minute before the retry

    answers = [503];
    const { port } = server.address() as AddressInfo;
    const webhook = { name: 'web', url: `http://127.0.0.1:${port}/api/revalidate` };
    // Were the retry's minute spent inside run(), this would time out.
    const result = await runner.run(webhook, 'site.change', { event: 'entry.publish', uid: 'api::tag.tag', documentId: 'd1' });
    expect(result.statusCode).toBe(503);
    expect(received).toHaveLength(1); // the retry is still waiting, outside
    expect(JSON.parse(logged[0])).toMatchObject({ attempt: 1, status: 503 });
    expect(logged[0]).not.toContain('gaveUp');
  });
});
