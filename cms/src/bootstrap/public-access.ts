import type { Core } from '@strapi/strapi';
import { CONTENT_TYPES } from '@newsroom/contract';

const { article, author, series, editorsNote, section, tag, page, slugRedirect, site } = CONTENT_TYPES;
const PUBLIC_COLLECTIONS = [article, author, series, editorsNote, section, tag, page, slugRedirect].map((type) => type.uid);

/** The content types anyone may read (published entries only). */
export const PUBLIC_TYPES: string[] = [...PUBLIC_COLLECTIONS, site.uid];

// What readers may read without a token: published entries of the reader-facing types, nothing else.
// Enforced at every start, so the public surface is owned by code, not by a checkbox in the admin.
export const PUBLIC_READ_ACTIONS = [
  ...PUBLIC_COLLECTIONS.flatMap((uid) => [`${uid}.find`, `${uid}.findOne`]),
  `${site.uid}.find`,
  'api::search.search.find',
  'api::search-trends.search-trends.find',
  'api::machine-translation.machine-translation.languages',
];

// The web app may also count the searches made on the site (Search Trends) and have articles machine
// translated for readers (each new one costs); nobody else may.
export const WEB_APP_ACTIONS = [
  ...PUBLIC_READ_ACTIONS,
  'api::search-trends.search-trends.record',
  'api::machine-translation.machine-translation.article',
];

const PERMISSION = 'plugin::users-permissions.permission';

export async function restrictPublicRole(strapi: Core.Strapi) {
  const role = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'public' } });
  if (!role) throw new Error('The users-permissions Public role is missing');

  const granted: { id: number; action: string }[] = await strapi.db
    .query(PERMISSION)
    .findMany({ where: { role: role.id }, select: ['id', 'action'] });

  const extra = granted.filter((permission) => !PUBLIC_READ_ACTIONS.includes(permission.action));
  if (extra.length > 0) {
    await strapi.db.query(PERMISSION).deleteMany({ where: { id: { $in: extra.map((p) => p.id) } } });
  }

  const missing = PUBLIC_READ_ACTIONS.filter((action) => !granted.some((p) => p.action === action));
  for (const action of missing) {
    await strapi.db.query(PERMISSION).create({ data: { action, role: role.id } });
  }
}
