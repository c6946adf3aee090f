/**
 * `npm run bench -- --only=popup`: the popup's open time with WATCHLIST_SIZE entries, in each
 * browser asked for; a table on the terminal and every number in artifacts/bench-popup.json.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT, type BrowserKind } from '../../../tests/harness/browsers';
import type { FakeInternet } from '../../../tests/harness/fake-internet';
import { table } from '../report';
import { summarize, type Summary } from '../stats';
import { measurePopupOpen, PopupRunFailed, WATCHLIST_SIZE, type PopupTimings } from './popup-open';

const RESULTS_FILE = path.join(REPO_ROOT, 'artifacts', 'bench-popup.json');
/** The least number of measured opens per browser: fewer would make the median a guess. */
export const MIN_POPUP_RUNS = 7;

interface PopupSummary {
  kind: BrowserKind;
  version: string;
  firstRowsMs: Summary;
  wholeListMs: Summary;
  domContentLoadedMs: Summary;
  rowsRendered: Summary;
}

export async function popupPart(options: { runs: number; browsers: BrowserKind[] }, internet: FakeInternet, log: (line: string) => void): Promise<number> {
  const runs = Math.max(options.runs, MIN_POPUP_RUNS);
  if (runs !== options.runs) log(`popup: ${runs} runs per browser (at least ${MIN_POPUP_RUNS}), not ${options.runs}`);
  const started = Date.now();
  const results: PopupTimings[] = [];
  try {
    for (const kind of options.browsers) results.push(await measurePopupOpen(kind, internet, runs, log));
  } catch (error) {
    if (error instanceof PopupRunFailed) results.push(error.partial);
    const message = error instanceof Error ? error.message : String(error);
    await writePopupResults(runs, results, message);
    console.error(`\n[bench] FAILED (popup): ${message}`);
    return 1;
  }
  const summaries = results.map(summarizePopup);
  console.log(
    `\nPopup open with ${WATCHLIST_SIZE.toLocaleString('en')} watchlist entries: navigation start → first rows on screen, and → the whole list read and sorted (the popup's own marks), ${runs} runs per browser\n` +
      `${popupTable(summaries)}\n`,
  );
  await writePopupResults(runs, results);
  log(`popup took ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return 0;
}

function summarizePopup(timings: PopupTimings): PopupSummary {
  return {
    kind: timings.kind,
    version: timings.version,
    firstRowsMs: summarize(timings.runs.map((run) => run.firstRowsMs)),
    wholeListMs: summarize(timings.runs.map((run) => run.wholeListMs)),
    domContentLoadedMs: summarize(timings.runs.map((run) => run.domContentLoadedMs)),
    rowsRendered: summarize(timings.runs.map((run) => run.rowsRendered)),
  };
}

function popupTable(summaries: readonly PopupSummary[]): string {
  const ms = (n: number) => `${n.toFixed(1)} ms`;
  return table(
    ['browser', 'first rows median', 'min–max', 'whole list median', 'min–max', 'DOMContentLoaded median', 'rows in the DOM'],
    summaries.map((s) => [
      `${s.kind} (${s.version})`,
      ms(s.firstRowsMs.median),
      `${ms(s.firstRowsMs.min)}–${ms(s.firstRowsMs.max)}`,
      ms(s.wholeListMs.median),
      `${ms(s.wholeListMs.min)}–${ms(s.wholeListMs.max)}`,
      ms(s.domContentLoadedMs.median),
      s.rowsRendered.min === s.rowsRendered.max ? String(s.rowsRendered.min) : `${s.rowsRendered.min}–${s.rowsRendered.max}`,
    ]),
  );
}

async function writePopupResults(runs: number, results: readonly PopupTimings[], failure?: string): Promise<void> {
  const cpus = os.cpus();
  const output = {
    date: new Date().toISOString(),
    machine: { platform: `${os.platform()} ${os.release()} ${os.arch()}`, cpus: cpus.length, cpuModel: cpus[0]?.model ?? 'unknown', totalMemBytes: os.totalmem(), node: process.version },
    watchlistEntries: WATCHLIST_SIZE,
    runsPerBrowser: runs,
    measure:
      "popup.html opened in a new tab of a browser with the built extension (tests/harness), the watchlist seeded once with invented entries straight into IndexedDB. firstRowsMs = the startTime of the popup's performance mark 'backstory:watchlist-first-rows', set in the animation frame after the first rows of the virtualised list are in the DOM (the newest entries, read first through the addedAt index, with the count); wholeListMs = the mark 'backstory:watchlist-whole-list', set the same way once every entry is read from IndexedDB, sorted, and the list can be filtered and searched. Both from navigation start, so both include loading the page's scripts. One warm-up open per browser is not counted. The popup is opened as a page, not from the toolbar: the toolbar's own popup window adds the browser's time to open it.",
    summaries: failure === undefined ? results.map(summarizePopup) : undefined,
    browsers: results,
    ...(failure === undefined ? {} : { failure }),
  };
  await mkdir(path.dirname(RESULTS_FILE), { recursive: true });
  await writeFile(RESULTS_FILE, `${JSON.stringify(output, null, 2)}\n`);
  console.log(`[bench] popup raw numbers and summaries: ${path.relative(REPO_ROOT, RESULTS_FILE)}`);
}
