// Dates as the outlet prints them, always in the site's time zone (never the server's).

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function parts(date: Date, timeZone: string) {
  const values = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: 'numeric',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(date);
  const get = (type: string) => values.find((p) => p.type === type)?.value ?? '';
  return { year: get('year'), month: Number(get('month')), day: get('day'), hour: get('hour'), minute: get('minute') };
}

/** `22:58, 09-Feb-2025`: the time and date of `date` in `timeZone`. */
export function formatDateline(date: Date, timeZone: string): string {
  const p = parts(date, timeZone);
  return `${p.hour}:${p.minute}, ${p.day}-${MONTHS[p.month - 1]}-${p.year}`;
}

/** `09-Feb-2025`: the date alone. */
export function formatDate(date: Date, timeZone: string): string {
  const p = parts(date, timeZone);
  return `${p.day}-${MONTHS[p.month - 1]}-${p.year}`;
}
