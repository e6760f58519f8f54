import type { Provenance } from '@/lib/cms';
import type { Labels } from '@/lib/labels';
import { LOCALE_SETTINGS, languageName, type Locale } from '@/lib/i18n';

/**
 * How a translated article was made (by people; by a machine, then reviewed), and, once its original has
 * been published anew, that it may be behind it, with a link to the original.
 */
export function ProvenanceNote({
  provenance,
  locale,
  originalPath,
  t,
}: {
  provenance: Provenance;
  locale: Locale;
  originalPath: string | null;
  t: Labels;
}) {
  // The original's language, named in this page's.
  const from = provenance.from ? languageName(provenance.from, LOCALE_SETTINGS[locale].intl) : null;
  const made =
    provenance.origin === 'human'
      ? from && t.translatedFrom(from)
      : from && t.translationReviewed(from, provenance.provider ?? t.machineTranslation);
  return (
    <>
      {provenance.stale && (
        <p className="notice notice--stale" role="note">
          {t.translationStale} {originalPath && <a href={originalPath}>{t.readOriginal}</a>}
        </p>
      )}
      {made && <p className="provenance meta">{made}</p>}
    </>
  );
}
