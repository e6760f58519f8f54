import 'server-only';
import { z } from 'zod';
import { CONTENT_TYPES, type Locale, entryPath, isLocale } from '@newsroom/contract';
import { cmsGet } from './client';
import { itemsOf } from './schemas';

const PAGE_SIZE = 100;
const redirect = z.object({ slug: z.string(), language: z.string(), targetDocumentId: z.string() });
const current = z.object({ documentId: z.string(), slug: z.string() });

/**
 * Every former article address and where it leads now, keyed `<locale>/<former slug>`: the address of the
 * article's current slug. Read uncached (the proxy keeps the table in memory and reloads it).
 */
export async function getFormerAddresses(): Promise<Map<string, string>> {
  const redirects: z.output<typeof redirect>[] = [];
  for (let page = 1; ; page++) {
    const batch =
      (await cmsGet(
        CONTENT_TYPES.slugRedirect.path,
        { pagination: { page, pageSize: PAGE_SIZE, withCount: false }, sort: ['id:asc'] },
        itemsOf(redirect),
        'no-store',
      )) ?? [];
    redirects.push(...batch);
    if (batch.length < PAGE_SIZE) break;
  }
  const table = new Map<string, string>();
  for (const language of new Set(redirects.map((r) => r.language))) {
    if (!isLocale(language)) continue;
    const own = redirects.filter((r) => r.language === language);
    const targets = [...new Set(own.map((r) => r.targetDocumentId))];
    for (let i = 0; i < targets.length; i += PAGE_SIZE) {
      const articles =
        (await cmsGet(
          CONTENT_TYPES.article.path,
          {
            locale: language,
            fields: ['slug'],
            filters: { documentId: { $in: targets.slice(i, i + PAGE_SIZE) } },
            pagination: { page: 1, pageSize: PAGE_SIZE, withCount: false },
          },
          itemsOf(current),
          'no-store',
        )) ?? [];
      const slugs = new Map(articles.map((a) => [a.documentId, a.slug]));
      for (const r of own) {
        const slug = slugs.get(r.targetDocumentId);
        if (slug && slug !== r.slug) table.set(`${language}/${r.slug}`, entryPath('article', slug, language as Locale));
      }
    }
  }
  return table;
}
