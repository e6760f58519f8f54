// The fields and relations each query asks for: owned here, never taken from a request.

// What a slug can be (Strapi's uid alphabet, at most 200 characters). Anything else in a URL is no entry of
// ours: a 404 without a request to the CMS.
const SLUG = /^[A-Za-z0-9._~-]{1,200}$/;
export const isSlug = (value: string) => SLUG.test(value);

export const IMAGE = { fields: ['url', 'width', 'height', 'alternativeText'] };
// The same entry in the other locales, for the language switcher, hreflang and the sitemaps.
const TRANSLATIONS = { fields: ['slug', 'locale'] };
const FIGURE = { fields: ['caption', 'credit', 'alt'], populate: { image: IMAGE } };
const REF = { fields: ['name', 'slug'] };

export const ARTICLE_SUMMARY = {
  fields: ['title', 'slug', 'standfirst', 'format', 'firstPublishedAt', 'lastEditorialUpdateAt', 'publishedAt', 'locale'],
  populate: { authors: REF, section: REF, cover: FIGURE, localizations: TRANSLATIONS },
};

export const ARTICLE = {
  fields: [...ARTICLE_SUMMARY.fields, 'partNumber', 'translationOrigin', 'translatedFrom', 'translationProvider', 'translationStale'],
  populate: {
    ...ARTICLE_SUMMARY.populate,
    tags: REF,
    series: { fields: ['title', 'slug'] },
    editorsNote: { fields: ['label', 'body'] },
    corrections: { fields: ['date', 'text'] },
    seo: { fields: ['metaTitle', 'metaDescription', 'canonicalUrl', 'noindex'], populate: { shareImage: IMAGE } },
    body: { on: { 'content.rich-text': { fields: ['body'] }, 'media.figure': FIGURE } },
  },
};

export const AUTHOR = {
  fields: ['name', 'slug', 'role', 'bio'],
  populate: { avatar: IMAGE, links: { fields: ['label', 'url'] }, localizations: TRANSLATIONS },
};

export const SERIES = {
  fields: ['title', 'slug', 'description'],
  populate: {
    cover: FIGURE,
    editorsNote: { fields: ['label', 'body'] },
    parts: { fields: ['title', 'slug', 'partNumber'], sort: ['partNumber:asc'] },
    localizations: TRANSLATIONS,
  },
};

export const TAXONOMY = { fields: ['name', 'slug', 'description'], populate: { localizations: TRANSLATIONS } };

export const LEGAL_PAGE = {
  fields: ['title', 'slug', 'body', 'revisionDate'],
  populate: { seo: ARTICLE.populate.seo, localizations: TRANSLATIONS },
};

export const SITE = {
  fields: ['name', 'description', 'timeZone'],
  populate: { logo: IMAGE, defaultShareImage: IMAGE, navigation: { fields: ['label', 'url'] } },
};

/** Newest first; the publish time breaks ties between articles first published at the same moment. */
export const NEWEST_FIRST = ['firstPublishedAt:desc', 'publishedAt:desc'];
