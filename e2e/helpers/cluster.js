const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { runUntilReady } = require('./run-until-ready');

const root = path.resolve(__dirname, '..', '..');

/**
 * Runs `npm run start:cluster` (the README's command) on ports, a PostgreSQL database, a Redis key prefix
 * and a folder of its own, so it disturbs nothing else on the machine. `start()` resolves when the script
 * reports the cluster is running; `stop()` is Ctrl-C; `cleanup()` drops the database and the folder.
 */
function createCluster({
  edgePort,
  edgeApiPort,
  edgeTlsPort,
  webPorts,
  cmsPorts,
  s3Port,
  redisUrl = 'redis://127.0.0.1:6379',
  env: extra = {},
}) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-cluster-'));
  const database = `newsroom_e2e_cluster_${process.pid}`;
  const env = { ...process.env };
  for (const key of [
    'CMS_URL',
    'WEB_URL',
    'STRAPI_API_TOKEN',
    'STRAPI_API_TOKEN_FILE',
    'REVALIDATE_SECRET',
    'SITE_URL',
    'TRANSLATION_PROVIDER',
  ])
    delete env[key];
  Object.assign(env, {
    EDGE_PORT: String(edgePort),
    EDGE_API_PORT: String(edgeApiPort),
    EDGE_TLS_PORT: String(edgeTlsPort),
    CLUSTER_WEB_PORTS: webPorts.join(','),
    CLUSTER_CMS_PORTS: cmsPorts.join(','),
    S3_PORT: String(s3Port),
    CLUSTER_DATABASE_URL: `postgres://postgres@127.0.0.1:5432/${database}`,
    CLUSTER_DIR: tmp,
    REDIS_URL: redisUrl,
    REDIS_KEY_PREFIX: `newsroom:e2e:${process.pid}:`,
    // Each test file's cluster has its own engines: the translation engine is chosen by the test.
    TRANSLATION_PROVIDER: 'none',
    // Tests and benches ask far more than a client would; the tests of the limits set their own.
    API_RATE_LIMIT: '1000000',
    API_TOKEN_RATE_LIMIT: '1000000',
    ...extra,
  });

  const loopback = (port) => `http://127.0.0.1:${port}`;
  return {
    site: loopback(edgePort),
    api: loopback(edgeApiPort),
    // HTTPS through Hitch (when installed), with the self-signed certificate start:cluster made.
    https: `https://127.0.0.1:${edgeTlsPort}`,
    certificate: path.join(tmp, 'tls', 'cert.pem'),
    /** The edge's working folder, for varnishadm -n. */
    varnishDir: path.join(tmp, 'varnish'),
    webNodes: webPorts.map(loopback),
    cmsNodes: cmsPorts.map(loopback),
    start() {
      return runUntilReady(['run', 'start:cluster'], { cwd: root, env, readyText: 'running as a cluster', timeoutMs: 360_000 });
    },
    cleanup() {
      spawnSync('psql', [
        '-h',
        '127.0.0.1',
        '-U',
        'postgres',
        '-d',
        'postgres',
        '-qc',
        `DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`,
      ]);
      fs.rmSync(tmp, { recursive: true, force: true });
    },
  };
}

module.exports = { createCluster };
