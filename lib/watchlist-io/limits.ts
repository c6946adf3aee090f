/**
 * How much an imported watchlist file may hold. Generous for a real watchlist, small enough that a
 * hostile or broken file cannot freeze the page or fill the browser's storage.
 */
export const MAX_IMPORT_FILE_BYTES = 20_000_000;
export const MAX_IMPORT_ENTRIES = 50_000;
/** Titles of shows and of the works they are based on. */
export const MAX_TITLE_LENGTH = 300;
/** "Work title · Outlet, year": a title plus a byline. */
export const MAX_STORY_LINE_LENGTH = 500;
/** Dates are milliseconds since 1970: nothing before 2000 (long before Backstory) or far in the future. */
export const EARLIEST_DATE = Date.UTC(2000, 0, 1);
export const LATEST_DATE = Date.UTC(2100, 0, 1);
