#!/usr/bin/env node
// `npm run start:cluster`: the production shape on this machine, on loopback. An edge (Varnish) in front of
// two web nodes and two CMS nodes; the CMS nodes on the machine's PostgreSQL (its database created if
// missing, seeded on first start) with uploads in an S3 server; the web nodes sharing one page cache in the
// machine's Redis. Ctrl-C stops everything it started. README, "Scale-out", says how the parts fit.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { createClient } from '@redis/client';
import S3rver from 's3rver';
import { buildUnlessSkipped, startApertium, supervisor, systemEnv } from './lib/processes.mjs';
import { certificate, hitchCommand, hitchInstalled, tlsSocket } from './lib/edge-tls.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ports = (value, fallback) => (value || fallback).split(',').map(Number);
const config = {
  edgePort: Number(process.env.EDGE_PORT || 8080),
  edgeApiPort: Number(process.env.EDGE_API_PORT || 8081),
  edgeTlsPort: Number(process.env.EDGE_TLS_PORT || 8443),
  webPorts: ports(process.env.CLUSTER_WEB_PORTS, '3101,3102'),
  cmsPorts: ports(process.env.CLUSTER_CMS_PORTS, '1401,1402'),
  s3Port: Number(process.env.S3_PORT || 4569),
  databaseUrl: process.env.CLUSTER_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/newsroom_cluster',
  redisUrl: process.env.REDIS_URL || 'redis://127.0.0.1:6379',
  redisPrefix: process.env.REDIS_KEY_PREFIX || 'newsroom:cluster:',
  dir: path.resolve(root, process.env.CLUSTER_DIR || '.data/cluster'),
  bucket: process.env.S3_BUCKET || 'newsroom-uploads',
};
const loopback = (port) => `http://127.0.0.1:${port}`;
const site = loopback(config.edgePort);
const api = loopback(config.edgeApiPort);
const admin = `http://localhost:${config.cmsPorts[0]}`;

const env = systemEnv();
buildUnlessSkipped({ cwd: root, env });
fs.mkdirSync(path.join(config.dir, 's3'), { recursive: true });
const { run, waitFor, stopping } = supervisor({ cwd: root, env });

/** The cluster's database on the machine's PostgreSQL, created on first start. */
async function ensureDatabase(url) {
  const name = new URL(url).pathname.slice(1);
  const server = new URL(url);
  server.pathname = '/postgres';
  const client = new pg.Client({ connectionString: server.toString() });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) {
      await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
      console.log(`[cluster] created database ${name}`);
    }
  } finally {
    await client.end();
  }
}

/** The shared page cache starts empty, like the edge: no page rendered by an earlier run is served. */
async function clearSharedCache(url, prefix) {
  const client = createClient({ url, socket: { connectTimeout: 2_000, reconnectStrategy: false } });
  await client.connect();
  try {
    for await (const keys of client.scanIterator({ MATCH: `${prefix}*`, COUNT: 1_000 })) if (keys.length > 0) await client.unlink(keys);
  } finally {
    client.destroy();
  }
}

/** The edge's backends: the nodes started here, probed so a stopped node gets no requests. */
function writeBackends(file) {
  const backend = (name, port, probe) =>
    `backend ${name} { .host = "127.0.0.1"; .port = "${port}"; .probe = ${probe}; .first_byte_timeout = 60s; }`;
  const lines = [
    '# Written by scripts/cluster.mjs for the nodes it starts.',
    'probe site_probe { .url = "/robots.txt"; .interval = 1s; .timeout = 2s; .window = 3; .threshold = 2; }',
    'probe api_probe { .url = "/_health"; .expected_response = 204; .interval = 1s; .timeout = 2s; .window = 3; .threshold = 2; }',
    ...config.webPorts.map((port, i) => backend(`web${i + 1}`, port, 'site_probe')),
    ...config.cmsPorts.map((port, i) => backend(`cms${i + 1}`, port, 'api_probe')),
    'acl purgers { "127.0.0.1"; "::1"; }',
    'sub vcl_init {',
    '  new site = directors.round_robin();',
    ...config.webPorts.map((_, i) => `  site.add_backend(web${i + 1});`),
    '  new api = directors.round_robin();',
    ...config.cmsPorts.map((_, i) => `  api.add_backend(cms${i + 1});`),
    '}',
  ];
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
}

try {
  await ensureDatabase(config.databaseUrl);
  await clearSharedCache(config.redisUrl, config.redisPrefix);
} catch (error) {
  console.error(`[cluster] ${error.message}: PostgreSQL (${config.databaseUrl}) and Redis (${config.redisUrl}) must be running`);
  process.exit(1);
}

const s3 = new S3rver({
  address: '127.0.0.1',
  port: config.s3Port,
  directory: path.join(config.dir, 's3'),
  configureBuckets: [{ name: config.bucket }],
  silent: true,
});
await s3.run();
process.on('exit', () => void s3.close());

if (!process.env.TRANSLATION_PROVIDER) {
  const apertium = await startApertium({ run, stopping });
  if (apertium) Object.assign(env, { TRANSLATION_PROVIDER: 'apertium', APERTIUM_URL: apertium });
}

const varnishDir = path.join(config.dir, 'varnish');
writeBackends(path.join(config.dir, 'backends.vcl'));
// HTTPS (HTTP/2) through Hitch when it is installed; its connections reach Varnish on a socket of their own.
const tls = hitchInstalled() ? { socket: tlsSocket(config.edgeTlsPort), pem: certificate(path.join(config.dir, 'tls')) } : null;
run('edge', {
  command: [
    'varnishd',
    '-F',
    '-j',
    'none',
    '-n',
    varnishDir,
    '-a',
    `site=127.0.0.1:${config.edgePort}`,
    '-a',
    `api=127.0.0.1:${config.edgeApiPort}`,
    ...(tls ? ['-a', `tls=${tls.socket},PROXY,mode=666`, '-p', 'feature=+http2'] : []),
    '-p',
    `vcl_path=${config.dir}:${path.join(root, 'edge')}`,
    '-p',
    'http_resp_hdr_len=65536',
    '-p',
    'http_resp_size=131072',
    '-f',
    path.join(root, 'edge', 'edge.vcl'),
    '-s',
    `malloc,${process.env.EDGE_MEMORY || '256m'}`,
  ],
});

if (tls) {
  // Hitch refuses to start when its backend, the socket Varnish listens on for it, is not there yet: Varnish
  // makes it once its worker has started, a moment after its own start.
  for (let tries = 0; !fs.existsSync(tls.socket) && tries < 300; tries++) await new Promise((resolve) => setTimeout(resolve, 100));
  run('tls', { command: hitchCommand({ port: config.edgeTlsPort, socket: tls.socket, pem: tls.pem }) });
}

// Every node has the same secrets (the environment's, or the local defaults) and the same token file.
const tokenFile = path.join(config.dir, 'web-api-token');
const cmsEnv = {
  DATABASE_CLIENT: 'postgres',
  DATABASE_URL: config.databaseUrl,
  UPLOAD_PROVIDER: 's3',
  S3_ENDPOINT: loopback(config.s3Port),
  S3_BUCKET: config.bucket,
  S3_ACCESS_KEY_ID: 'S3RVER',
  S3_SECRET_ACCESS_KEY: 'S3RVER',
  EDGE_PURGE_URL: api,
  // Change events go through the edge to whichever web node is up; the shared cache refreshes them all.
  WEB_URL: site,
  WEB_PUBLIC_URL: process.env.WEB_PUBLIC_URL || `http://localhost:${config.edgePort}`,
  WEB_API_TOKEN_FILE: tokenFile,
  PUBLIC_URL: '',
  // One count of each client's requests across the nodes; the client is whom the edge names.
  REDIS_URL: config.redisUrl,
  REDIS_KEY_PREFIX: config.redisPrefix,
  TRUSTED_PROXIES: process.env.TRUSTED_PROXIES || '127.0.0.1',
};
// The first node migrates and seeds the database; the others start once it answers.
for (const [i, port] of config.cmsPorts.entries()) {
  run(`cms-${i + 1}`, {
    command: ['npm', 'run', 'start', '--workspace', 'cms', '--silent'],
    env: { ...cmsEnv, PORT: String(port) },
    restart: true,
  });
  if (i === 0 && !(await waitFor(`${loopback(port)}/_health`, `CMS node 1`, 240))) break;
}
for (const [i, port] of config.cmsPorts.entries()) await waitFor(`${loopback(port)}/_health`, `CMS node ${i + 1}`, 240);

for (const [i, port] of config.webPorts.entries()) {
  run(`web-${i + 1}`, {
    command: ['npm', 'run', 'start', '--workspace', 'web', '--silent'],
    env: {
      PORT: String(port),
      HOSTNAME: '127.0.0.1',
      CMS_URL: api,
      CMS_PUBLIC_URL: admin,
      SITE_URL: process.env.SITE_URL || `http://localhost:${config.edgePort}`,
      STRAPI_API_TOKEN_FILE: tokenFile,
      REDIS_URL: config.redisUrl,
      REDIS_KEY_PREFIX: config.redisPrefix,
      EDGE_PURGE_URL: site,
    },
    restart: true,
  });
}
for (const [i, port] of config.webPorts.entries()) await waitFor(`${loopback(port)}/robots.txt`, `Web node ${i + 1}`);
await waitFor(`${site}/`, 'The edge');

if (!stopping()) {
  console.log(`
  The Tidewater Ledger is running as a cluster.
    Reader site   http://localhost:${config.edgePort}            (the edge; web nodes ${config.webPorts.map(loopback).join(', ')})
    HTTPS         ${tls ? `https://localhost:${config.edgeTlsPort}           (HTTP/2; certificate ${tls.pem})` : 'none (install hitch for HTTPS and HTTP/2 at the edge)'}
    REST API      http://localhost:${config.edgeApiPort}/api/articles  (the edge; CMS nodes ${config.cmsPorts.map(loopback).join(', ')})
    Editors       ${config.cmsPorts.map((port) => `http://localhost:${port}/admin`).join(', ')}
    Storage       S3 ${loopback(config.s3Port)}/${config.bucket}, PostgreSQL ${config.databaseUrl}, Redis ${config.redisUrl}
    Translation   ${env.TRANSLATION_PROVIDER && env.TRANSLATION_PROVIDER !== 'none' ? env.TRANSLATION_PROVIDER : 'none'}
  Press Ctrl-C to stop.
`);
}
