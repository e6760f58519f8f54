// Running the system's parts as child processes for `npm start` and `npm run start:cluster`: each part's
// output prefixed with its name, one stop for all (Ctrl-C, or any essential part exiting), and waiting for
// a part to answer.
import { spawn } from 'node:child_process';

export function supervisor({ cwd, env }) {
  const children = [];
  let stopping = false;
  let exiting = null;

  /**
   * Starts a part. `command` defaults to the workspace's own start script; an `optional` part (a
   * translation engine) may stop without stopping the rest, and its output is not shown.
   */
  function run(name, { command = ['npm', 'run', 'start', '--workspace', name, '--silent'], env: extra = {}, optional = false } = {}) {
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
      children.map((child) => (child.exitCode !== null ? null : new Promise((resolve) => child.on('exit', resolve)))),
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
