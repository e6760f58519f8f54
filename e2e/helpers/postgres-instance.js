const { execFileSync, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

// A PostgreSQL server of a test's own (Debian's binaries, a data folder in /tmp, a port of its own), so the
// test can stop, crash and restart it without touching the machine's server that other tests use.

function binDir() {
  const base = '/usr/lib/postgresql';
  const [version] = fs
    .readdirSync(base)
    .filter((v) => fs.existsSync(path.join(base, v, 'bin', 'pg_ctl')))
    .sort((a, b) => Number(b) - Number(a));
  if (!version) throw new Error('PostgreSQL server binaries not found under /usr/lib/postgresql');
  return path.join(base, version, 'bin');
}

function createPostgresInstance({ port }) {
  const bin = binDir();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-postgres-'));
  const data = path.join(dir, 'data');
  const log = path.join(dir, 'server.log');
  // The server refuses to run as root: as root, it runs as the postgres user.
  const asServerUser = process.getuid?.() === 0;
  if (asServerUser) fs.chownSync(dir, Number(execFileSync('id', ['-u', 'postgres'])), Number(execFileSync('id', ['-g', 'postgres'])));
  const run = (tool, args) => {
    const [command, all] = asServerUser
      ? ['runuser', ['-u', 'postgres', '--', path.join(bin, tool), ...args]]
      : [path.join(bin, tool), args];
    const result = spawnSync(command, all, { encoding: 'utf8' });
    if (result.status !== 0)
      throw new Error(
        `${tool} ${args[0]} failed: ${result.stderr || result.stdout}\n${fs.existsSync(log) ? fs.readFileSync(log, 'utf8').slice(-800) : ''}`,
      );
    return result.stdout;
  };
  const ctl = (...args) => run('pg_ctl', ['-D', data, '-l', log, ...args]);
  const options = `-p ${port} -c listen_addresses=127.0.0.1 -k ${dir} -c fsync=off`;

  return {
    url: (database) => `postgres://postgres@127.0.0.1:${port}/${database}`,
    init() {
      run('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '--no-sync']);
      this.start();
    },
    start: () => ctl('start', '-w', '-o', options),
    /** Mode "fast" is an orderly shutdown; "immediate" is a crash (no checkpoint; recovery at the next start). */
    stop: (mode = 'fast') => ctl('stop', '-w', '-m', mode),
    createDatabase(name) {
      const result = spawnSync(
        'psql',
        ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-d', 'postgres', '-qc', `CREATE DATABASE "${name}"`],
        {
          encoding: 'utf8',
        },
      );
      if (result.status !== 0) throw new Error(result.stderr);
    },
    cleanup() {
      try {
        ctl('stop', '-w', '-m', 'immediate');
      } catch {
        // not running
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

module.exports = { createPostgresInstance };
