#!/usr/bin/env node
// Publish-to-live: from an editor's publish call returning to the new headline being served by the web app.
// Starts the system with `npm start` on a temporary database, publishes N times, prints the distribution.
// Usage: npm run bench:publish [-- --runs 20]
import { percentile } from './lib/cms.mjs';
import { markdownTable, option } from './lib/report.mjs';
import { adminHeaders, startSystem } from './lib/system.mjs';

const runs = Number(option('runs', 20));
const admin = { email: 'bench@tidewater.test', password: 'Bench-Passw0rd!' };
const slug = 'council-approves-night-ferry-trial';

const system = await startSystem({ cmsPort: 1421, webPort: 3121, env: { ADMIN_EMAIL: admin.email, ADMIN_PASSWORD: admin.password } });
try {
  const headers = await adminHeaders(system.cms, admin);
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
      if (performance.now() - started > 30_000) {
        const deliveries = system
          .output()
          .split('\n')
          .filter((line) => /webhook|revalidat/i.test(line));
        throw new Error(`revision ${i} not live after 30 s; the system's webhook lines:\n${deliveries.slice(-20).join('\n')}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    times.push(performance.now() - started);
  }
  const sorted = [...times].sort((a, b) => a - b);
  const ms = (value) => Math.round(value);
  console.log(`\n## Publish to live (${runs} publishes of /articles/${slug}, ms)\n`);
  console.log(
    markdownTable([
      {
        publishes: runs,
        'p50 ms': ms(percentile(sorted, 50)),
        'p95 ms': ms(percentile(sorted, 95)),
        'min ms': ms(sorted[0]),
        'max ms': ms(sorted.at(-1)),
      },
    ]),
  );
  console.log(`
Measured from the admin's publish call returning to the first response of the web app carrying the new headline
(polled every 5 ms). The machine is shared: expect noise.
Reproduce: npm run bench:publish [-- --runs 20]`);
} finally {
  await system.stop();
}
