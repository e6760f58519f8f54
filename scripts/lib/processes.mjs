// Running the system's parts as child processes for `npm start` and `npm run start:cluster`: the build
// first, each part's output prefixed with its name, one stop for all (Ctrl-C, or any essential part
// exiting), waiting for a part to answer, and the optional translation engine.
import { spawn, spawnSync } from 'node:child_process';

/** The environment every part runs in: the caller's, with telemetry off everywhere. */
export const systemEnv = () => ({
  ...process.env,
  STRAPI_TELEMETRY_DISABLED: 'true',
  NEXT_TELEMETRY_DISABLED: '1',
  TURBO_TELEMETRY_DISABLED: '1',
});

/** Builds what changed (turbo's cache skips the rest) unless SKIP_BUILD=true; a failed build ends the process. */
export function buildUnlessSkipped({ cwd, env }) {
  if (process.env.SKIP_BUILD === 'true') return;
  const build = spawnSync('npx', ['turbo', 'run', 'build', '--output-logs=errors-only'], { cwd, env, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

export function supervisor({ cwd, env }) {
  const children = [];
  let stopping = false;
  let exiting = null;

  /**
   * Starts a part. `command` defaults to the workspace's own start script; an `optional` part (a
   * translation engine) may stop without stopping the rest, and its output is not shown. A part that may
   * `restart` (a web or CMS node: others serve meanwhile) is started again a second after it dies, as a
   * service manager would; five quick deaths in a row stop everything.
   */
  function run(name, options = {}) {
    const {
      command = ['npm', 'run', 'start', '--workspace', name, '--silent'],
      env: extra = {},
      optional = false,
      restart = false,
    } = options;
    const startedAt = Date.now();
    const child = spawn(command[0], command.slice(1), {
      cwd,
      env: { ...env, ...extra },
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
    child.on('exit', (code, signal) => {
      if (stopping) return;
      const quick = Date.now() - startedAt < 10_000 ? (options.quickDeaths ?? 0) + 1 : 0;
      if (optional) console.error(`[${name}] stopped (exit ${code}); the rest runs on without it`);
      else if (restart && quick < 5) {
        console.error(`[${name}] stopped (${signal ?? `exit ${code}`}); restarting it in 1 s`);
        setTimeout(() => stopping || run(name, { ...options, quickDeaths: quick }), 1_000);
      } else {
        console.error(`[${name}] stopped (exit ${code}); stopping the rest`);
        stop(code || 1);
      }
    });
    children.push(child);
    return child;
  }

  /** Stops every part (their whole process groups) and then this process. */
  function stop(code = 0) {
    if (exiting) return exiting;
    stopping = true;
    for (const child of children) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    }
    const exited = Promise.all(
      children.map((child) =>
        child.exitCode !== null || child.signalCode !== null ? null : new Promise((resolve) => child.on('exit', resolve)),
      ),
    );
    exiting = Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000).unref())]).then(() => process.exit(code));
    return exiting;
  }

  /** Waits until `url` answers below 500; stops everything if it does not within `seconds`. */
  async function waitFor(url, name, seconds = 180) {
    const deadline = Date.now() + seconds * 1000;
    while (Date.now() < deadline) {
      if (stopping) return false;
      if (await answers(url, (status) => status < 500)) return true;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    console.error(`${name} did not answer at ${url} within ${seconds} s`);
    stop(1);
    return false;
  }

  process.on('SIGINT', () => stop(0));
  process.on('SIGTERM', () => stop(0));

  return { run, stop, waitFor, stopping: () => stopping };
}

/** Whether `url` answers (by default: with a 2xx) within two seconds. */
export async function answers(url, ok = (status) => status >= 200 && status < 300) {
  try {
    return ok((await fetch(url, { signal: AbortSignal.timeout(2_000) })).status);
  } catch {
    return false;
  }
}

/**
 * Apertium's server on loopback (or one already there, APERTIUM_PORT), when apertium-apy is installed: its
 * URL, or null. `run` and `stopping` are the supervisor's.
 */
export async function startApertium({ run, stopping }) {
  const port = Number(process.env.APERTIUM_PORT || 2737);
  const url = `http://127.0.0.1:${port}`;
  if (await answers(`${url}/listPairs`)) return url;
  if (spawnSync('sh', ['-c', 'command -v apertium-apy']).status !== 0) return null;
  run('apertium', { command: ['apertium-apy', '-p', String(port), '/usr/share/apertium/modes'], optional: true });
  for (let i = 0; i < 100 && !stopping(); i++) {
    if (await answers(`${url}/listPairs`)) return url;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  console.error(`[apertium] did not answer at ${url}; machine translation is off`);
  return null;
}
