import type { ShowKey } from '../model';
import { entriesToWrite, planImport } from '../watchlist-io/merge-plan';
import { withReopen } from './reopen';
import type { BackstoryDb, WatchlistEntry } from './schema';

export interface ImportCounts {
  added: number;
  updated: number;
  unchanged: number;
  /** The keys whose entries were written (added or replaced). */
  changedKeys: ShowKey[];
}

/**
 * Writes an import in one transaction: the merge is decided against the watchlist as it is inside
 * that transaction, and either every entry is written or none is (a full disk or a failing
 * database leaves the watchlist exactly as it was).
 */
export function createWatchlistImporter(db: BackstoryDb) {
  return {
    async importEntries(entries: readonly WatchlistEntry[]): Promise<ImportCounts> {
      return withReopen(db, () =>
        db.transaction('rw', db.watchlist, async () => {
          const keys = [...new Set(entries.map((entry) => entry.key))];
          const current = await db.watchlist.bulkGet(keys);
          const saved = new Map(current.flatMap((entry) => (entry ? [[entry.key, entry] as const] : [])));
          const plan = planImport(entries, saved);
          const writes = entriesToWrite(plan);
          if (writes.length > 0) await db.watchlist.bulkPut(writes);
          return { added: plan.added.length, updated: plan.updated.length, unchanged: plan.unchanged.length, changedKeys: writes.map((entry) => entry.key) };
        }),
      );
    },
  };
}
export type WatchlistImporter = ReturnType<typeof createWatchlistImporter>;
