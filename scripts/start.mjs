#!/usr/bin/env node
// `npm start`: build what changed (turbo's cache skips the rest), then run the CMS and, once it answers,
// the web app. Ctrl-C stops both; if either stops, the other is stopped too. Machine translation: with no
// TRANSLATION_PROVIDER set, Apertium when it is installed (its server started on loopback), else none.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildUnlessSkipped, startApertium, supervisor, systemEnv } from './lib/processes.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cmsPort = Number(process.env.CMS_PORT || 1337);
const webPort = Number(process.env.WEB_PORT || 3000);
const cmsUrl = process.env.CMS_URL || `http://127.0.0.1:${cmsPort}`;

const env = systemEnv();
buildUnlessSkipped({ cwd: root, env });
// Built just above: where the CMS writes the web app's token and the web app reads it.
const { WEB_API_TOKEN_FILE } = await import('@newsroom/contract');
const tokenFile = path.resolve(root, process.env.WEB_API_TOKEN_FILE || WEB_API_TOKEN_FILE);
env.WEB_API_TOKEN_FILE = tokenFile;

const { run, waitFor, stopping } = supervisor({ cwd: root, env });

if (!process.env.TRANSLATION_PROVIDER) {
  const apertium = await startApertium({ run, stopping });
  if (apertium) Object.assign(env, { TRANSLATION_PROVIDER: 'apertium', APERTIUM_URL: apertium });
}

// The CMS's webhook tells the web app what changed; both share REVALIDATE_SECRET (local default on both sides).
run('cms', {
  env: {
    PORT: String(cmsPort),
    WEB_URL: process.env.WEB_URL || `http://127.0.0.1:${webPort}`,
    WEB_PUBLIC_URL: process.env.WEB_PUBLIC_URL || `http://localhost:${webPort}`,
  },
});
await waitFor(`${cmsUrl}/_health`, 'The CMS');
run('web', {
  env: {
    PORT: String(webPort),
    CMS_URL: cmsUrl,
    CMS_PUBLIC_URL: process.env.CMS_PUBLIC_URL || `http://localhost:${cmsPort}`,
    STRAPI_API_TOKEN_FILE: tokenFile,
  },
});
await waitFor(`http://127.0.0.1:${webPort}/`, 'The web app');

if (!stopping()) {
  console.log(`
  The Tidewater Ledger is running.
    Reader site   http://localhost:${webPort}
    Editors       http://localhost:${cmsPort}/admin   (the first start printed the admin login above)
    REST API      http://localhost:${cmsPort}/api/articles
    Translation   ${env.TRANSLATION_PROVIDER && env.TRANSLATION_PROVIDER !== 'none' ? env.TRANSLATION_PROVIDER : 'none (install apertium-apy for Apertium; README)'}
  Press Ctrl-C to stop.
`);
}
