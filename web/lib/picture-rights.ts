import { env } from './env';

// Next's image optimiser keeps each resized picture for as long as the original's answer allows (a year:
// upload names never change), so a picture whose licence ended would still be served from its cache. Each
// request for a resized upload asks the CMS first whether the original is still published (it answers 410
// once the licence ended: cms/src/middlewares/picture-rights.ts); the answer is kept for a few seconds.

const KEEP_MS = 10_000;
const UPLOAD = /^\/uploads\/[\w.-]+$/;
const known = new Map<string, { withheld: boolean; until: number }>();

/** Whether the CMS no longer publishes the upload at `path`; a CMS that cannot be asked withholds nothing. */
export async function uploadWithheld(path: string, now = Date.now()): Promise<boolean> {
  if (!UPLOAD.test(path)) return false;
  const kept = known.get(path);
  if (kept && kept.until > now) return kept.withheld;
  let withheld = kept?.withheld ?? false;
  try {
    const answer = await fetch(`${env.CMS_URL}${path}`, { method: 'HEAD', cache: 'no-store', signal: AbortSignal.timeout(2_000) });
    withheld = answer.status === 410;
  } catch {
    // Keep the last answer: an outage of the CMS neither hides pictures nor brings back withheld ones.
  }
  if (known.size > 10_000) known.clear();
  known.set(path, { withheld, until: now + KEEP_MS });
  return withheld;
}
