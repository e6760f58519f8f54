import type { Core } from '@strapi/strapi';
import { PREVIEW_PARAMS, PREVIEW_PATH, contentTypeName, entryPath, hasPage, isLocale } from '@newsroom/contract';
import { cmsEnv } from '../env';

type Target = { documentId: string; locale?: string; status?: 'draft' | 'published' };

/**
 * The address the admin's Preview opens for an entry: the web app's preview entry point, with the shared
 * secret and the page's path. The web app checks the secret, switches to draft mode and shows the page.
 */
export async function previewUrl(strapi: Core.Strapi, uid: string, { documentId, locale, status }: Target) {
  const type = contentTypeName(uid);
  if (!type || !hasPage(type)) return null;
  const entry = (await strapi.documents(uid as 'api::article.article').findOne({ documentId, locale, status, fields: ['slug'] })) as {
    slug?: string;
  } | null;
  if (!entry?.slug) return null;
  const env = cmsEnv();
  const url = new URL(PREVIEW_PATH, env.WEB_PUBLIC_URL);
  url.searchParams.set(PREVIEW_PARAMS.secret, env.PREVIEW_SECRET);
  url.searchParams.set(PREVIEW_PARAMS.path, entryPath(type, entry.slug, isLocale(locale) ? locale : undefined));
  if (status) url.searchParams.set(PREVIEW_PARAMS.status, status);
  return url.toString();
}
