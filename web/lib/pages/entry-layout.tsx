import 'server-only';
import type { ReactNode } from 'react';
import { LOCALES, entryPath, type Locale, type PageType } from '@newsroom/contract';
import { getArticle, getAuthor, getLegalPage, getSection, getSeries, getTag } from '@/lib/cms';
import { labelsFor } from '@/lib/labels';
import { OtherVersions } from '@/components/layout/other-versions';
import { withLocale } from './params';

const FIND: Record<PageType, (locale: string, slug: string) => Promise<{ slug: string } | null>> = {
  article: getArticle,
  author: getAuthor,
  section: getSection,
  tag: getTag,
  series: getSeries,
  page: getLegalPage,
};

/** Where else an entry lives when `locale` lacks it (looked up by the same slug); empty when it does not. */
async function otherVersions(type: PageType, locale: Locale, slug: string) {
  if (await FIND[type](locale, slug)) return [];
  const found = await Promise.all(
    LOCALES.filter((other) => other !== locale).map(async (other) => {
      const entry = await FIND[type](other, slug);
      return entry ? { locale: other, path: entryPath(type, entry.slug, other) } : null;
    }),
  );
  return found.filter((version) => version !== null);
}

type Params = Promise<{ locale: string; slug?: string; page?: string }>;

/**
 * The layout of an entry's segment: its page, and on a 404 in a language the entry lacks, the languages
 * it exists in. (The lookup is the page's own request, answered from the same cache when the entry exists;
 * a 404's own words come from the segment's not-found.tsx.)
 */
export function entryLayout(type: PageType) {
  return async function EntryLayout({ children, params }: { children: ReactNode; params: Params }) {
    const { locale, slug, page } = await withLocale(params);
    const versions = await otherVersions(type, locale, slug ?? page ?? '');
    return (
      <>
        {children}
        {versions.length > 0 && <OtherVersions locale={locale} versions={versions} t={labelsFor(locale)} />}
      </>
    );
  };
}
