import { CMS_URL, cmsHeaders } from '@/lib/cms/config';
import { DEFAULT_LOCALE, isLocale } from '@/lib/i18n';

// Every former article address and where it leads now, held in memory by the proxy and refreshed in
// the background, so an old URL is answered with a 308 before any page renders. (A page that redirects
// is cached by Next, and Next repeats the Location header of a cached redirect once the proxy adds a
// response header; redirecting here avoids both.) Renames are rare: the whole table is small.

const REFRESH_MS = Number(process.env.SLUG_REDIRECTS_REFRESH_MS || 30_000);
const PAGE_SIZE = 100;
const ARTICLE_PATH = /^(?:\/([a-z]{2}))?\/articles\/([^/]+)\/?$/;

let table = new Map<string, string>();
let loadedAt = 0;
let loading = false;

type Redirect = { slug: string; language: string; targetDocumentId: string };

async function cmsList<T>(path: string, query: URLSearchParams): Promise<T[]> {
  const response = await fetch(`${CMS_URL}/api${path}?${query}`, {
    headers: cmsHeaders(),
    cache: 'no-store',
  });
  if (!response.ok) throw new Error(`${path} answered ${response.status}`);
  return (await response.json()).data as T[];
}

async function load() {
  const redirects: Redirect[] = [];
  for (let page = 1; ; page++) {
    const batch = await cmsList<Redirect>(
      '/slug-redirects',
      new URLSearchParams({ 'pagination[page]': String(page), 'pagination[pageSize]': String(PAGE_SIZE), sort: 'id:asc' }),
    );
    redirects.push(...batch);
    if (batch.length < PAGE_SIZE) break;
  }
  const next = new Map<string, string>();
  for (const language of new Set(redirects.map((r) => r.language))) {
    const targets = [...new Set(redirects.filter((r) => r.language === language).map((r) => r.targetDocumentId))];
    for (let i = 0; i < targets.length; i += PAGE_SIZE) {
      const query = new URLSearchParams({ locale: language, 'fields[0]': 'slug', 'pagination[pageSize]': String(PAGE_SIZE) });
      targets.slice(i, i + PAGE_SIZE).forEach((id, k) => query.set(`filters[documentId][$in][${k}]`, id));
      const articles = await cmsList<{ documentId: string; slug: string }>('/articles', query);
      const current = new Map(articles.map((a) => [a.documentId, a.slug]));
      for (const redirect of redirects.filter((r) => r.language === language)) {
        const slug = current.get(redirect.targetDocumentId);
        if (!slug || slug === redirect.slug) continue;
        const prefix = language === DEFAULT_LOCALE ? '' : `/${language}`;
        next.set(`${language}/${redirect.slug}`, `${prefix}/articles/${encodeURIComponent(slug)}`);
      }
    }
  }
  table = next;
}

/** Where a former article address leads now, or null (not a former address, or not known yet). */
export function formerArticleAddress(pathname: string): string | null {
  if (!loading && Date.now() - loadedAt > REFRESH_MS) {
    loading = true;
    load()
      // Keep the last table; the page still redirects on its own.
      .catch((error) => console.error(`slug redirects not reloaded: ${(error as Error).message}`))
      .finally(() => {
        loadedAt = Date.now();
        loading = false;
      });
  }
  const match = ARTICLE_PATH.exec(pathname);
  if (!match) return null;
  const language = match[1] ?? DEFAULT_LOCALE;
  if (!isLocale(language)) return null;
  let slug: string;
  try {
    slug = decodeURIComponent(match[2]);
  } catch {
    return null;
  }
  return table.get(`${language}/${slug}`) ?? null;
}
