import type { PartialDate } from './model';

/** The languages Backstory speaks (lib/i18n/t.ts `uiLanguage()`). */
export type Language = 'en' | 'es';

/** British English writes "18 March 2011", as the panel always has; Spanish "18 de marzo de 2011". */
const LOCALE_OF: Record<Language, string> = { en: 'en-GB', es: 'es' };
/** What joins a day or month range to the rest of the date: "18–20 March 2011", "18–20 de marzo de 2011". */
const RANGE_JOINER: Record<Language, string> = { en: ' ', es: ' de ' };

interface DateParts {
  year: number;
  month?: number;
  day?: number;
}

function parts(date: PartialDate): DateParts {
  const [year, month, day] = date.split('-').map(Number);
  return { year: year!, month, day };
}

// In UTC, so a date never slips to the day before in a browser west of Greenwich.
function formatter(language: Language, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(LOCALE_OF[language], { timeZone: 'UTC', ...options });
}

function utc(year: number, month = 1, day = 1): Date {
  return new Date(Date.UTC(year, month - 1, day));
}

function monthName(month: number, language: Language): string {
  return formatter(language, { month: 'long' }).format(utc(2000, month));
}

/** "2017" → "2017", "2017-06" → "June 2017", "2011-03-18" → "18 March 2011": no more precise than the source. */
export function formatPartialDate(date: PartialDate, language: Language = 'en'): string {
  const { year, month, day } = parts(date);
  if (!month) return String(year);
  if (!day) return formatter(language, { month: 'long', year: 'numeric' }).format(utc(year, month));
  return formatter(language, { day: 'numeric', month: 'long', year: 'numeric' }).format(utc(year, month, day));
}

/** "18–20 March 2011", "March–April 2011", "2011–2012"; one date when there is no end. */
export function formatDateRange(start: PartialDate | undefined, end: PartialDate | undefined, language: Language = 'en'): string | undefined {
  if (!start) return end ? formatPartialDate(end, language) : undefined;
  if (!end || end === start) return formatPartialDate(start, language);
  const a = parts(start);
  const b = parts(end);
  if (a.year === b.year && a.month && a.month === b.month && a.day && b.day) {
    return `${a.day}–${b.day}${RANGE_JOINER[language]}${formatPartialDate(`${start.slice(0, 7)}`, language)}`;
  }
  if (a.year === b.year && a.month && b.month && !a.day && !b.day) {
    return `${monthName(a.month, language)}–${monthName(b.month, language)}${RANGE_JOINER[language]}${a.year}`;
  }
  return `${formatPartialDate(start, language)} – ${formatPartialDate(end, language)}`;
}

export function yearOf(date: PartialDate): number {
  return parts(date).year;
}

/** "26–300" or "300"; numbers grouped the reader's way. */
export function formatRange(low: number, high: number, language: Language = 'en'): string {
  const format = (n: number) => n.toLocaleString(LOCALE_OF[language]);
  return low === high ? format(low) : `${format(low)}–${format(high)}`;
}

/** "Ginger Thompson", "A and B", "A, B and C" ("A, B y C" in Spanish). */
export function formatNames(names: readonly string[], language: Language = 'en'): string {
  if (names.length <= 1) return names[0] ?? '';
  return new Intl.ListFormat(LOCALE_OF[language], { type: 'conjunction' }).format(names);
}

/** Compass letters (north, south, east, west) and what stands between latitude and longitude. */
const COMPASS: Record<Language, { letters: [string, string, string, string]; between: string }> = {
  en: { letters: ['N', 'S', 'E', 'W'], between: ', ' },
  // West is "O" (oeste); a semicolon, as the comma is the decimal sign.
  es: { letters: ['N', 'S', 'E', 'O'], between: '; ' },
};

/**
 * "28.35° N, 100.85° W" ("28,35° N; 100,85° O" in Spanish): two decimals, about a kilometre, as
 * precise as a town-level place needs.
 */
export function formatCoordinates(lat: number, lon: number, language: Language = 'en'): string {
  const { letters, between } = COMPASS[language];
  const degrees = (value: number) => Math.abs(value).toLocaleString(LOCALE_OF[language], { minimumFractionDigits: 2, maximumFractionDigits: 2, useGrouping: false });
  const part = (value: number, positive: string, negative: string) => `${degrees(value)}° ${value >= 0 ? positive : negative}`;
  return `${part(lat, letters[0], letters[1])}${between}${part(lon, letters[2], letters[3])}`;
}
