import type { WatchlistEntry } from '../db/schema';

/** The name and version written into every exported JSON file; an import checks both. */
export const EXPORT_FORMAT = 'backstory-watchlist';
export const EXPORT_VERSION = 1;

export interface WatchlistFile {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  /** When the file was made, as an ISO date. */
  exportedAt: string;
  entries: WatchlistEntry[];
}
