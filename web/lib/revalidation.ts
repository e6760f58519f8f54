import { CONTENT_TYPES, DEFAULT_LOCALE, type PublicState, type SiteChange } from '@newsroom/contract';
import { tags } from './cms/tags';

// Which cache tags a change event from the CMS makes stale. Pure, and computed from the event alone: the
// CMS sends what readers saw before and what they see now, so the site never reconstructs the past from
// its own cache (which may be stale, cold, or on another node). The route does the I/O.

const { article, author, series, section, tag, page, editorsNote, site, slugRedirect, trendRule } = CONTENT_TYPES;

/** The lists an article state puts it on: its series, section, authors and tags. */
function listTags(state: PublicState): string[] {
  return [
    ...(state.series ? [tags.entry('series', state.series)] : []),
    ...(state.section ? [tags.entry('section', state.section)] : []),
    ...(state.authors ?? []).map((id) => tags.entry('author', id)),
    ...(state.tags ?? []).map((id) => tags.entry('tag', id)),
  ];
}

const OWN_PAGE = {
  [author.uid]: 'author',
  [series.uid]: 'series',
  [section.uid]: 'section',
  [tag.uid]: 'tag',
  [page.uid]: 'page',
} as const;
// Names shown on many pages (a rename refreshes them lazily, on each page's next visit).
const SHOWN_ELSEWHERE: Record<string, string> = {
  [series.uid]: tags.seriesLists,
  [section.uid]: tags.sectionNames,
  [tag.uid]: tags.tagNames,
};

/** The tags a change makes stale: everything that showed the entry before, or shows it now. */
export function tagsForChange(change: SiteChange): string[] {
  const states = [change.before, change.after].filter((state): state is PublicState => state !== null);
  if (states.length === 0 || JSON.stringify(change.before) === JSON.stringify(change.after)) return [];
  const locale = change.locale ?? DEFAULT_LOCALE;
  const found = new Set<string>();
  const add = (...values: string[]) => values.forEach((value) => found.add(value));

  switch (change.uid) {
    case article.uid:
      add(tags.latestArticles);
      for (const state of states) {
        if (state.slug) add(tags.article(locale, state.slug));
        add(...listTags(state));
      }
      break;
    case slugRedirect.uid:
      // An article's former address now redirects (or no longer does): the page cached there changes.
      for (const state of states) if (state.slug) add(tags.article(locale, state.slug));
      break;
    case trendRule.uid:
      // An editor pinned or blocked a term: a blocked term must leave the boxes pages render too.
      add(tags.searchTrends);
      break;
    case editorsNote.uid:
      add(tags.editorsNotes);
      break;
    case site.uid:
      add(tags.site);
      break;
    default: {
      const kind = OWN_PAGE[change.uid as keyof typeof OWN_PAGE];
      if (!kind) break;
      add(tags.entry(kind, change.documentId));
      for (const state of states) if (state.slug) add(tags.entrySlug(kind, locale, state.slug));
      if (SHOWN_ELSEWHERE[change.uid]) add(SHOWN_ELSEWHERE[change.uid]);
    }
  }
  return [...found].sort();
}
