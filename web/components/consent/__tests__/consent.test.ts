import { CONSENT_COOKIE, MEASUREMENT_COOKIE, consentCookie, measurementCookie, needsConsent, readConsent } from '../consent';

describe('cookie consent', () => {
  const decided = { measurement: false, decidedAt: '2026-10-01T09:00:00.000Z' };

  it('asks a reader who has not chosen yet', () => {
    expect(needsConsent(readConsent(''), '2026-09-01')).toBe(true);
    expect(needsConsent(readConsent('other=1; more=2'), null)).toBe(true);
  });

  it('remembers a choice through its first-party cookie, and ignores a tampered one', () => {
    const cookie = consentCookie(decided, false).split(';')[0];
    expect(readConsent(`a=1; ${cookie}; b=2`)).toEqual(decided);
    expect(readConsent(`${CONSENT_COOKIE}=not-json`)).toBeNull();
    expect(readConsent(`${CONSENT_COOKIE}=${encodeURIComponent('{"measurement":"yes","decidedAt":"x"}')}`)).toBeNull();
  });

  it('asks again when the cookie policy is revised after the choice', () => {
    expect(needsConsent(decided, '2026-09-01')).toBe(false);
    expect(needsConsent(decided, '2026-11-15')).toBe(true);
  });

  it('sets the non-essential cookie only when measurement is accepted, and removes it otherwise', () => {
    expect(measurementCookie({ ...decided, measurement: true }, true, () => 'id-1')).toMatch(
      new RegExp(`^${MEASUREMENT_COOKIE}=id-1; Path=/; Max-Age=\\d+; SameSite=Lax; Secure$`),
    );
    expect(measurementCookie(decided, true, () => 'id-1')).toBe(`${MEASUREMENT_COOKIE}=; Path=/; Max-Age=0; SameSite=Lax`);
    expect(consentCookie(decided, true)).toMatch(/; Secure$/);
  });
});
