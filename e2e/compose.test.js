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
  it('is a valid Compose file with postgres, cms and web, named volumes and health checks', () => {
    const result = compose(['config'], true);
    expect(result.stderr).not.toMatch(/error/i);
    expect(result.status).toBe(0);
    const config = result.stdout;
    for (const service of ['postgres:', 'cms:', 'web:']) expect(config).toContain(`  ${service}`);
    for (const volume of ['pgdata:', 'uploads:', 'tokens:']) expect(config).toContain(volume);
    expect(config).toContain('condition: service_healthy');
    expect(config).toContain('DATABASE_CLIENT: postgres');
    expect(config).toContain('WEB_URL: http://web:3000');
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
