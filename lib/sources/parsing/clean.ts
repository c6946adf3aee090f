/**
 * Turning untrusted strings from the live sources into what the rest of Backstory may show:
 * plain text without markup or control characters, capped in length, and web URLs only.
 *
 * Everything the clients return goes through here. The panel renders text as text, never as
 * HTML, so this is a second line of defence, not the only one.
 */
import { PartialDateSchema, WebUrlSchema, type PartialDate } from '../../model';

/** Caps for text we keep: a label or title, a one-line description, an extract. */
export const MAX_LABEL_CHARS = 300;
export const MAX_DESCRIPTION_CHARS = 300;
export const MAX_EXTRACT_CHARS = 2000;
/** Longer than any real input we read: anything beyond is cut before the regexes see it. */
const MAX_INPUT_CHARS = 200_000;

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
};

/** One pass only: "&amp;lt;" becomes the text "&lt;", never a tag. */
function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return ' ';
      return String.fromCodePoint(code);
    }
    return NAMED_ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/**
 * C0/C1 controls (newlines and tabs become spaces first), bidi overrides and isolates (they can
 * make text read differently than it is), and stray surrogates.
 */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufeff\ufff9-\ufffb]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Tags, whole script/style/template blocks, comments; a `<` that starts no tag is kept as text. */
function stripMarkup(text: string): string {
  return text
    .replace(/<!--[\s\S]*?(?:-->|$)/g, ' ')
    .replace(/<(script|style|template|iframe|object|noscript)\b[\s\S]*?(?:<\/\1\s*>|$)/gi, ' ')
    .replace(/<\/?[a-z!?][^<>]*>/gi, ' ')
    .replace(/<\/?[a-z!?][^<>]*$/i, ' ');
}

/** Cuts at a word boundary and marks the cut; never splits a surrogate pair. */
export function truncate(text: string, max: number): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  const head = chars.slice(0, max - 1).join('');
  const space = head.lastIndexOf(' ');
  return `${(space > max / 2 ? head.slice(0, space) : head).replace(/[\s,;:–—-]+$/u, '')}…`;
}

/**
 * Plain text from an untrusted string: no tags (decoded entities are stripped too), no control
 * characters, whitespace collapsed, at most `max` characters. Undefined when nothing is left.
 */
export function plainText(raw: unknown, max: number): string | undefined {
  if (typeof raw !== 'string') return undefined;
  let text = raw.length > MAX_INPUT_CHARS ? raw.slice(0, MAX_INPUT_CHARS) : raw;
  text = stripMarkup(text);
  text = stripMarkup(decodeEntities(text));
  text = text.replace(/[\t\n\r\f\v]/g, ' ').replace(CONTROL, '').replace(/\s+/g, ' ').trim();
  if (!text) return undefined;
  return truncate(text, max);
}

/**
 * A link we may put in an href: http(s) with a real domain (WebUrlSchema), no credentials.
 * Returned normalised by the URL parser (spaces and the like percent-encoded).
 */
export function webUrl(raw: unknown): string | undefined {
  if (typeof raw !== 'string') return undefined;
  const candidate = raw.trim();
  if (candidate.length === 0 || candidate.length > 2000) return undefined;
  if (!WebUrlSchema.safeParse(candidate).success) return undefined;
  const url = new URL(candidate);
  if (url.username || url.password) return undefined;
  const href = url.href;
  return WebUrlSchema.safeParse(href).success ? href : undefined;
}

/** A web URL on one of these hosts (or their subdomains), over http(s). */
export function webUrlOnHost(raw: unknown, hostSuffix: string): string | undefined {
  const href = webUrl(raw);
  if (!href) return undefined;
  const host = new URL(href).hostname.toLowerCase();
  return host === hostSuffix || host.endsWith(`.${hostSuffix}`) ? href : undefined;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

/**
 * A PartialDate from numbers, as precise as they allow: a month outside 1–12 leaves the year, a
 * day that does not exist in that month leaves the month. Undefined for a year outside 1–9999.
 */
export function partialDate(year: number, month?: number, day?: number): PartialDate | undefined {
  if (!Number.isInteger(year) || year < 1 || year > 9999) return undefined;
  const yyyy = String(year).padStart(4, '0');
  let date = yyyy;
  if (month !== undefined && Number.isInteger(month) && month >= 1 && month <= 12) {
    date = `${yyyy}-${String(month).padStart(2, '0')}`;
    if (day !== undefined && Number.isInteger(day) && day >= 1 && day <= daysInMonth(year, month)) {
      date = `${date}-${String(day).padStart(2, '0')}`;
    }
  }
  return PartialDateSchema.safeParse(date).success ? date : undefined;
}

/** A PartialDate string as the sources write it ("2014-04-06", "2019"), or undefined. */
export function partialDateOf(raw: unknown): PartialDate | undefined {
  if (typeof raw !== 'string') return undefined;
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(raw.trim());
  if (!match) return undefined;
  const [, y, m, d] = match;
  const date = partialDate(Number(y), m === undefined ? undefined : Number(m), d === undefined ? undefined : Number(d));
  // Only as given: a date the parser had to shorten ("2014-02-30") is not what the source said.
  return date === raw.trim() ? date : undefined;
}
