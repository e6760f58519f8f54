import type { Core } from '@strapi/strapi';
import { SITE_CHANGE_EVENT } from '../refresh/site-refresh';
import { picturesWithEnds, type PictureEnd } from './pictures';

// This process's view of which pictures' licences end when: read at start, every minute (the rights task)
// and after each publish here. The decision is made against the clock at each request, so a picture stops
// being served at its end time exactly, whichever node is asked, and not a minute later.

let ends: PictureEnd[] = [];

/** Reads again which published pictures have a licence that ends. */
export async function refreshPictureRights(strapi: Core.Strapi) {
  ends = await picturesWithEnds(strapi);
  return ends;
}

/** The pictures whose licence has ended by `now`, as the public sees them. */
export const endedPictures = (now = Date.now()) => ends.filter((picture) => Date.parse(picture.endsAt) <= now);

/** The addresses (/uploads/<name>) no longer served at `now`: every size of every ended picture. */
export function withheldPaths(now = Date.now()): Set<string> {
  return new Set(endedPictures(now).flatMap((picture) => picture.paths));
}

/** Reads the rights now, and again after every publish, unpublish or change of a published entry here. */
export async function watchPictureRights(strapi: Core.Strapi) {
  await refreshPictureRights(strapi);
  // Not awaited: the event hub runs its listeners one after another, and the later ones must not wait for this.
  strapi.eventHub.on(SITE_CHANGE_EVENT, async () => {
    void refreshPictureRights(strapi).catch((error) => strapi.log.error(`picture rights not read: ${error.message}`));
  });
}
