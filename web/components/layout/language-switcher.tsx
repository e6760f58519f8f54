import { LOCALE_SETTINGS, type Locale } from '@newsroom/contract';
import type { Labels } from '@/lib/labels';
import type { Version } from '@/lib/pages/versions';

export { everyLocale, versionsOf } from '@/lib/pages/versions';

/**
 * The language switcher on every page: the same entry in each locale that has it (and only those), the
 * current one marked; `children` is where an article offers its machine translations.
 */
export function LanguageSwitcher({
  locale,
  versions,
  t,
  children,
}: {
  locale: Locale;
  versions: Version[];
  t: Labels;
  children?: React.ReactNode;
}) {
  return (
    <nav className="languages" aria-label={t.languages}>
      <ul className="languages__list">
        {versions.map((version) => (
          <li key={version.locale}>
            <a
              href={version.path}
              hrefLang={LOCALE_SETTINGS[version.locale].htmlLang}
              lang={LOCALE_SETTINGS[version.locale].htmlLang}
              aria-current={version.locale === locale ? 'page' : undefined}
            >
              {LOCALE_SETTINGS[version.locale].name}
            </a>
          </li>
        ))}
      </ul>
      {children}
    </nav>
  );
}
