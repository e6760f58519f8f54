#!/usr/bin/env node
// Machine translation for readers, on Apertium (which `npm start` starts when it is installed): how long the
// first visit to a translation of the demo outlet's longest article takes (the CMS has Apertium translate
// it, keeps it, the page renders), and a second visit (the cached page), against the original article's
// cached page measured in the same run. Each run publishes the article anew, so each first visit is a new
// version to translate.
// Usage: npm run bench:translation [-- --runs 5 --language es]
import { percentile } from './lib/cms.mjs';
import { markdownTable, option } from './lib/report.mjs';
import { adminHeaders, startSystem, warm } from './lib/system.mjs';

const runs = Number(option('runs', 5));
const language = option('language', 'es');
const cachedVisits = 20;
const admin = { email: 'bench@tidewater.test', password: 'Bench-Passw0rd!' };
const slug = 'barrier-consultation-what-residents-said';

const system = await startSystem({
  cmsPort: 1425,
  webPort: 3125,
  env: { ADMIN_EMAIL: admin.email, ADMIN_PASSWORD: admin.password, TRANSLATION_PROVIDER: '' },
});
try {
  if (!/Translation\s+apertium/.test(system.output()))
    throw new Error('npm start did not start Apertium: apt-get install apertium-apy apertium-eng-spa (README)');
  const original = `${system.web}/articles/${slug}`;
  const translation = `${original}/translate/${language}`;
  const headers = await adminHeaders(system.cms, admin);
  const { data } = await (await fetch(`${system.cms}/api/articles?filters[slug][$eq]=${slug}&fields[0]=standfirst`)).json();
  const base = `${system.cms}/content-manager/collection-types/api::article.article/${data[0].documentId}`;

  const timed = async (url) => {
    const started = performance.now();
    const response = await fetch(url, { headers: { 'X-Forwarded-For': `198.51.100.${Math.floor(Math.random() * 250)}` } });
    const body = await response.text();
    if (response.status !== 200) throw new Error(`${url} answered ${response.status}: ${body.slice(0, 300)}`);
    return { ms: performance.now() - started, cache: response.headers.get('x-nextjs-cache'), bytes: body.length };
  };

  const first = [];
  const cached = [];
  const originals = [];
  for (let run = 1; run <= runs; run++) {
    // A new version of the article: its translation is new too.
    await fetch(`${base}?locale=en`, {
      method: 'PUT',
      headers,
      body: JSON.stringify({ standfirst: `${data[0].standfirst} (revision ${run})` }),
    });
    await fetch(`${base}/actions/publish?locale=en`, { method: 'POST', headers, body: '{}' });
    for (const started = Date.now(); !(await (await fetch(original)).text()).includes(`(revision ${run})`); ) {
      if (Date.now() - started > 30_000) throw new Error(`revision ${run} did not reach the site in 30 s`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await warm(original);
    const visit = await timed(translation);
    if (visit.cache === 'HIT') throw new Error('the first visit was served from the cache: nothing was translated');
    first.push(visit.ms);
    await warm(translation);
    for (let i = 0; i < cachedVisits; i++) {
      cached.push((await timed(translation)).ms);
      originals.push((await timed(original)).ms);
    }
  }

  const html = (await (await fetch(translation)).text()).length;
  const ms = (value) => Math.round(value * 10) / 10;
  const p50 = (values) =>
    percentile(
      [...values].sort((a, b) => a - b),
      50,
    );
  console.log(`\n## Machine translation on Apertium (/articles/${slug} into ${language}, ${runs} versions, ms)\n`);
  console.log(
    markdownTable([
      {
        visit: 'first (translated and rendered)',
        'p50 ms': ms(p50(first)),
        'max ms': ms(Math.max(...first)),
        'x the original, cached': ms(p50(first) / p50(originals)),
      },
      {
        visit: `second (cached, ${cached.length} visits)`,
        'p50 ms': ms(p50(cached)),
        'max ms': ms(Math.max(...cached)),
        'x the original, cached': ms(p50(cached) / p50(originals)),
      },
      {
        visit: `original article (cached, ${originals.length} visits)`,
        'p50 ms': ms(p50(originals)),
        'max ms': ms(Math.max(...originals)),
        'x the original, cached': 1,
      },
    ]),
  );
  console.log(`\nThe translated page is ${Math.round(html / 1024)} KB of HTML.`);
} finally {
  await system.stop();
}
