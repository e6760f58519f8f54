import { LOCALE_SETTINGS, type Locale } from '@newsroom/contract';
import type { Labels } from '@/lib/labels';

/** On a 404 in a language the entry lacks: the languages it exists in, each a link to it. */
export function OtherVersions({ locale, versions, t }: { locale: Locale; versions: { locale: Locale; path: string }[]; t: Labels }) {
  return (
    <aside className="notice notice--versions" lang={LOCALE_SETTINGS[locale].htmlLang}>
      <p>{t.notInLanguage(LOCALE_SETTINGS[locale].name)}</p>
      <p>
        {t.readItIn}{' '}
        {versions.map((version, i) => (
          <span key={version.locale}>
            {i > 0 && ' · '}
            <a href={version.path} hrefLang={version.locale} lang={LOCALE_SETTINGS[version.locale].htmlLang}>
              {LOCALE_SETTINGS[version.locale].name}
            </a>
          </span>
        ))}
      </p>
    </aside>
  );
}
