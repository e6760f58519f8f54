// Search and Search Trends: the limits both sides enforce. Their response shapes are in schemas.ts.

/** The longest text a reader may search for (and the longest search the site records for Search Trends). */
export const SEARCH_MAX_QUERY_LENGTH = 200;
/** The most words (or quoted phrases) a search may have. */
export const SEARCH_MAX_WORDS = 12;
/** Results per page on the site; the CMS allows pages of up to SEARCH_MAX_PAGE_SIZE. */
export const SEARCH_PAGE_SIZE = 10;
export const SEARCH_MAX_PAGE_SIZE = 50;
