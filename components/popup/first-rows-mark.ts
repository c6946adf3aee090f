/**
 * The performance mark the popup sets when the first rows of a non-empty watchlist are on screen:
 * cheap, and what the popup benchmark (scripts/bench/popup) reads. Its own module so the benchmark
 * can name it without loading the component.
 */
export const FIRST_ROWS_MARK = 'backstory:watchlist-first-rows';
