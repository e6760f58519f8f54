import 'server-only';
import { notFound } from 'next/navigation';
import type { Metadata } from 'next';
import { getAuthor, getListingPage, getSection, getSearchTrends, getSite, getTag } from '@/lib/cms';
import { type Locale, entryPath } from '@/lib/i18n';
import { pageMetadata } from '@/lib/seo/metadata';
import { ListingView, type Listing, type ListingKind } from '@/components/listing/listing-view';
import { withLocale } from './params';
import { alternatesOf } from './versions';

// Section, tag and author pages: an entry and its articles, newest first, paginated at /page/N.

export const PAGE_SIZE = 20;
type Loaded = Listing;

const kinds = {
  sections: { entry: getSection, scope: 'section' },
  tags: { entry: getTag, scope: 'tag' },
  authors: { entry: getAuthor, scope: 'author' },
} as const;

/** Loads a listing page, or answers 404 for an unknown entry or a page past the end. */
export async function loadListing(kind: ListingKind, locale: Locale, slug: string, pageParam = '1'): Promise<Loaded> {
  if (!/^[1-9]\d{0,5}$/.test(pageParam)) notFound();
  const page = Number(pageParam);
  const entry = await kinds[kind].entry(locale, slug);
  if (!entry) notFound();
  const [articles, site, trends] = await Promise.all([
    getListingPage({ kind: kinds[kind].scope, id: entry.id }, { locale, page, pageSize: PAGE_SIZE }),
    getSite(locale),
    getSearchTrends(locale),
  ]);
  if (page > 1 && articles.items.length === 0) notFound();
  return { locale, kind, entry, articles, page, basePath: entryPath(kinds[kind].scope, slug, locale), timeZone: site.timeZone, trends };
}

export function listingMetadata({ locale, kind, entry, page }: Loaded): Metadata {
  const description = 'bio' in entry ? entry.bio : entry.description;
  const suffix = page > 1 ? `/page/${page}` : '';
  return pageMetadata({
    title: page > 1 ? `${entry.name} (page ${page})` : entry.name,
    description,
    path: `/${kind}/${entry.slug}${suffix}`,
    locale,
    type: kind === 'authors' ? 'profile' : 'website',
    image: 'avatar' in entry ? entry.avatar : null,
    alternates: page > 1 ? undefined : alternatesOf(kinds[kind].scope, locale, entry.slug, entry.translations),
  });
}

type ListingParams = Promise<{ locale: string; slug: string; n?: string }>;

/** The page and metadata of a listing route (`/<kind>/<slug>` and `/<kind>/<slug>/page/<n>`). */
export function listingRoute(kind: ListingKind) {
  const load = async (params: ListingParams) => {
    const { locale, slug, n } = await withLocale(params);
    return loadListing(kind, locale, slug, n);
  };
  return {
    generateMetadata: async ({ params }: { params: ListingParams }) => listingMetadata(await load(params)),
    Page: async function ListingPage({ params }: { params: ListingParams }) {
      return <ListingView listing={await load(params)} />;
    },
  };
}
