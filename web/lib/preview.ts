import 'server-only';
import { draftMode } from 'next/headers';

/** The secret the CMS's Preview links carry (same as the CMS's PREVIEW_SECRET). */
export const PREVIEW_SECRET = process.env.PREVIEW_SECRET || 'local-preview-secret';

/**
 * A same-site path to go to after entering or leaving preview, or null. Only a path of this site is
 * accepted ("/articles/x?y"), never an absolute or protocol-relative URL: no open redirect.
 */
export function safeReturnPath(value: string | null): string | null {
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
