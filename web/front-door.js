// The web server's front door (server.js): what no route of the site can answer is refused here, before
// Next.js reads the request, and every answer, error pages included, carries the site's security headers.
// Next itself turns these requests into 500s: a broken percent-escape fails its router ("/%zz"), TRACE fails
// its Request constructor, and an OPTIONS sent first to a page it has not rendered yet is stored as that
// page's cached copy (a 204 it cannot replay) until the time-based fallback.

const PAGE_METHODS = ['GET', 'HEAD'];
// Route handlers under /api answer the methods they export (405 for the others) and OPTIONS themselves.
const API_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];
// Of Next's own prefix, only its build's files and the image optimiser are served.
const NEXT_PATHS = ['/_next/static/', '/_next/image'];
// eslint-disable-next-line no-control-regex -- control characters are what it finds
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f]/;
const ONE_YEAR = 31_536_000;

/**
 * Pages may be framed by this site and by the CMS admin (its Preview shows them), by nobody else.
 * @param {string} [cmsPublicUrl]
 */
function framePolicy(cmsPublicUrl = 'http://localhost:1337') {
  return `frame-ancestors 'self' ${new URL(cmsPublicUrl).origin}`;
}

/**
 * The headers every answer carries; HSTS only where the site is served over TLS (directly or by a proxy).
 * @param {import('node:http').IncomingMessage} request
 * @param {string} policy
 * @returns {Record<string, string>}
 */
function securityHeaders(request, policy) {
  /** @type {Record<string, string>} */
  const headers = {
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'Content-Security-Policy': policy,
  };
  if (/** @type {import('node:tls').TLSSocket} */ (request.socket)?.encrypted || request.headers['x-forwarded-proto'] === 'https') {
    headers['Strict-Transport-Security'] = `max-age=${ONE_YEAR}; includeSubDomains`;
  }
  return headers;
}

/**
 * Why no route can answer this request, or null to let Next answer.
 * @param {string} method
 * @param {string} url
 * @returns {{ status: number, title: string, message: string, headers?: Record<string, string> } | null}
 */
function refusal(method, url, { dev = false } = {}) {
  if (!url.startsWith('/')) return { status: 400, title: 'Bad request', message: 'The address must be a path on this site.' };
  const path = url.split('?', 1)[0];
  let decoded;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return { status: 400, title: 'Bad request', message: 'The address has a broken percent-escape (such as %zz).' };
  }
  if (CONTROL_CHARACTER.test(decoded)) {
    return { status: 400, title: 'Bad request', message: 'The address contains a control character.' };
  }
  const api = path === '/api' || path.startsWith('/api/');
  const allowed = api ? API_METHODS : PAGE_METHODS;
  if (!allowed.includes(method)) {
    return {
      status: 405,
      title: 'Method not allowed',
      message: `This address answers ${allowed.join(', ')}.`,
      headers: { Allow: allowed.join(', ') },
    };
  }
  if (!dev && path.startsWith('/_next/') && !NEXT_PATHS.some((prefix) => path.startsWith(prefix))) {
    return { status: 404, title: 'Page not found', message: 'The page you asked for does not exist.' };
  }
  return null;
}

const escapeHtml = (/** @type {string} */ text) =>
  text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

/** @param {{ title: string, message: string }} refused */
function page({ title, message }) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>${escapeHtml(title)}</title></head><body><main><h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p><p><a href="/">Go to the front page</a></p></main></body></html>`;
}

/**
 * Sets the security headers on `response` and answers a request no route can answer. Returns true when it
 * answered (the caller then leaves the request alone), false when Next should.
 * @param {import('node:http').IncomingMessage} request
 * @param {import('node:http').ServerResponse} response
 * @param {{ dev?: boolean, policy?: string }} [options]
 */
function frontDoor(request, response, { dev = false, policy = framePolicy(process.env.CMS_PUBLIC_URL) } = {}) {
  for (const [name, value] of Object.entries(securityHeaders(request, policy))) response.setHeader(name, value);
  const refused = refusal(request.method ?? 'GET', request.url ?? '/', { dev });
  if (!refused) return false;
  const body = page(refused);
  response.writeHead(refused.status, {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
    ...refused.headers,
  });
  response.end(request.method === 'HEAD' ? undefined : body);
  return true;
}

module.exports = { frontDoor, refusal, securityHeaders, framePolicy };
