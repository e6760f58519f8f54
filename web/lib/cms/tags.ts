// Every cache tag, named once. Fetchers attach them; the revalidation route revalidates them.

type Kind = 'author' | 'series' | 'section' | 'tag' | 'page';

export const tags = {
  /** The site single type: header, footer and defaults of every page. */
  site: 'site',
  /** Everything that lists the latest articles of every section: home, site-wide feeds, sitemaps. */
  latestArticles: 'latest-articles',
  /** Names shown on many pages: a rename refreshes them all (lazily, on each page's next visit). */
  sectionNames: 'section-names',
  tagNames: 'tag-names',
  editorsNotes: 'editors-notes',
  seriesLists: 'series-lists',
  /** The Search Trends box as pages render it (the box refreshes itself in the browser). */
  searchTrends: 'search-trends',
  /** The languages machine translation offers (they change with the CMS's configuration: the fallback refreshes them). */
  translationLanguages: 'translation-languages',
  /** One article's page data, by the slug its URL carries. */
  article: (locale: string, slug: string) => `article:${locale}:${slug}`,
  /** An entry of another type and the lists it owns (an author's articles, a section's articles, ...). */
  entry: (kind: Kind, documentId: string) => `${kind}:${documentId}`,
  /** An entry's page looked up by slug. */
  entrySlug: (kind: Kind, locale: string, slug: string) => `${kind}-slug:${locale}:${slug}`,
};

/** Seconds before a cached page is refreshed even without a webhook: a safety net, not the mechanism. */
export const FALLBACK_REVALIDATE_SECONDS = 86_400;
