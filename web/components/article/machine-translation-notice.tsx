import type { Labels } from '@/lib/labels';

/** At the top of a machine translation: who made it, that the outlet does not answer for it, and the original. */
export function MachineTranslationNotice({
  provider,
  site,
  originalPath,
  t,
}: {
  provider: string;
  site: string;
  originalPath: string;
  t: Labels;
}) {
  return (
    <aside className="machine-notice" aria-label={t.machineTranslation}>
      <p>
        <strong>{t.machineTranslation}.</strong> {t.machineNotice(provider, site)}{' '}
        <a href={originalPath} rel="alternate">
          {t.readOriginal}
        </a>
      </p>
    </aside>
  );
}
