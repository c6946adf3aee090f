import type { WatchlistEntry, WatchStatus } from '@/lib/db/schema';
import { normalizeTitle } from '@/lib/resolve/normalize-title';

export const WATCHLIST_SORTS = ['newest', 'oldest', 'title', 'changed'] as const;
export type WatchlistSort = (typeof WATCHLIST_SORTS)[number];
export type StatusFilter = WatchStatus | 'all';

export interface WatchlistView {
  sort: WatchlistSort;
  status: StatusFilter;
  /** Words typed in the list's own search box. */
  text: string;
}

export const DEFAULT_VIEW: WatchlistView = { sort: 'newest', status: 'all', text: '' };

/**
 * The entries to show, in order: filtered by status, then by the search text (every typed word
 * must start a word of the title, the story or the note, accents and stops ignored), then sorted.
 */
export function viewEntries(entries: readonly WatchlistEntry[], view: WatchlistView, collator: Intl.Collator): WatchlistEntry[] {
  const words = normalizeTitle(view.text).split(' ').filter(Boolean);
  const shown = entries.filter((entry) => (view.status === 'all' || entry.status === view.status) && (words.length === 0 || matchesWords(entry, words)));
  return shown.sort(comparer(view.sort, collator));
}

/** Each entry's searchable text, normalised once per entry read (not once per key typed). */
const haystacks = new WeakMap<WatchlistEntry, string>();

function matchesWords(entry: WatchlistEntry, words: readonly string[]): boolean {
  let haystack = haystacks.get(entry);
  if (haystack === undefined) {
    haystack = ` ${normalizeTitle([entry.title, entry.basedOn, entry.inspiredBy, entry.note].filter(Boolean).join(' '))}`;
    haystacks.set(entry, haystack);
  }
  return words.every((word) => haystack.includes(` ${word}`));
}

function comparer(sort: WatchlistSort, collator: Intl.Collator): (a: WatchlistEntry, b: WatchlistEntry) => number {
  switch (sort) {
    case 'newest':
      return (a, b) => b.addedAt - a.addedAt || collator.compare(a.title, b.title);
    case 'oldest':
      return (a, b) => a.addedAt - b.addedAt || collator.compare(a.title, b.title);
    case 'title':
      return (a, b) => collator.compare(a.title, b.title) || b.addedAt - a.addedAt;
    case 'changed':
      return (a, b) => b.updatedAt - a.updatedAt || b.addedAt - a.addedAt;
  }
}

/** How many entries have each status, for the filter's labels. */
export function countByStatus(entries: readonly WatchlistEntry[]): Record<StatusFilter, number> {
  const counts: Record<StatusFilter, number> = { all: entries.length, 'to-watch': 0, watching: 0, watched: 0 };
  for (const entry of entries) counts[entry.status] += 1;
  return counts;
}
