import type { WatchlistEntry } from '@/lib/db/schema';

const DAY = 86_400_000;
/** 1 June 2026, 12:00 UTC: a fixed "now" for entries made in tests. */
export const BASE_TIME = Date.UTC(2026, 5, 1, 12);

/** A valid watchlist entry; `n` makes its key and dates distinct. */
export function entry(n: number, overrides: Partial<WatchlistEntry> = {}): WatchlistEntry {
  return {
    key: `wd:Q${1000 + n}`,
    title: `Show ${n}`,
    year: 2020,
    kind: 'series',
    addedAt: BASE_TIME + n * DAY,
    where: { site: 'netflix', siteId: String(80_000_000 + n), title: `Show ${n}` },
    status: 'to-watch',
    statusAt: BASE_TIME + n * DAY,
    updatedAt: BASE_TIME + n * DAY,
    ...overrides,
  };
}

/** A file as Backstory exports it, holding `entries` (anything, for hostile files). */
export function fileWith(entries: unknown, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ format: 'backstory-watchlist', version: 1, exportedAt: '2026-06-02T10:00:00.000Z', entries, ...extra });
}
