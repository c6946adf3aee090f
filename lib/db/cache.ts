import { withReopen } from './reopen';
import type { BackstoryDb } from './schema';

/** What Backstory keeps only to be fast: rebuilt by looking titles up again. */
export interface CacheCounts {
  /** Shows found by live lookups. */
  shows: number;
  /** What lookups concluded for sightings (found, or no story). */
  lookups: number;
  /** Site IDs linked to shows after confident matches. */
  siteIds: number;
}

/** The cache tables only; the watchlist is the viewer's own data and is never touched here. */
export function createCacheRepository(db: BackstoryDb) {
  const cacheTables = () => [db.shows, db.lookups, db.siteIds] as const;
  return {
    async counts(): Promise<CacheCounts> {
      return withReopen(db, async () => {
        const [shows, lookups, siteIds] = await Promise.all(cacheTables().map((table) => table.count()));
        return { shows: shows!, lookups: lookups!, siteIds: siteIds! };
      });
    },
    /** Empties the three cache tables together; returns how many rows went. */
    async clear(): Promise<number> {
      return withReopen(db, () =>
        db.transaction('rw', cacheTables(), async () => {
          const counts = await Promise.all(cacheTables().map((table) => table.count()));
          await Promise.all(cacheTables().map((table) => table.clear()));
          return counts.reduce((sum, count) => sum + count, 0);
        }),
      );
    },
  };
}
export type CacheRepository = ReturnType<typeof createCacheRepository>;
