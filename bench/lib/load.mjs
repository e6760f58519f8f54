// Load and a reference server for the throughput benches: wrk (its figures parsed) and nginx serving given
// bytes from files, gzipping per response on one port and sending pre-gzipped files on another.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

/** `ports.nginx` and `ports.nginxStatic` are where nginx listens; `connections` and `duration` are wrk's. */
export function loadTools({ connections, duration, ports }) {
  for (const tool of ['wrk', 'nginx']) {
    if (spawnSync('sh', ['-c', `command -v ${tool} || test -x /usr/sbin/${tool}`]).status !== 0)
      throw new Error(`${tool} is not installed`);
  }

  function millis(text) {
    const [, value, unit] = text.match(/([\d.]+)(us|ms|s|m)/);
    return +(Number(value) * { us: 0.001, ms: 1, s: 1000, m: 60_000 }[unit]).toPrecision(3);
  }

  /** wrk's req/s and p50/p99 in ms for `url`; fails on any non-2xx/3xx answer or socket error. */
  function wrk(url, seconds = duration, headers = []) {
    const extra = headers.flatMap((header) => ['-H', header]);
    const args = ['-t2', `-c${connections}`, `-d${seconds}`, '--latency', '-H', 'Accept-Encoding: gzip', ...extra, url];
    const run = spawnSync('wrk', args, { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`wrk failed: ${run.stderr}`);
    const out = run.stdout;
    const failed = Number(out.match(/Non-2xx or 3xx responses: (\d+)/)?.[1] ?? 0);
    const errors = out.match(/Socket errors: (.*)/)?.[1];
    if (failed > 0 || errors) throw new Error(`wrk saw failures on ${url}:\n${out}`);
    return {
      rps: Number(out.match(/Requests\/sec:\s+([\d.]+)/)[1]),
      p50: millis(out.match(/^\s+50%\s+(\S+)/m)[1]),
      p99: millis(out.match(/^\s+99%\s+(\S+)/m)[1]),
    };
  }

  async function startNginx(dir, files) {
    fs.chmodSync(dir, 0o755); // nginx's workers read the files as an unprivileged user
    const www = path.join(dir, 'www');
    for (const [urlPath, html] of Object.entries(files)) {
      const file = path.join(www, urlPath === '/' ? 'index.html' : urlPath);
      fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o755 });
      fs.writeFileSync(file, html, { mode: 0o644 });
      fs.writeFileSync(`${file}.gz`, zlib.gzipSync(html, { level: 6 }), { mode: 0o644 });
    }
    const temp = (name) => `${name}_temp_path ${path.join(dir, name)};`;
    fs.writeFileSync(
      path.join(dir, 'nginx.conf'),
      `daemon off;
  worker_processes 1;
  pid ${path.join(dir, 'nginx.pid')};
  error_log ${path.join(dir, 'error.log')} warn;
  events { worker_connections 1024; }
  http {
    access_log off;
    ${['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(temp).join('\n  ')}
    sendfile on;
    tcp_nopush on;
    keepalive_timeout 65;
    keepalive_requests 100000;
    default_type text/html;
    charset utf-8;
    gzip_types text/html;
    gzip_vary on;
    root ${www};
    index index.html;
    server {
      listen 127.0.0.1:${ports.nginx};
      gzip on;
      gzip_comp_level 6;
    }
    server {
      listen 127.0.0.1:${ports.nginxStatic};
      gzip_static on;
    }
  }
  `,
    );
    const child = spawn('nginx', ['-p', dir, '-c', path.join(dir, 'nginx.conf')], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const exited = new Promise((resolve) => child.on('exit', resolve));
    const deadline = Date.now() + 10_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`nginx exited: ${stderr}`);
      if (Date.now() > deadline) throw new Error('nginx did not answer in 10 s');
      if (
        await fetch(`http://127.0.0.1:${ports.nginx}/`).then(
          () => true,
          () => false,
        )
      )
        break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return async () => {
      if (child.exitCode === null) child.kill('SIGQUIT');
      await exited;
    };
  }

  return { wrk, startNginx };
}
