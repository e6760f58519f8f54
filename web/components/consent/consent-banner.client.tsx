'use client';

import { useEffect, useId, useState } from 'react';
import { type Consent, OPEN_SETTINGS_EVENT, consentCookie, measurementCookie, needsConsent, readConsent } from './consent';
import { type Locale, localePath } from '@/lib/i18n';

export function ConsentBanner({ policyRevision, locale }: { policyRevision: string | null; locale: Locale }) {
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
        Your cookie choices
      </h2>
      <p>
        We use one essential cookie to remember this choice. With your permission we also count visits anonymously. Read our{' '}
        <a href={localePath(locale, '/privacy')}>privacy statement</a> and <a href={localePath(locale, '/cookie-policy')}>cookie policy</a>.
      </p>
      {details && (
        <fieldset className="consent__settings">
          <legend>Categories</legend>
          <label>
            <input type="checkbox" checked disabled /> Essential (always on)
          </label>
          <label>
            <input type="checkbox" checked={measurement} onChange={(event) => setMeasurement(event.target.checked)} /> Measurement
          </label>
        </fieldset>
      )}
      <div className="consent__actions">
        <button type="button" onClick={() => decide(true)}>
          Accept all
        </button>
        <button type="button" onClick={() => decide(false)}>
          Reject non-essential
        </button>
        {details ? (
          <button type="button" onClick={() => decide(measurement)}>
            Save settings
          </button>
        ) : (
          <button type="button" onClick={() => setDetails(true)}>
            Settings
          </button>
        )}
      </div>
    </section>
  );
}
