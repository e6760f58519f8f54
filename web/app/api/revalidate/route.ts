import { revalidateTag } from 'next/cache';
import { after } from 'next/server';
import { REVALIDATE_SECRET_HEADER } from '@newsroom/contract';
import { siteChange } from '@newsroom/contract/schemas';
import { tagsForChange } from '@/lib/revalidation';
import { REVALIDATE_SECRET, secretMatches } from '@/lib/secrets';
import { env } from '@/lib/env';

// POST /api/revalidate: the CMS's change events. Authenticated by a shared secret, validated against the
// contract; it makes exactly the cache tags the event names stale, so the next request renders fresh content.

const MAX_BODY_BYTES = 1_000_000;
// A render that read the CMS just before a publish committed can finish just after this handler ran and be
// cached as fresh; the same tags are made stale once more after this pause, so such a copy never outlives it.
const SETTLE_MS = env.REVALIDATE_SETTLE_MS;

const json = (status: number, body: object) => Response.json(body, { status, headers: { 'Cache-Control': 'no-store' } });

export async function POST(request: Request) {
  if (!secretMatches(request.headers.get(REVALIDATE_SECRET_HEADER), REVALIDATE_SECRET)) {
    return json(401, { error: 'unauthorized' });
  }

  const text = await request.text();
  if (text.length > MAX_BODY_BYTES) return json(413, { error: 'body too large' });
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return json(400, { error: 'body must be JSON' });
  }
  const parsed = siteChange.safeParse(body);
  if (!parsed.success) {
    return json(400, {
      error: 'not a change event of the CMS',
      issues: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`),
    });
  }

  const change = parsed.data;
  const stale = tagsForChange(change);
  for (const tag of stale) revalidateTag(tag, { expire: 0 });
  if (stale.length > 0) {
    after(async () => {
      await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
      for (const tag of stale) revalidateTag(tag, { expire: 0 });
      console.log(JSON.stringify({ at: new Date().toISOString(), msg: 'settled', documentId: change.documentId, tags: stale }));
    });
  }

  console.log(
    JSON.stringify({
      at: new Date().toISOString(),
      msg: 'revalidated',
      event: change.event,
      uid: change.uid,
      documentId: change.documentId,
      locale: change.locale,
      tags: stale,
    }),
  );
  return json(200, { revalidated: stale });
}
