/** The public origin of the reader site, for canonical URLs, feeds and sitemaps. */
export const SITE_URL = (process.env.SITE_URL || 'http://localhost:3000').replace(/\/$/, '');

export const absoluteUrl = (path: string) => `${SITE_URL}${path}`;
