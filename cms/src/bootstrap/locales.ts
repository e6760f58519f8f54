import type { Core } from '@strapi/strapi';

// English is the default locale; Chinese is the second language readers get.
export const LOCALES = [
  { code: 'en', name: 'English (en)' },
  { code: 'zh', name: 'Chinese (zh)' },
] as const;

export async function ensureLocales(strapi: Core.Strapi) {
  const locales = strapi.plugin('i18n').service('locales');
  for (const { code, name } of LOCALES) {
    if (!(await locales.findByCode(code))) {
      await locales.create({ code, name });
    }
  }
  if ((await locales.getDefaultLocale()) !== 'en') {
    await locales.setDefaultLocale({ code: 'en' });
  }
}
