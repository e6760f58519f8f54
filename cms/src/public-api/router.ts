import { factories } from '@strapi/strapi';
import { draftAccess } from './draft-access';

type ReaderType =
  | 'api::article.article'
  | 'api::author.author'
  | 'api::series.series'
  | 'api::editors-note.editors-note'
  | 'api::section.section'
  | 'api::tag.tag'
  | 'api::page.page'
  | 'api::slug-redirect.slug-redirect'
  | 'api::site.site';

/** The core router of a type readers read: find and findOne decide who may ask for drafts (`draftAccess`). */
export function readerRouter(uid: ReaderType) {
  return factories.createCoreRouter(uid, {
    config: { find: { middlewares: [draftAccess] }, findOne: { middlewares: [draftAccess] } },
  });
}
