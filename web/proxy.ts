import { NextResponse, type NextRequest } from 'next/server';
import { OUTAGE_PAGE, cmsSeemsDown } from '@/lib/cms-outage';
import { DEFAULT_LOCALE, LOCALES } from '@/lib/i18n';
import { formerArticleAddress } from '@/lib/slug-redirects';
import { env } from '@/lib/env';
import { uploadWithheld } from '@/lib/picture-rights';
import { readerKey } from '@/lib/reader-key';
import { countRender, translationAddress, translationRefusal, waitBeforeRender } from '@/lib/translation-gate';

// While the CMS is down, cached pages are served as usual; a page that cannot be rendered without the
// CMS becomes a friendly 503 (with Retry-After) instead of an error document. A machine translation's
// page is always asked for this way (lib/translation-gate.ts).
const PASSTHROUGH = 'x-outage-passthrough';
const TRANSLATION_RETRY_SECONDS = 60;
const IMAGE_OPTIMISER = '/_next/image';

/**
 * A first segment that is a locale in another case (`/ZH/...`): next.config's rewrite compares without
 * case and hands it to `[locale]` as is. It is no locale of ours, so it is an English path, and a 404.
 */
function oddCaseLocale(pathname: string): boolean {
  const first = pathname.split('/')[1] ?? '';
  return !(LOCALES as readonly string[]).includes(first) && (LOCALES as readonly string[]).includes(first.toLowerCase());
}

export async function proxy(request: NextRequest) {
  if (request.nextUrl.pathname === IMAGE_OPTIMISER) return optimisedImage(request);
  const moved = formerArticleAddress(request.nextUrl.pathname);
  if (moved) {
    // On the host the reader asked for (Next needs an absolute URL here).
    const target = request.nextUrl.clone();
    target.pathname = moved;
    target.search = '';
    return NextResponse.redirect(target, 308);
  }
  if (oddCaseLocale(request.nextUrl.pathname)) {
    const target = request.nextUrl.clone();
    target.pathname = `/${DEFAULT_LOCALE}${request.nextUrl.pathname}`;
    return NextResponse.rewrite(target);
  }
  if (request.method !== 'GET' || request.headers.has(PASSTHROUGH)) return NextResponse.next();
  const translation = translationAddress(request.nextUrl.pathname);
  if (translation) return machineTranslationPage(request, translation);
  if (!cmsSeemsDown()) return NextResponse.next();

  const response = await passthrough(request);
  if (!response) return NextResponse.next();
  if (response.status < 500) return new NextResponse(response.body, response);
  return new NextResponse(OUTAGE_PAGE, {
    status: 503,
    headers: { 'Content-Type': 'text/html; charset=utf-8', 'Retry-After': '60', 'Cache-Control': 'no-store' },
  });
}

/** A resized upload, unless its picture is no longer published (lib/picture-rights.ts). */
async function optimisedImage(request: NextRequest) {
  const source = request.nextUrl.searchParams.get('url') ?? '';
  if (!(await uploadWithheld(source))) return NextResponse.next();
  return new NextResponse('This picture is no longer available.', {
    status: 410,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
  });
}

/** The page as this same server answers it (not the public host, which may be a load balancer); null if it cannot. */
async function passthrough(request: NextRequest): Promise<Response | null> {
  const headers = new Headers(request.headers);
  headers.set(PASSTHROUGH, '1');
  try {
    return await fetch(`http://127.0.0.1:${env.PORT}${request.nextUrl.pathname}${request.nextUrl.search}`, { headers, redirect: 'manual' });
  } catch {
    return null;
  }
}

/** A machine translation: within the reader's hourly share of new ones, and a friendly 503 when none can be had. */
async function machineTranslationPage(request: NextRequest, { originalPath, language }: { originalPath: string; language: string }) {
  const reader = readerKey(request);
  const path = request.nextUrl.pathname;
  const wait = await waitBeforeRender(reader, path);
  if (wait > 0) return translationRefusal(language, originalPath, 'busy', wait);
  const response = await passthrough(request);
  if (!response) return NextResponse.next();
  if (response.status >= 500) return translationRefusal(language, originalPath, 'unavailable', TRANSLATION_RETRY_SECONDS);
  await countRender(reader, path, response);
  return new NextResponse(response.body, response);
}

export const config = {
  matcher: ['/((?!_next/|api/|uploads/|favicon.ico).*)', '/_next/image'],
};
