import type { Core } from '@strapi/strapi';
import { DEFAULT_LOCALE, LOCALES, LOCALE_SETTINGS } from '@newsroom/contract';

/** Creates the contract's locales (named as the admin lists them, "English (en)") and sets the default. */
export async function ensureLocales(strapi: Core.Strapi) {
  const locales = strapi.plugin('i18n').service('locales');
  for (const code of LOCALES) {
    if (!(await locales.findByCode(code))) {
      await locales.create({ code, name: `${LOCALE_SETTINGS[code].name} (${code})` });
    }
  }
  if ((await locales.getDefaultLocale()) !== DEFAULT_LOCALE) {
    await locales.setDefaultLocale({ code: DEFAULT_LOCALE });
  }
}
