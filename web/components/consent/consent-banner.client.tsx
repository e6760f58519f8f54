'use client';

import { useEffect, useId, useMemo, useState } from 'react';
import { LOCALE_SETTINGS } from '@newsroom/contract';
import { type Consent, OPEN_SETTINGS_EVENT, consentCookie, measurementCookie, needsConsent, readConsent } from './consent';
import { type Locale, localePath } from '@/lib/i18n';
import { compileLabels, type Dictionary } from '@/lib/labels/compile';

/** The cookie consent banner, in the reader's language (`words`: CONSENT_WORDS of the locale's dictionary). */
export function ConsentBanner({ policyRevision, locale, words }: { policyRevision: string | null; locale: Locale; words: Dictionary }) {
  const t = useMemo(() => compileLabels(words, LOCALE_SETTINGS[locale].intl), [words, locale]);
  const [open, setOpen] = useState(false);
  const [details, setDetails] = useState(false);
  const [measurement, setMeasurement] = useState(false);
  const titleId = useId();

  useEffect(() => {
    const consent = readConsent(document.cookie);
    // The choice lives in a cookie only the browser has: read once, after hydration, as the server cannot.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setMeasurement(consent?.measurement ?? false);
    setOpen(needsConsent(consent, policyRevision));
    const reopen = () => {
      setDetails(true);
      setOpen(true);
    };
    window.addEventListener(OPEN_SETTINGS_EVENT, reopen);
    return () => window.removeEventListener(OPEN_SETTINGS_EVENT, reopen);
  }, [policyRevision]);

  if (!open) return null;

  const decide = (accepted: boolean) => {
    const consent: Consent = { measurement: accepted, decidedAt: new Date().toISOString() };
    const secure = location.protocol === 'https:';
    document.cookie = consentCookie(consent, secure);
    document.cookie = measurementCookie(consent, secure, () => crypto.randomUUID());
    setMeasurement(accepted);
    setOpen(false);
  };

  return (
    <section className="consent" role="dialog" aria-modal="false" aria-labelledby={titleId}>
      <h2 id={titleId} className="consent__title">
        {t.consentTitle}
      </h2>
      <p>
        {t.slots('consentText').map((part, i) =>
          'text' in part ? (
            part.text
          ) : part.slot === 'privacy' ? (
            <a key={i} href={localePath(locale, '/privacy')}>
              {t.consentPrivacy}
            </a>
          ) : (
            <a key={i} href={localePath(locale, '/cookie-policy')}>
              {t.consentCookiePolicy}
            </a>
          ),
        )}
      </p>
      {details && (
        <fieldset className="consent__settings">
          <legend>{t.consentCategories}</legend>
          <label>
            <input type="checkbox" checked disabled /> {t.consentEssential}
          </label>
          <label>
            <input type="checkbox" checked={measurement} onChange={(event) => setMeasurement(event.target.checked)} />{' '}
            {t.consentMeasurement}
          </label>
        </fieldset>
      )}
      <div className="consent__actions">
        <button type="button" onClick={() => decide(true)}>
          {t.consentAccept}
        </button>
        <button type="button" onClick={() => decide(false)}>
          {t.consentReject}
        </button>
        {details ? (
          <button type="button" onClick={() => decide(measurement)}>
            {t.consentSave}
          </button>
        ) : (
          <button type="button" onClick={() => setDetails(true)}>
            {t.consentSettings}
          </button>
        )}
      </div>
    </section>
  );
}
