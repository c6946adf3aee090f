/**
 * Performance marks the popup sets once per page, cheap, and read by the popup benchmark
 * (scripts/bench/popup). Their own module so the benchmark can name them without loading React.
 */
/** The first rows of a non-empty watchlist are on screen (the newest entries, read first). */
export const FIRST_ROWS_MARK = 'backstory:watchlist-first-rows';
/** The whole watchlist is read and the list can be sorted, filtered and searched. */
export const WHOLE_LIST_MARK = 'backstory:watchlist-whole-list';

const marked = new Set<string>();

/** Sets the mark in the next animation frame (when what was rendered is about to be painted), once. */
export function markOnce(name: string): void {
  if (marked.has(name)) return;
  marked.add(name);
  requestAnimationFrame(() => performance.mark(name));
}
