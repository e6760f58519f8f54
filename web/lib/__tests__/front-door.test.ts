import type { IncomingMessage, ServerResponse } from 'node:http';
import { frontDoor, framePolicy, refusal, securityHeaders } from '../../front-door';

describe('the front door', () => {
  it('refuses a broken percent-escape or a control character in the path with 400, before Next parses it', () => {
    for (const url of ['/%', '/%zz', '/articles/%E0%A4%A', '/uploads/%c0%ae%c0%ae/x', '/a%00b', '/a%0d%0ab', '/x%7f']) {
      expect({ url, status: refusal('GET', url)?.status }).toEqual({ url, status: 400 });
    }
    expect(refusal('GET', 'http://evil.example/')?.status).toBe(400);
    // The query string is the route's to read: a broken escape there is text, not a broken address.
    expect(refusal('GET', '/search?q=%zz')).toBeNull();
    expect(refusal('GET', '/articles/%E6%B8%A1%E8%BD%AE')).toBeNull();
  });

  it('lets pages and feeds answer GET and HEAD only, and the API the methods its routes may export', () => {
    for (const method of ['OPTIONS', 'POST', 'PUT', 'DELETE', 'PATCH', 'TRACE', 'TRACK', 'PROPFIND']) {
      expect({ method, refused: refusal(method, '/feed.xml') }).toEqual({
        method,
        refused: expect.objectContaining({ status: 405, headers: { Allow: 'GET, HEAD' } }),
      });
    }
    expect(refusal('GET', '/feed.xml')).toBeNull();
    expect(refusal('HEAD', '/articles/x')).toBeNull();
    expect(refusal('POST', '/api/revalidate')).toBeNull();
    expect(refusal('OPTIONS', '/api/search')).toBeNull();
    expect(refusal('TRACE', '/api/search')?.status).toBe(405);
  });

  it('serves only the build’s files and the image optimiser from /_next, except in development', () => {
    expect(refusal('GET', '/_next/sections/city')?.status).toBe(404);
    expect(refusal('GET', '/_next/webpack-hmr')?.status).toBe(404);
    expect(refusal('GET', '/_next/static/chunks/x.js')).toBeNull();
    expect(refusal('GET', '/_next/image?url=%2Fuploads%2Fa.jpg&w=640&q=75')).toBeNull();
    expect(refusal('GET', '/_next/webpack-hmr', { dev: true })).toBeNull();
  });

  it('sends HSTS only where the site is served over TLS', () => {
    const plain = { headers: {}, socket: {} } as unknown as IncomingMessage;
    const proxied = { headers: { 'x-forwarded-proto': 'https' }, socket: {} } as unknown as IncomingMessage;
    expect(securityHeaders(plain, 'p')['Strict-Transport-Security']).toBeUndefined();
    expect(securityHeaders(proxied, 'p')['Strict-Transport-Security']).toMatch(/^max-age=31536000/);
    expect(framePolicy('http://cms.example:1337/admin')).toBe("frame-ancestors 'self' http://cms.example:1337");
  });

  it('answers a refused HEAD without a body, uncached, with the security headers', () => {
    const written: { status?: number; headers: Record<string, unknown>; body?: unknown } = { headers: {} };
    const response = {
      setHeader: (name: string, value: string) => (written.headers[name] = value),
      writeHead: (status: number, headers: Record<string, unknown>) => {
        written.status = status;
        Object.assign(written.headers, headers);
      },
      end: (body?: unknown) => (written.body = body),
    } as unknown as ServerResponse;
    const request = { method: 'HEAD', url: '/%zz', headers: {}, socket: {} } as unknown as IncomingMessage;
    expect(frontDoor(request, response, { policy: "frame-ancestors 'self'" })).toBe(true);
    expect(written).toEqual({
      status: 400,
      headers: expect.objectContaining({ 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' }),
      body: undefined,
    });
  });
});
