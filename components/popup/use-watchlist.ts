import { useRef } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { BackstoryDb, WatchlistEntry } from '@/lib/db/schema';

export type WatchlistRead =
  | { state: 'loading' }
  | { state: 'ready'; entries: WatchlistEntry[] }
  /** `entries`: the last list read before storage failed, kept on screen (never emptied by a failure). */
  | { state: 'unreadable'; entries?: WatchlistEntry[] };

/**
 * The whole watchlist, kept live: a save, an edit or a removal in any tab, page or popup shows
 * here at once (Dexie tells every page of the extension about each write).
 */
export function useWatchlist(db: BackstoryDb): WatchlistRead {
  const lastGood = useRef<WatchlistEntry[]>(undefined);
  const read = useLiveQuery(
    () =>
      db.watchlist.toArray().then(
        (entries) => ({ ok: true as const, entries }),
        () => ({ ok: false as const }),
      ),
    [db],
  );
  if (!read) return { state: 'loading' };
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
