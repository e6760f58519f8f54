import 'server-only';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { entryPath, splitLocale } from '@newsroom/contract';
import { labelsFor } from './labels';
import { env } from './env';

// What stands before a machine translation's page (proxy.ts). A page that must be rendered anew costs a
// translation unless the CMS has kept one, so each reader may have a few rendered an hour; a page served
// from the cache costs nothing and is never refused. When no translation can be had (the CMS answers 503:
// the day's budget, the provider slow or down), the reader gets a 503 with Retry-After and a way back to
// the original, never an error page, and nothing of it is cached.

const ADDRESS = /^\/articles\/([^/]+)\/translate\/([^/]+)\/?$/;
const REMEMBERED_PAGES = 10_000;

/** The original's path and the language of a machine translation's address, or null for another path. */
export function translationAddress(pathname: string): { originalPath: string; language: string } | null {
  const { locale, path } = splitLocale(pathname);
  const match = ADDRESS.exec(path);
  if (!match) return null;
  let slug: string;
  try {
    slug = decodeURIComponent(match[1]);
  } catch {
    return null;
  }
  return { originalPath: entryPath('article', slug, locale), language: match[2] };
}

const renders = new RateLimiterMemory({ points: env.TRANSLATION_READER_PER_HOUR, duration: 3_600 });
// Pages this server has answered from its cache: asking for them again costs nothing.
const cached = new Set<string>();

function remember(path: string) {
  cached.delete(path);
  cached.add(path);
  if (cached.size > REMEMBERED_PAGES) cached.delete(cached.values().next().value!);
}

/** Seconds before `reader` may have another page rendered, or 0 when they may now (or it is cached). */
export async function waitBeforeRender(reader: string, path: string): Promise<number> {
  if (cached.has(path)) return 0;
  const used = await renders.get(reader);
  if (!used || used.consumedPoints < env.TRANSLATION_READER_PER_HOUR) return 0;
  return Math.max(1, Math.ceil(used.msBeforeNext / 1000));
}

/** Counts a page rendered for `reader` (Next says MISS), or remembers one served from the cache. */
export async function countRender(reader: string, path: string, response: Response) {
  if (response.status !== 200) return;
  const state = response.headers.get('x-nextjs-cache');
  if (state !== 'HIT' && state !== 'STALE') await renders.penalty(reader, 1);
  remember(path);
}

const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** The page a reader gets instead of a translation: in the translation's language when the site has its words. */
export function translationRefusal(language: string, originalPath: string, reason: 'unavailable' | 'busy', retryAfter: number): Response {
  const t = labelsFor(language);
  const body = `<!doctype html>
<html lang="${escapeHtml(language)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${escapeHtml(t.translationUnavailableTitle)}</title>
<style>body{font-family:Charter,Georgia,serif;max-width:36rem;margin:4rem auto;padding:0 1rem;line-height:1.6;color:#1b1b1b;background:#fdfcf8}
@media (prefers-color-scheme:dark){body{color:#ebe9e4;background:#131313}}a{color:inherit}</style></head>
<body><main><h1>${escapeHtml(t.translationUnavailableTitle)}</h1>
<p>${escapeHtml(reason === 'busy' ? t.translationBusy : t.translationUnavailable)}</p>
<p><a href="${escapeHtml(originalPath)}">${escapeHtml(t.readOriginal)}</a></p></main></body></html>`;
  return new Response(body, {
    status: reason === 'busy' ? 429 : 503,
    headers: { 'Content-Type': 'text/html; charset=utf-8', 'Retry-After': String(retryAfter), 'Cache-Control': 'no-store' },
  });
}
