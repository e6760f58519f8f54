import 'server-only';
import { createHash } from 'crypto';

/**
 * An opaque key per reader: the address the nearest proxy saw (the last entry of X-Forwarded-For, which
 * a client cannot forge) and the browser's user agent, hashed. Used to limit one reader's weight (Search
 * Trends, new machine translations) without ever knowing who they are; nothing sets or reads a cookie.
 */
export function readerKey(request: Request): string {
  const forwarded = request.headers.get('x-forwarded-for')?.split(',').at(-1)?.trim();
  const address = forwarded || request.headers.get('x-real-ip') || 'unknown';
  return createHash('sha256')
    .update(`${address}\n${request.headers.get('user-agent') ?? ''}`)
    .digest('base64url');
}
