import type { WatchlistEntry } from '../db/schema';
import { EXPORT_FORMAT, EXPORT_VERSION, type WatchlistFile } from './file-format';

/** The whole watchlist as our versioned JSON file, oldest entry first so files diff calmly. */
export function watchlistToJson(entries: readonly WatchlistEntry[], exportedAt: Date): string {
  const file: WatchlistFile = {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: exportedAt.toISOString(),
    entries: [...entries].sort((a, b) => a.addedAt - b.addedAt || a.key.localeCompare(b.key)),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}
