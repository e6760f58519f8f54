import { formatDate, formatDateline } from '../format';

describe('dates in the site time zone, as each locale writes them', () => {
  it('prints English as the house style, HH:mm, DD-Mon-YYYY, in the given zone, not the server one', () => {
    const instant = new Date('2025-02-09T14:58:00Z');
    expect(formatDateline(instant, 'Asia/Shanghai', 'en')).toBe('22:58, 09-Feb-2025');
    expect(formatDateline(instant, 'Europe/London', 'en')).toBe('14:58, 09-Feb-2025');
    expect(formatDateline(instant, 'America/New_York', 'en')).toBe('09:58, 09-Feb-2025');
    expect(formatDate(new Date('2025-09-09T12:00:00Z'), 'UTC', 'en')).toBe('09-Sep-2025');
  });

  it('prints Chinese as Chinese readers expect', () => {
    const instant = new Date('2026-12-01T13:33:00Z');
    expect(formatDateline(instant, 'Asia/Shanghai', 'zh')).toBe('2026年12月1日 21:33');
    expect(formatDate(instant, 'Asia/Shanghai', 'zh')).toBe('2026年12月1日');
  });

  it('crosses midnight and daylight saving correctly', () => {
    expect(formatDateline(new Date('2025-06-30T23:30:00Z'), 'Europe/London', 'en')).toBe('00:30, 01-Jul-2025');
    expect(formatDate(new Date('2025-12-31T23:30:00Z'), 'Asia/Tokyo', 'en')).toBe('01-Jan-2026');
    expect(formatDateline(new Date('2025-01-01T00:05:00Z'), 'UTC', 'en')).toBe('00:05, 01-Jan-2025');
    expect(formatDateline(new Date('2025-12-31T16:30:00Z'), 'Asia/Shanghai', 'zh')).toBe('2026年1月1日 00:30');
  });
});
