const { spawn } = require('node:child_process');

/**
 * Runs one of the README's npm commands as a reader would (its own process group, so a stop reaches every
 * part it started). `ready` resolves once its output says `readyText`, and rejects with the output's end if
 * it exits first or `timeoutMs` passes; `stop()` is Ctrl-C.
 */
function runUntilReady(npmArgs, { cwd, env, readyText, timeoutMs }) {
  const child = spawn('npm', npmArgs, { cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const command = `npm ${npmArgs.join(' ')}`;
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise((resolve) => child.on('exit', resolve));
  const ready = (async () => {
    const deadline = Date.now() + timeoutMs;
    while (!output.includes(readyText)) {
      if (child.exitCode !== null) throw new Error(`${command} exited with ${child.exitCode}:\n${output.slice(-3000)}`);
      if (Date.now() > deadline) throw new Error(`${command} was not ready in time:\n${output.slice(-3000)}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  })();
  return {
    ready,
    output: () => output,
    async stop() {
      if (child.exitCode === null) process.kill(-child.pid, 'SIGINT');
      await exited;
    },
  };
}

module.exports = { runUntilReady };
