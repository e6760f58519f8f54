// What the two apps say to each other over HTTP besides the CMS's REST API.

/** The web app's endpoint for the CMS's change events, and the header carrying their shared secret. */
export const REVALIDATE_PATH = '/api/revalidate';
export const REVALIDATE_SECRET_HEADER = 'x-revalidate-secret';

/** The web app's entry to draft mode for the admin's Preview, and its query parameters. */
export const PREVIEW_PATH = '/api/preview';
export const PREVIEW_PARAMS = { secret: 'secret', path: 'path', status: 'status' } as const;

/** The CMS's machine translation API, under /api (cms/src/api/machine-translation). */
export const MACHINE_TRANSLATION_PATHS = {
  languages: '/machine-translation/languages',
  article: (documentId: string) => `/machine-translation/articles/${encodeURIComponent(documentId)}`,
  /** Admin routes (an editor's session): a locale's draft from a machine translation, and the locales on offer. */
  drafts: '/machine-translation/drafts',
  draftLocales: '/machine-translation/locales',
} as const;

/**
 * The opaque key of a reader (a hash of address and browser) that the web app passes on where the CMS
 * limits each reader: recorded searches (Search Trends) and new machine translations.
 */
export const READER_KEY_HEADER = 'x-reader-key';

/**
 * Secrets both apps must share, with the defaults that make a fresh checkout work locally. Production sets
 * real ones (README, Configuration).
 */
export const LOCAL_SECRETS = {
  revalidate: 'local-revalidate-secret',
  preview: 'local-preview-secret',
} as const;

/**
 * The web app's read-only API token: the CMS creates it and writes the key to this file (relative to the
 * repository root, a shared volume in docker-compose); the web app reads it. The CMS's variable is
 * WEB_API_TOKEN_FILE, the web app's STRAPI_API_TOKEN_FILE (or the key itself in STRAPI_API_TOKEN).
 */
export const WEB_API_TOKEN_FILE = '.data/web-api-token';

/**
 * The edge cache (Varnish, edge/edge.vcl) and what its origins tell it. Each cached answer carries surrogate
 * keys in SURROGATE_KEY_HEADER (the site's: its path, set by the edge; the API's: the documents in it and its
 * collection, set by the CMS); a `PURGE` request from loopback naming keys in EDGE_PURGE_HEADER (separated
 * by spaces) drops every answer carrying one of them.
 */
export const SURROGATE_KEY_HEADER = 'xkey';
export const EDGE_PURGE_HEADER = 'xkey-purge';
/** A surrogate key every page of the site carries at the edge: purging it drops them all. */
export const SITE_PAGES_KEY = 'site-pages';
/** The surrogate key of every list answer of a content type (`/api/articles?...`): any publish of the type can change it. */
export const collectionKey = (uid: string) => `collection:${uid}`;
