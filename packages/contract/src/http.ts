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
