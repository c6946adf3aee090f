/**
 * Time from the Netflix detail modal opening to the Backstory panel being visible, in one browser:
 * - cold: a fresh tab on /browse, a real click on the Somos. card. The panel script is not in the
 *   page yet, so this includes the background injecting it and React starting;
 * - warm: in the same tab, close the modal, wait for the panel to go, click the card again.
 */
import type { Page } from 'puppeteer-core';
import { launchBrowser, type BrowserKind } from '../../tests/harness/browsers';
import type { FakeInternet } from '../../tests/harness/fake-internet';
import { SOMOS } from '../../tests/fixtures/site/catalog';
import { closeDetailModal, failureScreenshot, openBrowsePage, standardCard, timeCardClick, waitForContentScript } from './browse-page';
import { PANEL_HOST, type StopwatchResult } from './stopwatch';

export const PANEL_TIMEOUT_MS = 15_000;

const SOMOS_CARD = standardCard(SOMOS.id);

export interface RunTiming {
  run: number;
  /** Modal open → panel painted, page clock, milliseconds. */
  coldMs: number;
  warmMs: number;
  /** Modal open → the modal itself painted (the site's own time, the floor for the panel). */
  warmModalPaintMs: number;
  /** Whether the always-on content script was seen starting before the cold click (see waitForContentScript). */
  contentScriptSeenBeforeClick: boolean;
}

export interface BrowserTimings {
  kind: BrowserKind;
  /** browser.version(), e.g. "chrome/156.0.8078.79" or "firefox/153.7.0". */
  version: string;
  runs: RunTiming[];
}

/** A run that did not show the panel (or could not be driven): the benchmark stops with this message. */
export class BenchRunFailed extends Error {
  constructor(
    message: string,
    readonly partial: BrowserTimings,
  ) {
    super(message);
  }
}

export async function measureBrowser(
  kind: BrowserKind,
  internet: FakeInternet,
  runCount: number,
  log: (line: string) => void,
): Promise<BrowserTimings> {
  const launched = await launchBrowser(kind, { fakeInternetPort: internet.port });
  const timings: BrowserTimings = { kind, version: await launched.browser.version(), runs: [] };
  log(`${kind}: ${timings.version}, ${runCount} runs`);
  let page: Page | undefined;
  try {
    for (let run = 1; run <= runCount; run++) {
      // A fresh tab per cold run: the panel script from the previous run must not be in the page.
      await page?.close();
      page = await openBrowsePage(launched, SOMOS_CARD);
      const contentScriptSeenBeforeClick = await waitForContentScript(page);
      const cold = await timeModalToPanel(page, `${kind} cold run ${run}`, timings);
      await closeModal(page, `${kind} run ${run}`, timings);
      const warm = await timeModalToPanel(page, `${kind} warm run ${run}`, timings);
      timings.runs.push({ run, coldMs: cold.ms, warmMs: warm.ms, warmModalPaintMs: warm.modalPaintMs, contentScriptSeenBeforeClick });
      log(
        `${kind} run ${run}/${runCount}: cold ${cold.ms.toFixed(1)} ms, warm ${warm.ms.toFixed(1)} ms (the modal itself painted after ${warm.modalPaintMs.toFixed(1)} ms)` +
          (contentScriptSeenBeforeClick ? '' : ' (content script start not seen)'),
      );
    }
    return timings;
  } finally {
    await launched.close();
  }
}

/** Arms the in-page stopwatch, clicks the Somos. card for real: modal open → panel painted, and → modal painted. */
async function timeModalToPanel(page: Page, label: string, partial: BrowserTimings): Promise<{ ms: number; modalPaintMs: number }> {
  const result: StopwatchResult = await timeCardClick(page, SOMOS_CARD, PANEL_TIMEOUT_MS);
  if (!result.ok) throw await failure(page, `${label}: ${result.reason}`, partial);
  return { ms: result.ms, modalPaintMs: result.modalPaintMs };
}

/** Closes the detail modal with its own close button and waits until the panel host is gone. */
async function closeModal(page: Page, label: string, partial: BrowserTimings): Promise<void> {
  const gone = await closeDetailModal(page, PANEL_TIMEOUT_MS);
  if (!gone) throw await failure(page, `${label}: the panel (${PANEL_HOST}) was still in the page ${PANEL_TIMEOUT_MS / 1000} s after closing the modal`, partial);
}

/** Saves a screenshot of the page as it is and returns the error that stops the benchmark. */
async function failure(page: Page, message: string, partial: BrowserTimings): Promise<BenchRunFailed> {
  return new BenchRunFailed(`${message}${await failureScreenshot(page, partial.kind)}`, partial);
}
