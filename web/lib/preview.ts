import 'server-only';
import { draftMode } from 'next/headers';

/**
 * A same-site path to go to after entering or leaving preview, or null. Only a path of this site is
 * accepted ("/articles/x?y"), never an absolute or protocol-relative URL: no open redirect.
 */
export function safeReturnPath(value: string | null): string | null {
  // eslint-disable-next-line no-control-regex -- backslashes and control characters are what it refuses
  if (!value || !value.startsWith('/') || value.startsWith('//') || /[\\\u0000-\u001f]/.test(value)) return null;
  const base = 'http://preview.invalid';
  const url = new URL(value, base);
  return url.origin === base ? `${url.pathname}${url.search}` : null;
}

/** Whether this request renders drafts (the editor came through /api/preview). False outside a request. */
export async function isPreview(): Promise<boolean> {
  try {
    return (await draftMode()).isEnabled;
  } catch {
    return false;
  }
}
