import type { ShowKey } from '../model';
import { withReopen } from './reopen';
import type { BackstoryDb, WatchlistEntry, WatchStatus } from './schema';

/** A viewer's change to one saved show; a field left out is left as it is. */
export interface WatchlistEntryChange {
  key: ShowKey;
  status?: WatchStatus;
  /** The new note; empty (or only spaces) removes it. */
  note?: string;
}

export type EditOutcome = { status: 'updated'; entry: WatchlistEntry } | { status: 'unchanged'; entry: WatchlistEntry } | { status: 'unknown-key' };

/**
 * Edits of what the viewer made of a saved show (its status, its note), one entry per
 * transaction: two pages editing at once each change only the fields they were asked to, so
 * neither overwrites the other's edit with a stale copy of the entry.
 */
export function createWatchlistEdits(db: BackstoryDb) {
  return {
    async edit(change: WatchlistEntryChange, now: number): Promise<EditOutcome> {
      return withReopen(db, () =>
        db.transaction('rw', db.watchlist, async (): Promise<EditOutcome> => {
          const existing = await db.watchlist.get(change.key);
          if (!existing) return { status: 'unknown-key' };
          const next = applyChange(existing, change, now);
          if (next === existing) return { status: 'unchanged', entry: existing };
          await db.watchlist.put(next);
          return { status: 'updated', entry: next };
        }),
      );
    },
  };
}
export type WatchlistEdits = ReturnType<typeof createWatchlistEdits>;

/**
 * The entry after the change, or the same object when nothing actually changed (setting the
 * status it already has keeps the date it was set; saving the same note is no edit).
 */
export function applyChange(entry: WatchlistEntry, change: WatchlistEntryChange, now: number): WatchlistEntry {
  let next = entry;
  if (change.status !== undefined && change.status !== entry.status) {
    next = { ...next, status: change.status, statusAt: now, updatedAt: now };
  }
  if (change.note !== undefined) {
    const note = change.note.trim();
    if (note !== (entry.note ?? '')) {
      const { note: _previous, ...rest } = next;
      next = note ? { ...rest, note, updatedAt: now } : { ...rest, updatedAt: now };
    }
  }
  return next;
}
