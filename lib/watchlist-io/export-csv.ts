import type { WatchlistEntry } from '../db/schema';

/** Column names are fixed English identifiers, like the JSON fields, so scripts can rely on them. */
export const CSV_COLUMNS = ['key', 'title', 'year', 'kind', 'status', 'status_at', 'added_at', 'updated_at', 'site', 'site_id', 'based_on', 'inspired_by', 'note'] as const;

/**
 * The watchlist as CSV (RFC 4180: comma separated, CRLF line ends, fields quoted when they
 * contain a comma, a quote or a line break, quotes doubled). Dates are ISO 8601 in UTC.
 */
export function watchlistToCsv(entries: readonly WatchlistEntry[]): string {
  const rows = [...entries]
    .sort((a, b) => a.addedAt - b.addedAt || a.key.localeCompare(b.key))
    .map((entry) => [
      entry.key,
      entry.title,
      entry.year?.toString() ?? '',
      entry.kind,
      entry.status,
      isoDate(entry.statusAt),
      isoDate(entry.addedAt),
      isoDate(entry.updatedAt),
      entry.where.site,
      entry.where.siteId ?? '',
      entry.basedOn ?? '',
      entry.inspiredBy ?? '',
      entry.note ?? '',
    ]);
  return [[...CSV_COLUMNS], ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/**
 * One field. A spreadsheet runs a cell that starts with = + - @ (or a tab or carriage return
 * before one) as a formula, so a note like "=HYPERLINK(…)" could act when the file is opened:
 * such a cell gets a leading apostrophe, which spreadsheets show as plain text.
 */
export function csvCell(value: string): string {
  const guarded = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

function isoDate(millis: number): string {
  return new Date(millis).toISOString();
}
