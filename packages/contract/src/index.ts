// The contract between the CMS and the web site: every fact both rely on, written once. Zod schemas of
// the messages are in '@newsroom/contract/schemas' (their types are re-exported here).
export * from './content-types';
export * from './locales';
export * from './paths';
export * from './http';
export * from './search';
export type { SearchPage, SearchHit, Segment, Trend, PublicState, SiteChange, TranslationLanguages, ArticleTranslation } from './schemas';
