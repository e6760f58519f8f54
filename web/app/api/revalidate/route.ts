import { revalidateTag } from 'next/cache';
import { after } from 'next/server';
import { getArticle } from '@/lib/cms';
import { SECRET_HEADER, createDeduplicator, secretMatches, tagsForEvent, webhookEvent, type ArticleRelations } from '@/lib/revalidation';

// POST /api/revalidate: Strapi's webhook. Authenticated by a shared secret, validated, deduplicated; it
// makes exactly the affected cache tags stale so the next request renders fresh content.

const MAX_BODY_BYTES = 1_000_000;
// A render that read the CMS just before a publish committed can finish just after this handler ran and be
// cached as fresh; the same tags are made stale once more after this pause, so such a copy never outlives it.
const SETTLE_MS = Number(process.env.REVALIDATE_SETTLE_MS || 1_500);
const isDuplicate = createDeduplicator();

const json = (status: number, body: object) => Response.json(body, { status });

/** What the site last showed of the article (its cached copy), to refresh lists it may have left. */
async function previousRelations(locale: string, slug: string): Promise<ArticleRelations | null> {
  try {
    const shown = await getArticle(locale, slug);
    return (
      shown && {
        series: shown.series?.id,
        section: shown.section?.id,
        authors: shown.authors.map((a) => a.id),
        tags: shown.tags.map((t) => t.id),
      }
    );
  } catch {
    return null;
  }
}

export async function POST(request: Request) {
  if (!secretMatches(request.headers.get(SECRET_HEADER), process.env.REVALIDATE_SECRET || 'local-revalidate-secret')) {
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
  const parsed = webhookEvent.safeParse(body);
  if (!parsed.success)
    return json(400, { error: 'not a Strapi entry event', issues: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) });

  const event = parsed.data;
  if (isDuplicate(event)) return json(200, { revalidated: [], duplicate: true });

  const e = event.entry;
  // Events that change nothing readers see (draft saves) stop here, before anything reads the cache.
  if (tagsForEvent(event).length === 0) return json(200, { revalidated: [] });
  // What the site last showed tells which lists the article may have left (or, unpublished, was on).
  const previous = event.uid === 'api::article.article' && e?.slug ? await previousRelations(e.locale ?? 'en', e.slug) : null;
  const stale = tagsForEvent(event, previous);
  for (const tag of stale) revalidateTag(tag, { expire: 0 });
  after(async () => {
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    for (const tag of stale) revalidateTag(tag, { expire: 0 });
  });

  console.log(
    JSON.stringify({
      at: new Date().toISOString(),
      msg: 'revalidated',
      event: event.event,
      uid: event.uid,
      documentId: e?.documentId ?? null,
      tags: stale,
    }),
  );
  return json(200, { revalidated: stale });
}
