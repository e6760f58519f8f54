import { NextResponse, type NextRequest } from 'next/server';
import { OUTAGE_PAGE, cmsSeemsDown } from '@/lib/cms-outage';
import { DEFAULT_LOCALE, LOCALES } from '@/lib/i18n';
import { formerArticleAddress } from '@/lib/slug-redirects';
import { env } from '@/lib/env';

// While the CMS is down, cached pages are served as usual; a page that cannot be rendered without the
// CMS becomes a friendly 503 (with Retry-After) instead of an error document.
const PASSTHROUGH = 'x-outage-passthrough';

/**
 * A first segment that is a locale in another case (`/ZH/...`): next.config's rewrite compares without
 * case and hands it to `[locale]` as is. It is no locale of ours, so it is an English path, and a 404.
 */
function oddCaseLocale(pathname: string): boolean {
  const first = pathname.split('/')[1] ?? '';
  return !(LOCALES as readonly string[]).includes(first) && (LOCALES as readonly string[]).includes(first.toLowerCase());
}

export async function proxy(request: NextRequest) {
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
  if (request.method !== 'GET' || request.headers.has(PASSTHROUGH) || !cmsSeemsDown()) return NextResponse.next();

  const headers = new Headers(request.headers);
  headers.set(PASSTHROUGH, '1');
  // Ask this same server (not the public host, which may be a load balancer) whether it has the page.
  const internal = `http://127.0.0.1:${env.PORT}${request.nextUrl.pathname}${request.nextUrl.search}`;
  let response: Response;
  try {
    response = await fetch(internal, { headers, redirect: 'manual' });
  } catch {
    return NextResponse.next();
  }
  if (response.status < 500) return new NextResponse(response.body, response);
  return new NextResponse(OUTAGE_PAGE, {
    status: 503,
    headers: { 'Content-Type': 'text/html; charset=utf-8', 'Retry-After': '60', 'Cache-Control': 'no-store' },
  });
}

export const config = {
  matcher: ['/((?!_next/|api/|uploads/|favicon.ico).*)'],
};
