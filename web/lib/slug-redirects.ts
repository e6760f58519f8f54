import { getFormerAddresses } from '@/lib/cms/redirects';
import { slugOfPath, splitLocale } from '@newsroom/contract';
import { env } from '@/lib/env';

// Every former article address and where it leads now, held in memory by the proxy and refreshed in
// the background, so an old URL is answered with a 308 before any page renders. (A page that redirects
// is cached by Next, and Next repeats the Location header of a cached redirect once the proxy adds a
// response header; redirecting here avoids both.) Renames are rare: the whole table is small.

const REFRESH_MS = env.SLUG_REDIRECTS_REFRESH_MS;

let table = new Map<string, string>();
let loadedAt = 0;
let loading = false;

/** Where a former article address leads now, or null (not a former address, or not known yet). */
export function formerArticleAddress(pathname: string): string | null {
  if (!loading && Date.now() - loadedAt > REFRESH_MS) {
    loading = true;
    getFormerAddresses()
      .then((fresh) => {
        table = fresh;
      })
      // Keep the last table; the page still redirects on its own.
      .catch((error) => console.error(`slug redirects not reloaded: ${(error as Error).message}`))
      .finally(() => {
        loadedAt = Date.now();
        loading = false;
      });
  }
  const { locale, path } = splitLocale(pathname);
  const written = slugOfPath('article', path);
  if (!written) return null;
  let slug: string;
  try {
    slug = decodeURIComponent(written);
  } catch {
    return null;
  }
  return table.get(`${locale}/${slug}`) ?? null;
}
