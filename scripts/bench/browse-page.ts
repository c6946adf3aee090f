/**
 * What both timings (panel-timing.ts, live-timing.ts) do in a page: open /browse in a new tab and
 * wait for the always-on content script, click a title's card with the in-page stopwatch armed,
 * and save a screenshot when a run fails.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { REPO_ROOT, type BrowserKind, type LaunchedBrowser } from '../../tests/harness/browsers';
import { netflixUrl } from '../../tests/fixtures/site/catalog';
import { PANEL_HOST, readModalPaint, readStopwatch, startStopwatch, type ModalPaintResult, type StopwatchResult } from './stopwatch';

/** How long the always-on content script may take to announce itself after the page's load event. */
const CONTENT_SCRIPT_START_TIMEOUT_MS = 5_000;

/** The title's card in the browse rows (the "Trending Now" row uses standard cards). */
export function standardCard(netflixId: string): string {
  return `a[data-uia="standard-card"][href="/browse?jbv=${netflixId}"]`;
}

/**
 * A new tab on /browse (or `url`), loaded, with `card` visible. A preload script listens for the always-on
 * content script's start: WXT's ContentScriptContext posts
 * `<extension id>:netflix:wxt:content-script-started` to the window when the script starts
 * (run_at document_idle, i.e. around or after the load event).
 */
export async function openBrowsePage(launched: LaunchedBrowser, card: string, url = netflixUrl.browse()): Promise<Page> {
  const page = await launched.newPage();
  await listenForContentScript(page);
  await page.bringToFront();
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForSelector(card, { visible: true, timeout: 10_000 });
  return page;
}

/** The preload script of openBrowsePage, for pages opened otherwise: every document of `page` listens. */
export async function listenForContentScript(page: Page): Promise<void> {
  await page.evaluateOnNewDocument(() => {
    window.addEventListener('message', (event: MessageEvent) => {
      const type: unknown = (event.data as { type?: unknown } | null)?.type;
      if (typeof type === 'string' && type.endsWith(':netflix:wxt:content-script-started')) {
        (window as Window & { __backstoryBenchContentScript?: boolean }).__backstoryBenchContentScript = true;
      }
    });
  });
}

/**
 * Waits until the always-on content script has started, so that a click never races its start
 * (that would add the script's own start-up to the figure, sometimes). Returns false when the
 * start was not seen in time (e.g. WXT changed how it announces it); the run goes on anyway.
 */
export async function waitForContentScript(page: Page): Promise<boolean> {
  const seen = await page
    .waitForFunction(() => (window as Window & { __backstoryBenchContentScript?: boolean }).__backstoryBenchContentScript === true, {
      timeout: CONTENT_SCRIPT_START_TIMEOUT_MS,
      polling: 50,
    })
    .then(
      () => true,
      () => false,
    );
  await nextFrames(page);
  return seen;
}

/** Two animation frames in the page: lets the content script's first rAF-scheduled pass run. */
export async function nextFrames(page: Page): Promise<void> {
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
}

/**
 * Arms the in-page stopwatch, calls `beforeClick` (e.g. to clear the fake internet's request log),
 * clicks `card` for real and waits for the stopwatch: modal open → panel with a story visible.
 */
export async function timeCardClick(page: Page, card: string, timeoutMs: number, beforeClick?: () => void): Promise<StopwatchResult> {
  // requestAnimationFrame stalls in background tabs, and the stopwatch and the extension both use it.
  await page.bringToFront();
  await startStopwatch(page, timeoutMs);
  beforeClick?.();
  await page.click(card);
  return readStopwatch(page);
}

/** The same click in a browser without Backstory: modal open → the modal painted. */
export async function timeModalPaint(page: Page, card: string, timeoutMs: number): Promise<ModalPaintResult> {
  await page.bringToFront();
  await startStopwatch(page, timeoutMs, true);
  await page.click(card);
  return readModalPaint(page);
}

const MODAL_CLOSE_BUTTON = '[data-uia="previewModal-closebtn"]';

/**
 * Closes the detail modal with its own close button and waits until the panel host is gone (then
 * two frames). Returns false when the panel was still there after `timeoutMs`.
 */
export async function closeDetailModal(page: Page, timeoutMs: number): Promise<boolean> {
  await page.bringToFront();
  await page.click(MODAL_CLOSE_BUTTON);
  const gone = await page
    .waitForFunction((host: string) => !document.querySelector(host), { timeout: timeoutMs, polling: 50 }, PANEL_HOST)
    .then(
      () => true,
      () => false,
    );
  if (gone) await nextFrames(page);
  return gone;
}

/** Saves a screenshot of the page as it is; returns a note to append to the failure message. */
export async function failureScreenshot(page: Page, kind: BrowserKind, what = ''): Promise<string> {
  const shot = path.join(REPO_ROOT, 'artifacts', `bench-failure-${what ? `${what}-` : ''}${kind}.png`);
  await mkdir(path.dirname(shot), { recursive: true });
  const saved = await page.screenshot({ path: shot }).then(
    () => true,
    () => false,
  );
  return saved ? ` (screenshot: ${shot})` : '';
}
