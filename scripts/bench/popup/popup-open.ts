/**
 * How fast the popup opens with a long watchlist (issue #5): WATCHLIST_SIZE entries written into
 * the extension's IndexedDB, then popup.html opened again and again in a new tab. Each run reads
 * the popup's own performance marks (components/popup/first-rows-mark.ts), each set in the
 * animation frame after what it names is in the DOM, their startTime measured from the document's
 * navigation start: FIRST_ROWS_MARK when the first rows are on screen (the newest entries, read
 * first by the addedAt index), WHOLE_LIST_MARK when all entries are read and the list is sorted
 * and can be filtered (both include loading the page's scripts).
 */
import type { Page } from 'puppeteer-core';
import { launchBrowser, type BrowserKind } from '../../../tests/harness/browsers';
import type { FakeInternet } from '../../../tests/harness/fake-internet';
import { clearWatchlist, inventedEntries, seedWatchlist } from '../../../tests/harness/watchlist-seed';
import { FIRST_ROWS_MARK, WHOLE_LIST_MARK } from '../../../components/popup/first-rows-mark';

export const WATCHLIST_SIZE = 5_000;
export const MARK_TIMEOUT_MS = 20_000;

export interface PopupRun {
  run: number;
  /** Navigation start → the first rows on screen (the popup's mark), milliseconds. */
  firstRowsMs: number;
  /** Navigation start → every entry read, the list sorted and ready to filter and search. */
  wholeListMs: number;
  /** Navigation start → DOMContentLoaded, for reference (scripts parsed, before any data is read). */
  domContentLoadedMs: number;
  /** Rows in the DOM when the mark was read: a window, not the whole list. */
  rowsRendered: number;
  /** aria-setsize of the rows: the list's length as the popup saw it. */
  listLength: number;
}

export interface PopupTimings {
  kind: BrowserKind;
  version: string;
  /** One run before the measured ones (a fresh browser's first open of the page), not counted. */
  warmUp?: PopupRun;
  runs: PopupRun[];
}

export class PopupRunFailed extends Error {
  constructor(
    message: string,
    readonly partial: PopupTimings,
  ) {
    super(message);
  }
}

export async function measurePopupOpen(kind: BrowserKind, internet: FakeInternet, runCount: number, log: (line: string) => void): Promise<PopupTimings> {
  const launched = await launchBrowser(kind, { fakeInternetPort: internet.port });
  const timings: PopupTimings = { kind, version: await launched.browser.version(), runs: [] };
  try {
    // The popup creates the database on first open; then the entries go straight into it.
    const seeder = await launched.openExtensionPage('/popup.html');
    await seeder.waitForSelector('[data-section="watchlist"][aria-busy="false"]', { timeout: MARK_TIMEOUT_MS });
    await clearWatchlist(seeder);
    await seedWatchlist(seeder, inventedEntries(WATCHLIST_SIZE));
    await seeder.close();
    log(`${kind}: ${timings.version}, ${WATCHLIST_SIZE} watchlist entries seeded, 1 warm-up + ${runCount} runs`);

    for (let run = 0; run <= runCount; run++) {
      const page = await launched.openExtensionPage('/popup.html');
      try {
        const measured = await readMark(page, run);
        if (measured.listLength !== WATCHLIST_SIZE) throw new Error(`the popup listed ${measured.listLength} entries, expected ${WATCHLIST_SIZE}`);
        if (run === 0) timings.warmUp = measured;
        else timings.runs.push(measured);
        log(`${kind} ${run === 0 ? 'warm-up' : `run ${run}/${runCount}`}: first rows ${measured.firstRowsMs.toFixed(1)} ms, whole list ${measured.wholeListMs.toFixed(1)} ms (DOMContentLoaded ${measured.domContentLoadedMs.toFixed(1)} ms, ${measured.rowsRendered} rows in the DOM)`);
      } catch (error) {
        throw new PopupRunFailed(`${kind} run ${run}: ${(error as Error).message}`, timings);
      } finally {
        await page.close();
      }
    }
    return timings;
  } finally {
    await launched.close();
  }
}

async function readMark(page: Page, run: number): Promise<PopupRun> {
  await page.waitForFunction((names: string[]) => names.every((name) => performance.getEntriesByName(name).length > 0), { timeout: MARK_TIMEOUT_MS, polling: 50 }, [
    FIRST_ROWS_MARK,
    WHOLE_LIST_MARK,
  ]);
  const seen = await page.evaluate((name: string, whole: string) => {
    const rows = document.querySelectorAll('[data-watchlist-item]');
    const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    return {
      firstRowsMs: performance.getEntriesByName(name)[0]!.startTime,
      wholeListMs: performance.getEntriesByName(whole)[0]!.startTime,
      domContentLoadedMs: navigation?.domContentLoadedEventEnd ?? Number.NaN,
      rowsRendered: rows.length,
      listLength: Number(rows[0]?.getAttribute('aria-setsize') ?? 0),
    };
  }, FIRST_ROWS_MARK, WHOLE_LIST_MARK);
  return { run, ...seen, firstRowsMs: round(seen.firstRowsMs), wholeListMs: round(seen.wholeListMs), domContentLoadedMs: round(seen.domContentLoadedMs) };
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}
