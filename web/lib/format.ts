import { LOCALE_SETTINGS, isLocale } from '@newsroom/contract';

// Dates as the outlet prints them, always in the site's time zone (never the server's): a locale's house
// style when it has one (English: `22:58, 09-Feb-2025`), else its own conventions through Intl
// (Chinese: `2026年12月1日 21:33`). A language that is no locale of the site (a machine translation's,
// `es`) writes them as Intl has it.

const settingsOf = (language: string) =>
  isLocale(language) ? LOCALE_SETTINGS[language] : { intl: language, dateline: undefined, date: undefined };

function parts(date: Date, timeZone: string) {
  const values = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: 'short',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(date);
  const get = (type: string) => values.find((p) => p.type === type)?.value ?? '';
  return { YYYY: get('year'), Mon: get('month'), DD: get('day'), HH: get('hour'), mm: get('minute') };
}

const fill = (pattern: string, date: Date, timeZone: string) => {
  const p = parts(date, timeZone);
  return pattern.replace(/\{(YYYY|Mon|DD|HH|mm)\}/g, (_, token: keyof typeof p) => p[token]);
};

/** The time and date of `date` in `timeZone`, as `language` (a locale of the site, or any) writes them. */
export function formatDateline(date: Date, timeZone: string, language: string): string {
  const { dateline, intl } = settingsOf(language);
  if (dateline) return fill(dateline, date, timeZone);
  return new Intl.DateTimeFormat(intl, { timeZone, dateStyle: 'long', timeStyle: 'short', hourCycle: 'h23' }).format(date);
}

/** The date alone. */
export function formatDate(date: Date, timeZone: string, language: string): string {
  const { date: pattern, intl } = settingsOf(language);
  if (pattern) return fill(pattern, date, timeZone);
  return new Intl.DateTimeFormat(intl, { timeZone, dateStyle: 'long' }).format(date);
}
