// The reader's cookie choice: one first-party cookie, read and written only in the browser.

export const CONSENT_COOKIE = 'ledger_consent';
/** The one non-essential cookie: an anonymous measurement id, set only after consent. */
export const MEASUREMENT_COOKIE = 'ledger_measurement';
export const OPEN_SETTINGS_EVENT = 'ledger:open-cookie-settings';
const SIX_MONTHS = 60 * 60 * 24 * 182;

export type Consent = { measurement: boolean; decidedAt: string };

export function readConsent(cookieHeader: string): Consent | null {
  const raw = cookieHeader
    .split(';')
    .map((part) => part.trim())
    .find((part) => part.startsWith(`${CONSENT_COOKIE}=`));
  if (!raw) return null;
  try {
    const value = JSON.parse(decodeURIComponent(raw.slice(CONSENT_COOKIE.length + 1)));
    if (typeof value?.measurement !== 'boolean' || typeof value?.decidedAt !== 'string' || Number.isNaN(Date.parse(value.decidedAt)))
      return null;
    return { measurement: value.measurement, decidedAt: value.decidedAt };
  } catch {
    return null;
  }
}

/** The banner shows until the reader has chosen, and again when the cookie policy is revised after that choice. */
export function needsConsent(consent: Consent | null, policyRevision: string | null): boolean {
  if (!consent) return true;
  if (!policyRevision) return false;
  return Date.parse(consent.decidedAt) < Date.parse(`${policyRevision}T00:00:00Z`);
}

export function consentCookie(consent: Consent, secure: boolean): string {
  return `${CONSENT_COOKIE}=${encodeURIComponent(JSON.stringify(consent))}; Path=/; Max-Age=${SIX_MONTHS}; SameSite=Lax${secure ? '; Secure' : ''}`;
}

/** Applies a choice: the non-essential cookie exists exactly when measurement is accepted. */
export function measurementCookie(consent: Consent, secure: boolean, randomId: () => string): string {
  if (!consent.measurement) return `${MEASUREMENT_COOKIE}=; Path=/; Max-Age=0; SameSite=Lax`;
  return `${MEASUREMENT_COOKIE}=${randomId()}; Path=/; Max-Age=${SIX_MONTHS}; SameSite=Lax${secure ? '; Secure' : ''}`;
}
