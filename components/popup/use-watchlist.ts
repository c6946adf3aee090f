import { useEffect, useRef, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { BackstoryDb, WatchlistEntry } from '@/lib/db/schema';

/** Entries read first, newest first, so the popup shows rows before the whole list is read. */
export const FIRST_PAGE = 24;

export type WatchlistRead =
  | { state: 'loading' }
  /** The newest entries and how many there are, while the whole list is still being read. */
  | { state: 'first-page'; entries: WatchlistEntry[]; total: number }
  | { state: 'ready'; entries: WatchlistEntry[] }
  /** `entries`: the last list read before storage failed, kept on screen (never emptied by a failure). */
  | { state: 'unreadable'; entries?: WatchlistEntry[] };

/**
 * The whole watchlist, kept live: a save, an edit or a removal in any tab, page or popup shows
 * here at once (Dexie tells every page of the extension about each write).
 */
export function useWatchlist(db: BackstoryDb): WatchlistRead {
  const lastGood = useRef<WatchlistEntry[]>(undefined);
  const [firstPage, setFirstPage] = useState<{ entries: WatchlistEntry[]; total: number }>();
  useEffect(() => {
    let current = true;
    // A short read by the addedAt index answers long before thousands of entries are read.
    Promise.all([db.watchlist.orderBy('addedAt').reverse().limit(FIRST_PAGE).toArray(), db.watchlist.count()]).then(
      ([entries, total]) => current && setFirstPage({ entries, total }),
      () => {},
    );
    return () => {
      current = false;
    };
  }, [db]);
  const read = useLiveQuery(
    () =>
      db.watchlist.toArray().then(
        (entries) => ({ ok: true as const, entries }),
        () => ({ ok: false as const }),
      ),
    [db],
  );
  if (!read) return firstPage ? { state: 'first-page', ...firstPage } : { state: 'loading' };
  if (!read.ok) return { state: 'unreadable', entries: lastGood.current };
  lastGood.current = read.entries;
  return { state: 'ready', entries: read.entries };
}

/** Just the saved keys (cheap: no entry is read), for the search's Save/Saved buttons. */
export function useSavedKeys(db: BackstoryDb): ReadonlySet<string> | undefined {
  return useLiveQuery(
    () =>
      db.watchlist
        .toCollection()
        .primaryKeys()
        .then(
          (keys) => new Set(keys as string[]),
          () => undefined,
        ),
    [db],
  );
}
