import type { WatchlistEntry } from '../db/schema';
import type { ShowKey } from '../model';

export interface DuplicateKey {
  key: ShowKey;
  /** The title of the entry kept. */
  title: string;
  /** How many entries in the file had this key. */
  count: number;
}

/**
 * One entry per key: of entries sharing a key, the one changed last wins (on a tie, the later
 * one in the file), and the duplicates are reported so the preview can say so.
 */
export function newestByKey(entries: readonly WatchlistEntry[]): { entries: WatchlistEntry[]; duplicates: DuplicateKey[] } {
  const kept = new Map<ShowKey, WatchlistEntry>();
  const counts = new Map<ShowKey, number>();
  for (const entry of entries) {
    counts.set(entry.key, (counts.get(entry.key) ?? 0) + 1);
    const current = kept.get(entry.key);
    if (!current || entry.updatedAt >= current.updatedAt) kept.set(entry.key, entry);
  }
  const duplicates = [...counts]
    .filter(([, count]) => count > 1)
    .map(([key, count]) => ({ key, count, title: kept.get(key)!.title }));
  return { entries: [...kept.values()], duplicates };
}

export interface ImportPlan {
  /** Keys the watchlist does not have yet. */
  added: WatchlistEntry[];
  /** Keys it has, where the file's entry was changed more recently: these replace the saved ones. */
  updated: WatchlistEntry[];
  /** Keys it has with a change as recent or more recent than the file's: left as they are. */
  unchanged: WatchlistEntry[];
  duplicates: DuplicateKey[];
}

/**
 * What an import does to the watchlist, decided by key and `updatedAt` alone. The options page
 * shows it as the preview and the background computes it again inside its write, so the two
 * agree as long as nothing changed the watchlist in between.
 */
export function planImport(incoming: readonly WatchlistEntry[], saved: ReadonlyMap<ShowKey, WatchlistEntry>): ImportPlan {
  const { entries, duplicates } = newestByKey(incoming);
  const plan: ImportPlan = { added: [], updated: [], unchanged: [], duplicates };
  for (const entry of entries) {
    const current = saved.get(entry.key);
    if (!current) plan.added.push(entry);
    else if (entry.updatedAt > current.updatedAt) plan.updated.push(entry);
    else plan.unchanged.push(entry);
  }
  return plan;
}

/** The entries a plan writes. */
export function entriesToWrite(plan: ImportPlan): WatchlistEntry[] {
  return [...plan.added, ...plan.updated];
}
