import 'server-only';
import { createHash, timingSafeEqual } from 'crypto';
import { env } from './env';

/** The webhook's shared secret (the CMS's REVALIDATE_SECRET) and the preview links' (its PREVIEW_SECRET). */
export const REVALIDATE_SECRET = env.REVALIDATE_SECRET;
export const PREVIEW_SECRET = env.PREVIEW_SECRET;

/** Compares a presented secret with the expected one in constant time (hashing first equalises lengths). */
export function secretMatches(presented: string | null, expected: string): boolean {
  if (!presented || !expected) return false;
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(presented), digest(expected));
}
