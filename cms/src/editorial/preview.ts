import type { Core } from '@strapi/strapi';

// Where each previewable type lives on the web site.
const PATHS: Record<string, string> = {
  'api::article.article': '/articles/',
  'api::series.series': '/series/',
  'api::author.author': '/authors/',
  'api::section.section': '/sections/',
  'api::page.page': '/',
};

type Target = { documentId: string; locale?: string; status?: 'draft' | 'published' };

/**
 * The address the admin's Preview opens for an entry: the web app's preview entry point, with the shared
 * secret and the page's path. The web app checks the secret, switches to draft mode and shows the page.
 */
export async function previewUrl(strapi: Core.Strapi, uid: string, { documentId, locale, status }: Target) {
  const prefix = PATHS[uid];
  if (prefix === undefined) return null;
  const entry = (await strapi.documents(uid as 'api::article.article').findOne({ documentId, locale, status, fields: ['slug'] })) as {
    slug?: string;
  } | null;
  if (!entry?.slug) return null;
  const defaultLocale = await strapi.plugin('i18n').service('locales').getDefaultLocale();
  const path = `${locale && locale !== defaultLocale ? `/${locale}` : ''}${prefix}${entry.slug}`;
  const url = new URL('/api/preview', process.env.WEB_PUBLIC_URL || 'http://localhost:3000');
  url.searchParams.set('secret', process.env.PREVIEW_SECRET || 'local-preview-secret');
  url.searchParams.set('path', path);
  if (status) url.searchParams.set('status', status);
  return url.toString();
}
