import type { PartialDate } from './model';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

interface DateParts {
  year: number;
  month?: number;
  day?: number;
}

function parts(date: PartialDate): DateParts {
  const [year, month, day] = date.split('-').map(Number);
  return { year: year!, month, day };
}

/** "2017" → "2017", "2017-06" → "June 2017", "2011-03-18" → "18 March 2011": no more precise than the source. */
export function formatPartialDate(date: PartialDate): string {
  const { year, month, day } = parts(date);
  if (!month) return String(year);
  const monthName = MONTHS[month - 1];
  return day ? `${day} ${monthName} ${year}` : `${monthName} ${year}`;
}

/** "18–20 March 2011", "March–April 2011", "2011–2012"; one date when there is no end. */
export function formatDateRange(start: PartialDate | undefined, end: PartialDate | undefined): string | undefined {
  if (!start) return end ? formatPartialDate(end) : undefined;
  if (!end || end === start) return formatPartialDate(start);
  const a = parts(start);
  const b = parts(end);
  if (a.year === b.year && a.month && a.month === b.month && a.day && b.day) {
    return `${a.day}–${b.day} ${MONTHS[a.month - 1]} ${a.year}`;
  }
  if (a.year === b.year && a.month && b.month && !a.day && !b.day) {
    return `${MONTHS[a.month - 1]}–${MONTHS[b.month - 1]} ${a.year}`;
  }
  return `${formatPartialDate(start)} – ${formatPartialDate(end)}`;
}

export function yearOf(date: PartialDate): number {
  return parts(date).year;
}

/** "26–300" or "300"; numbers grouped the English way. */
export function formatRange(low: number, high: number): string {
  const format = (n: number) => n.toLocaleString('en');
  return low === high ? format(low) : `${format(low)}–${format(high)}`;
}

/** "Ginger Thompson", "A and B", "A, B and C". */
export function formatNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** "28.35° N, 100.85° W": two decimals, about a kilometre, as precise as a town-level place needs. */
export function formatCoordinates(lat: number, lon: number): string {
  const part = (value: number, positive: string, negative: string) => `${Math.abs(value).toFixed(2)}° ${value >= 0 ? positive : negative}`;
  return `${part(lat, 'N', 'S')}, ${part(lon, 'E', 'W')}`;
}
