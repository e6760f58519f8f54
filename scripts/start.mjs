#!/usr/bin/env node
// `npm start`: build what changed (turbo's cache skips the rest), then run the CMS and, once it answers,
// the web app. Ctrl-C stops both; if either stops, the other is stopped too. Machine translation: with no
// TRANSLATION_PROVIDER set, Apertium when it is installed (its server started on loopback), else none.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cmsPort = Number(process.env.CMS_PORT || 1337);
const webPort = Number(process.env.WEB_PORT || 3000);
const cmsUrl = process.env.CMS_URL || `http://127.0.0.1:${cmsPort}`;

const env = {
  ...process.env,
  STRAPI_TELEMETRY_DISABLED: 'true',
  NEXT_TELEMETRY_DISABLED: '1',
  TURBO_TELEMETRY_DISABLED: '1',
};

if (process.env.SKIP_BUILD !== 'true') {
  const build = spawnSync('npx', ['turbo', 'run', 'build', '--output-logs=errors-only'], { cwd: root, env, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
// Built just above: where the CMS writes the web app's token and the web app reads it.
const { WEB_API_TOKEN_FILE } = await import('@newsroom/contract');
const tokenFile = path.resolve(root, process.env.WEB_API_TOKEN_FILE || WEB_API_TOKEN_FILE);
env.WEB_API_TOKEN_FILE = tokenFile;

const children = [];
let stopping = false;

/** Runs a part of the system; an `optional` one (a translation engine) may stop without stopping the rest. */
function run(name, args, extraEnv, { command = ['npm', 'run', 'start', '--workspace', name, '--silent'], optional = false } = {}) {
  const child = spawn(command[0], [...command.slice(1), ...args], {
    cwd: root,
    env: { ...env, ...extraEnv },
    // An engine logs every request: only the system's own parts are shown.
    stdio: ['ignore', optional ? 'ignore' : 'pipe', optional ? 'ignore' : 'pipe'],
    detached: true,
  });
  for (const stream of optional ? [] : [child.stdout, child.stderr]) {
    let rest = '';
    stream.on('data', (chunk) => {
      const lines = (rest + chunk).split('\n');
      rest = lines.pop();
      for (const line of lines) process.stdout.write(`[${name}] ${line}\n`);
    });
  }
  child.on('exit', (code) => {
    if (optional && !stopping) console.error(`[${name}] stopped (exit ${code}); the rest runs on without it`);
    else if (!stopping) {
      console.error(`[${name}] stopped (exit ${code}); stopping the rest`);
      stop(code || 1);
    }
  });
  children.push(child);
  return child;
}

function stop(code = 0) {
  stopping = true;
  for (const child of children) {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
  setTimeout(() => process.exit(code), 1500).unref();
}

async function answers(url) {
  try {
    return (await fetch(url, { signal: AbortSignal.timeout(2_000) })).ok;
  } catch {
    return false;
  }
}

/** Apertium's server on loopback (or one already there), when apertium-apy is installed: its URL, or null. */
async function startApertium() {
  const port = Number(process.env.APERTIUM_PORT || 2737);
  const url = `http://127.0.0.1:${port}`;
  if (await answers(`${url}/listPairs`)) return url;
  if (spawnSync('sh', ['-c', 'command -v apertium-apy']).status !== 0) return null;
  run('apertium', [], {}, { command: ['apertium-apy', '-p', String(port), '/usr/share/apertium/modes'], optional: true });
  for (let i = 0; i < 100 && !stopping; i++) {
    if (await answers(`${url}/listPairs`)) return url;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  console.error(`[apertium] did not answer at ${url}; machine translation is off`);
  return null;
}

async function waitFor(url, name, seconds = 180) {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    if (stopping) return;
    try {
      const res = await fetch(url);
      if (res.status < 500) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  console.error(`${name} did not answer at ${url} within ${seconds} s`);
  stop(1);
}

process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

if (!process.env.TRANSLATION_PROVIDER) {
  const apertium = await startApertium();
  if (apertium) Object.assign(env, { TRANSLATION_PROVIDER: 'apertium', APERTIUM_URL: apertium });
}

// The CMS's webhook tells the web app what changed; both share REVALIDATE_SECRET (local default on both sides).
run('cms', [], {
  PORT: String(cmsPort),
  WEB_URL: process.env.WEB_URL || `http://127.0.0.1:${webPort}`,
  WEB_PUBLIC_URL: process.env.WEB_PUBLIC_URL || `http://localhost:${webPort}`,
});
await waitFor(`${cmsUrl}/_health`, 'The CMS');
run('web', [], {
  PORT: String(webPort),
  CMS_URL: cmsUrl,
  CMS_PUBLIC_URL: process.env.CMS_PUBLIC_URL || `http://localhost:${cmsPort}`,
  STRAPI_API_TOKEN_FILE: tokenFile,
});
await waitFor(`http://127.0.0.1:${webPort}/`, 'The web app');

if (!stopping) {
  console.log(`
  The Tidewater Ledger is running.
    Reader site   http://localhost:${webPort}
    Editors       http://localhost:${cmsPort}/admin   (the first start printed the admin login above)
    REST API      http://localhost:${cmsPort}/api/articles
    Translation   ${env.TRANSLATION_PROVIDER && env.TRANSLATION_PROVIDER !== 'none' ? env.TRANSLATION_PROVIDER : 'none (install apertium-apy for Apertium; README)'}
  Press Ctrl-C to stop.
`);
}
