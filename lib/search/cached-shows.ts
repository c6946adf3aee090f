import { ShowContextSchema, type ShowContext } from '../model';
import { withReopen } from '../db/reopen';
import type { BackstoryDb } from '../db/schema';

/**
 * The shows live lookups cached (db.shows), for the title search: read and checked against the
 * schema once, then kept until the table changes. A search per pause in typing must not read and
 * parse every cached story again. Every write to a cached show stamps it with a new `storedAt`
 * and a removal changes the count, so the newest stamp and the count tell when to read again.
 */
export function createCachedShowIndex(db: BackstoryDb) {
  let kept: { stamp: string; shows: ShowContext[] } | undefined;

  async function stampNow(): Promise<string> {
    const [count, newest] = await Promise.all([db.shows.count(), db.shows.orderBy('storedAt').reverse().limit(1).keys()]);
    return `${count}:${String(newest[0] ?? '')}`;
  }

  return {
    /** Every cached show that still fits the schema (one that no longer does is skipped). */
    async shows(): Promise<ShowContext[]> {
      return withReopen(db, async () => {
        const stamp = await stampNow();
        if (kept?.stamp === stamp) return kept.shows;
        const rows = await db.shows.toArray();
        const shows = rows.map((row) => row.context).filter((context) => ShowContextSchema.safeParse(context).success);
        kept = { stamp, shows };
        return shows;
      });
    },
  };
}
