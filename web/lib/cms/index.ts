// The only module of the web app that talks to Strapi. Pages import from here, never fetch themselves.
export { getLatestArticles } from './articles';
export { CmsError } from './client';
export type { ArticleSummary, Figure, Page } from './types';
