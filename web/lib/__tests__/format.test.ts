import { formatDate, formatDateline } from '../format';

describe('dates in the site time zone', () => {
  it('prints HH:mm, DD-Mon-YYYY in the given zone, not the server one', () => {
    const instant = new Date('2025-02-09T14:58:00Z');
    expect(formatDateline(instant, 'Asia/Shanghai')).toBe('22:58, 09-Feb-2025');
    expect(formatDateline(instant, 'Europe/London')).toBe('14:58, 09-Feb-2025');
    expect(formatDateline(instant, 'America/New_York')).toBe('09:58, 09-Feb-2025');
  });

  it('crosses midnight and daylight saving correctly', () => {
    expect(formatDateline(new Date('2025-06-30T23:30:00Z'), 'Europe/London')).toBe('00:30, 01-Jul-2025');
    expect(formatDate(new Date('2025-12-31T23:30:00Z'), 'Asia/Tokyo')).toBe('01-Jan-2026');
    expect(formatDateline(new Date('2025-01-01T00:05:00Z'), 'UTC')).toBe('00:05, 01-Jan-2025');
  });
});
