import { CMS_URL } from '@/lib/cms/config';

// Strapi's uploads, served through the web app so readers (and next/image) never talk to the CMS.
// Upload names carry a content hash, so a file at a URL never changes.

const SAFE_SEGMENT = /^[\w.-]+$/;

export async function GET(_request: Request, { params }: { params: Promise<{ path: string[] }> }) {
  const { path } = await params;
  if (path.length === 0 || !path.every((segment) => SAFE_SEGMENT.test(segment) && segment !== '..')) {
    return new Response('Not found', { status: 404 });
  }
  let upstream: Response;
  try {
    upstream = await fetch(`${CMS_URL}/uploads/${path.join('/')}`, { cache: 'no-store' });
  } catch {
    return new Response('The media library is unavailable', { status: 503, headers: { 'Retry-After': '30' } });
  }
  if (upstream.status === 410) {
    // Its licence ended: no longer published (never cached, so it is not served again from a cache either).
    return new Response('This picture is no longer available.', { status: 410, headers: { 'Cache-Control': 'no-store' } });
  }
  if (!upstream.ok || !upstream.body) return new Response('Not found', { status: upstream.status === 404 ? 404 : 502 });
  return new Response(upstream.body, {
    headers: {
      'Content-Type': upstream.headers.get('content-type') ?? 'application/octet-stream',
      'Cache-Control': 'public, max-age=31536000, immutable',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
