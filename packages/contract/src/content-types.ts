/**
 * The content types of the CMS that the site reads or follows, by the names both apps use: `uid` is
 * Strapi's, `path` the REST collection (or single type) under /api.
 */
export const CONTENT_TYPES = {
  article: { uid: 'api::article.article', path: '/articles' },
  author: { uid: 'api::author.author', path: '/authors' },
  series: { uid: 'api::series.series', path: '/series-list' },
  section: { uid: 'api::section.section', path: '/sections' },
  tag: { uid: 'api::tag.tag', path: '/tags' },
  page: { uid: 'api::page.page', path: '/pages' },
  editorsNote: { uid: 'api::editors-note.editors-note', path: '/editors-notes' },
  site: { uid: 'api::site.site', path: '/site' },
  slugRedirect: { uid: 'api::slug-redirect.slug-redirect', path: '/slug-redirects' },
  trendRule: { uid: 'api::trend-rule.trend-rule', path: '/trend-rules' },
} as const;

export type ContentTypeName = keyof typeof CONTENT_TYPES;
export type ContentTypeUid = (typeof CONTENT_TYPES)[ContentTypeName]['uid'];

export const ARTICLE = CONTENT_TYPES.article.uid;

/** The content-type name of a uid, or undefined for one the site does not follow (media, admin, plugins). */
export function contentTypeName(uid: string): ContentTypeName | undefined {
  return (Object.keys(CONTENT_TYPES) as ContentTypeName[]).find((name) => CONTENT_TYPES[name].uid === uid);
}
