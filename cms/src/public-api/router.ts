import { factories } from '@strapi/strapi';
import type { ContentTypeUid } from '@newsroom/contract';
import { draftAccess } from './draft-access';

type ReaderType = Exclude<ContentTypeUid, 'api::trend-rule.trend-rule'>;

/** The core router of a type readers read: find and findOne decide who may ask for drafts (`draftAccess`). */
export function readerRouter(uid: ReaderType) {
  return factories.createCoreRouter(uid, {
    config: { find: { middlewares: [draftAccess] }, findOne: { middlewares: [draftAccess] } },
  });
}
