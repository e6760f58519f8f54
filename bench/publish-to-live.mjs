#!/usr/bin/env node
// Publish-to-live: from an editor's publish call returning to the new headline being served by the web app.
// Starts the system with `npm start` on a temporary database, publishes N times, prints the distribution.
// Usage: npm run bench:publish [-- --runs 20]
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { createSystem } = require('../e2e/helpers/system.js');

const runsArg = process.argv.indexOf('--runs');
const runs = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 10;
const admin = { email: 'bench@tidewater.test', password: 'Bench-Passw0rd!' };
const system = createSystem({ cmsPort: 1397, webPort: 3097, env: { ADMIN_EMAIL: admin.email, ADMIN_PASSWORD: admin.password } });
const slug = 'council-approves-night-ferry-trial';
const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

const running = system.start();
try {
  await running.ready;
  const jwt = (
    await (
      await fetch(`${system.cms}/admin/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(admin),
      })
    ).json()
  ).data.token;
  const headers = { Authorization: `Bearer ${jwt}`, 'Content-Type': 'application/json' };
  const { data } = await (await fetch(`${system.cms}/api/articles?filters[slug][$eq]=${slug}&fields[0]=title`)).json();
  const base = `${system.cms}/content-manager/collection-types/api::article.article/${data[0].documentId}`;
  await fetch(`${system.web}/articles/${slug}`); // cached before the first publish

  const times = [];
  for (let i = 1; i <= runs; i++) {
    const title = `Night ferry trial approved (revision ${i})`;
    await fetch(`${base}?locale=en`, { method: 'PUT', headers, body: JSON.stringify({ title }) });
    await fetch(`${base}/actions/publish?locale=en`, { method: 'POST', headers, body: '{}' });
    const started = performance.now();
    for (;;) {
      const html = await (await fetch(`${system.web}/articles/${slug}`)).text();
      if (html.includes(title)) break;
      if (performance.now() - started > 30_000) throw new Error(`revision ${i} not live after 30 s`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    times.push(performance.now() - started);
  }
  const sorted = [...times].sort((a, b) => a - b);
  console.log(`\nPublish to live, ${runs} publishes (ms)`);
  const ms = (value) => Math.round(value);
  console.table({ p50: ms(percentile(sorted, 50)), p95: ms(percentile(sorted, 95)), min: ms(sorted[0]), max: ms(sorted.at(-1)) });
} finally {
  await running.stop();
  system.cleanup();
}
