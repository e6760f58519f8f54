const { spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

// One app of the system (the CMS or the web app) as its own process group, started by its workspace's
// `npm start`, for tests that stop, kill or restart one part while the others run.
const root = path.resolve(__dirname, '..', '..');

/** Polls `url` until it answers below 500. */
async function until(url, { timeoutMs = 120_000 } = {}) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).status < 500) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${url} did not come up in ${timeoutMs / 1000} s`);
}

/** Starts `npm run start --workspace <workspace>` with `env`, its output appended to `logFile`. */
function startApp(workspace, env, logFile) {
  const log = fs.openSync(logFile, 'a');
  const child = spawn('npm', ['run', 'start', '--workspace', workspace, '--silent'], {
    cwd: root,
    env: { ...process.env, STRAPI_TELEMETRY_DISABLED: 'true', NEXT_TELEMETRY_DISABLED: '1', ...env },
    detached: true,
    stdio: ['ignore', log, log],
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const running = () => child.exitCode === null && child.signalCode === null;
  return {
    child,
    exited,
    running,
    /** SIGTERM to the whole group (npm and the server under it), SIGKILL after 10 s. */
    async stop() {
      if (!running()) return;
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        return; // the group is already gone
      }
      const timer = setTimeout(() => process.kill(-child.pid, 'SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
    /** SIGKILL: no shutdown of any kind. */
    async kill() {
      if (!running()) return;
      process.kill(-child.pid, 'SIGKILL');
      await exited;
    },
  };
}

module.exports = { startApp, until };
