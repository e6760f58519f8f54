import { env } from './env';

/** The public origin of the reader site, for canonical URLs, feeds and sitemaps. */
export const SITE_URL = env.SITE_URL;

export const absoluteUrl = (path: string) => `${SITE_URL}${path}`;
