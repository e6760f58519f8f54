// The whole system for a benchmark: `npm start` (build, then CMS + `next start`) on a fresh seeded SQLite
// database, through the e2e helper. Stopped on exit and on Ctrl-C, so no server outlives the bench.
import https from 'node:https';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { createSystem } = require('../../e2e/helpers/system.js');

export async function startSystem({ cmsPort, webPort, env = {} }) {
  const system = createSystem({ cmsPort, webPort, env });
  console.error(`Starting the system (npm start: build, CMS on ${cmsPort}, web on ${webPort})...`);
  const running = system.start();
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await running.stop();
    system.cleanup();
  };
  const interrupted = () => stop().then(() => process.exit(130));
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  try {
    await running.ready;
  } catch (error) {
    await stop();
    throw error;
  }
  return { cms: system.cms, web: system.web, output: running.output, stop };
}

/** Signs in to the admin as `admin`: the headers its content manager's API wants. */
export async function adminHeaders(cms, admin) {
  const login = await fetch(`${cms}/admin/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(admin),
  });
  if (!login.ok) throw new Error(`the admin login answered ${login.status}`);
  return { Authorization: `Bearer ${(await login.json()).data.token}`, 'Content-Type': 'application/json' };
}

/** GET `url`, over HTTPS trusting `ca` (a cluster's self-signed certificate): its headers and body as text. */
export function get(url, { headers = {}, ca } = {}) {
  if (!url.startsWith('https:')) return fetch(url, { headers }).then(async (r) => ({ headers: r.headers, body: await r.text() }));
  return new Promise((resolve, reject) => {
    https
      .get(url, { headers, ca }, (response) => {
        let body = '';
        response.setEncoding('latin1').on('data', (chunk) => (body += chunk));
        response.on('end', () => resolve({ headers: new Headers(response.headers), body }));
      })
      .on('error', reject);
  });
}

/** Warms an ISR page until it is answered from a cache: `next start`'s (x-nextjs-cache) or the edge's (x-cache). */
export async function warm(url, { tries = 20, ca } = {}) {
  for (let i = 0; i < tries; i++) {
    const { headers } = await get(url, { ca });
    if (headers.get('x-nextjs-cache') === 'HIT' || headers.get('x-cache') === 'HIT') return true;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return false;
}
