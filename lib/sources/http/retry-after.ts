/** Reading a 429's Retry-After header, which is either a number of seconds or an HTTP date. */

const DELAY_SECONDS = /^\d+$/;
/**
 * Date.parse is lenient ("1.5" parses as a date in V8), so only text that names a month is read
 * as an HTTP date (IMF-fixdate, RFC 850 and asctime forms all do).
 */
const NAMES_A_MONTH = /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\b/i;

/**
 * Milliseconds to wait according to Retry-After, or undefined when the header is absent or
 * unreadable (the caller then uses its default). A date in the past means "now": 0.
 */
export function retryAfterMs(header: string | null, nowMs: number): number | undefined {
  if (header === null) return undefined;
  const value = header.trim();
  if (DELAY_SECONDS.test(value)) return Number(value) * 1000;
  if (!NAMES_A_MONTH.test(value)) return undefined;
  const date = Date.parse(value);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - nowMs);
}
