const { spawnSync } = require('node:child_process');
const path = require('node:path');

// docker-compose.yml checked without a Docker engine: Debian's docker-compose (installed by .ci/run)
// parses it against the Compose schema.
const root = path.resolve(__dirname, '..');
const SECRETS = [
  'POSTGRES_PASSWORD',
  'APP_KEYS',
  'API_TOKEN_SALT',
  'ADMIN_JWT_SECRET',
  'TRANSFER_TOKEN_SALT',
  'JWT_SECRET',
  'ENCRYPTION_KEY',
  'REVALIDATE_SECRET',
  'PREVIEW_SECRET',
  'S3_ACCESS_KEY_ID',
  'S3_SECRET_ACCESS_KEY',
  'EDGE_TLS_PEM',
];

function compose(args, secrets) {
  const env = { ...process.env };
  for (const name of SECRETS) delete env[name];
  if (secrets) for (const name of SECRETS) env[name] = `check-${name.toLowerCase()}`;
  const result = spawnSync('docker-compose', ['-f', 'docker-compose.yml', ...args], { cwd: root, env, encoding: 'utf8' });
  if (result.error) throw new Error('docker-compose is not installed: apt-get install -y docker-compose (.ci/run does this)');
  return result;
}

describe('docker-compose.yml', () => {
  it('is a valid Compose file of the production shape: the edge, two CMS and two web nodes, PostgreSQL, Redis and S3', () => {
    const result = compose(['config'], true);
    expect(result.stderr).not.toMatch(/error/i);
    expect(result.status).toBe(0);
    const config = result.stdout;
    const services = config
      .slice(config.indexOf('services:'), config.indexOf('\nvolumes:'))
      .match(/^ {2}[a-z0-9-]+(?=:$)/gm)
      .map((name) => name.trim());
    expect(services.sort()).toEqual(['cms-1', 'cms-2', 'edge', 'postgres', 'redis', 's3', 's3-bucket', 'tls', 'web-1', 'web-2']);
    for (const volume of ['pgdata:', 'uploads:', 'tokens:']) expect(config).toContain(volume);
    // Every long-running service checks its health; the nodes wait for what they need.
    expect(config.match(/healthcheck:/g).length).toBeGreaterThanOrEqual(4);
    expect(config).toContain('condition: service_healthy');
    expect(config.match(/DATABASE_CLIENT: postgres/g)).toHaveLength(2);
    expect(config.match(/UPLOAD_PROVIDER: s3/g)).toHaveLength(2);
    expect(config.match(/REDIS_URL: redis:\/\/redis:6379/g)).toHaveLength(2);
    expect(config).toContain('WEB_URL: http://edge:80');
    expect(config).toContain('/etc/varnish/default.vcl');
    // HTTPS: Hitch hands TLS connections to the edge's PROXY socket, with the certificate as a secret.
    expect(config).toContain('tls=:8443,PROXY');
    expect(config).toContain('--backend=[edge]:8443');
    expect(config).toMatch(/site-tls:\s+file: \S*check-edge_tls_pem/);
  });

  it('gives every CMS node the same secrets and never seeds the demo outlet unless asked', () => {
    const config = compose(['config'], true).stdout;
    for (const name of ['APP_KEYS', 'ADMIN_JWT_SECRET', 'API_TOKEN_SALT', 'JWT_SECRET', 'ENCRYPTION_KEY', 'TRANSFER_TOKEN_SALT']) {
      expect(config.match(new RegExp(`${name}: check-${name.toLowerCase()}`, 'g'))).toHaveLength(2);
    }
    expect(config.match(/SEED_DEMO_CONTENT: ["']false["']/g)).toHaveLength(2);
  });

  it('refuses to run without its secrets, naming the missing one', () => {
    const result = compose(['config', '-q'], false);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/POSTGRES_PASSWORD|APP_KEYS|API_TOKEN_SALT/);
  });

  it('builds images that run as an unprivileged user and check their own health', () => {
    const fs = require('node:fs');
    for (const file of ['cms/Dockerfile', 'web/Dockerfile']) {
      const dockerfile = fs.readFileSync(path.join(root, file), 'utf8');
      expect(dockerfile.match(/^FROM /gm).length).toBeGreaterThanOrEqual(3);
      expect(dockerfile).toMatch(/^USER node$/m);
      expect(dockerfile).toMatch(/^HEALTHCHECK /m);
    }
  });
});
