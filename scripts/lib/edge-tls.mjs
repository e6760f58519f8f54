// HTTPS in front of the edge for `npm run start:cluster`: Hitch (Varnish's TLS terminator) answers TLS with
// HTTP/2 or HTTP/1.1 and hands each connection to Varnish over a Unix socket with the PROXY protocol, so the
// edge still sees the reader's address and knows the request came over HTTPS. Optional: without the hitch
// binary the cluster serves plain HTTP only.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const hitchInstalled = () => spawnSync('sh', ['-c', 'command -v hitch']).status === 0;

/**
 * The certificate and key (one PEM file, as Hitch reads it): EDGE_TLS_PEM if set, otherwise a self-signed
 * one for localhost and 127.0.0.1, made with openssl on first start and kept in `dir`.
 */
export function certificate(dir) {
  if (process.env.EDGE_TLS_PEM) return process.env.EDGE_TLS_PEM;
  const pem = path.join(dir, 'self-signed.pem');
  if (fs.existsSync(pem)) return pem;
  fs.mkdirSync(dir, { recursive: true });
  const key = path.join(dir, 'key.pem');
  const cert = path.join(dir, 'cert.pem');
  const result = spawnSync('openssl', [
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:prime256v1',
    '-nodes',
    '-days',
    '365',
    '-subj',
    '/CN=localhost',
    '-addext',
    'subjectAltName=DNS:localhost,IP:127.0.0.1',
    '-keyout',
    key,
    '-out',
    cert,
  ]);
  if (result.status !== 0) throw new Error(`openssl could not make a certificate: ${result.stderr}`);
  fs.writeFileSync(pem, fs.readFileSync(key, 'utf8') + fs.readFileSync(cert, 'utf8'), { mode: 0o600 });
  fs.rmSync(key);
  return pem;
}

/**
 * Where Varnish listens for Hitch: a Unix socket in the system's temporary folder (Hitch's workers run as
 * nobody when started as root, and must reach it), one per HTTPS port, any stale one from a crash removed.
 */
export function tlsSocket(port) {
  const socket = path.join(os.tmpdir(), `newsroom-edge-tls-${port}.sock`);
  fs.rmSync(socket, { force: true });
  return socket;
}

/** Hitch's command line: TLS on `port` (loopback), each connection passed to Varnish's PROXY socket `socket`. */
export const hitchCommand = ({ port, socket, pem }) => [
  'hitch',
  // Hitch refuses to run its workers as root.
  ...(process.getuid?.() === 0 ? ['--user=nobody'] : []),
  `--frontend=[127.0.0.1]:${port}`,
  `--backend=${socket}`,
  '--write-proxy-v2=on',
  '--alpn-protos=h2,http/1.1',
  '--workers=1',
  '--daemon=off',
  pem,
];
