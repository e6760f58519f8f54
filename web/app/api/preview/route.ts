import { draftMode } from 'next/headers';
import { redirect } from 'next/navigation';
import { safeReturnPath } from '@/lib/preview';
import { PREVIEW_SECRET, secretMatches } from '@/lib/secrets';

/**
 * GET /api/preview?secret=...&path=/articles/x: the entry point of the CMS's Preview. A matching secret
 * (compared in constant time) turns on Next's draft mode, an HttpOnly cookie, and goes to the page,
 * which then renders drafts, uncached. Without the secret nothing changes.
 */
export async function GET(request: Request) {
  const params = new URL(request.url).searchParams;
  if (!secretMatches(params.get('secret'), PREVIEW_SECRET)) {
    return Response.json({ error: 'Invalid preview secret' }, { status: 401, headers: { 'Cache-Control': 'no-store' } });
  }
  const path = safeReturnPath(params.get('path'));
  if (!path) return Response.json({ error: 'path must be a path of this site, such as /articles/x' }, { status: 400 });
  (await draftMode()).enable();
  redirect(path);
}
