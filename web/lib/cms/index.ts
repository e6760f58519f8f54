// The only module of the web app that talks to Strapi. Pages import from here, never fetch themselves.
export * from './articles';
export * from './entries';
export * from './search';
export * from './translations';
export { CmsError, cmsIsUp } from './client';
export { tags, FALLBACK_REVALIDATE_SECONDS } from './tags';
export type * from './types';
