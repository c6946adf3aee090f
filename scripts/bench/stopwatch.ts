/**
 * The in-page stopwatch: from the Netflix detail modal entering the DOM (t0) to the Backstory panel
 * having a layout box (t1), both read from the page's own performance.now(), so neither the
 * automation protocol's round trips nor Node's clock are in the figure.
 *
 * armStopwatch is serialised by puppeteer (Function.prototype.toString) and run in the page.
 * tsx compiles with esbuild's keepNames, which wraps every named inner function or arrow assigned
 * to a variable in a `__name(...)` call that does not exist in the page. So inside armStopwatch:
 * only object-method shorthand and anonymous arrows passed as arguments, never `const f = () => …`.
 */
import type { Page } from 'puppeteer-core';

export const DETAIL_MODAL = '[role="dialog"][data-uia="modal-motion-container-DETAIL_MODAL"]';
export const PANEL_HOST = 'backstory-panel';
export const PANEL_IN_SHADOW = '[data-backstory="panel"][data-show-key]';

export type StopwatchResult =
  /** showKey: the panel's data-show-key when it became visible (which story it shows). */
  | { ok: true; modalOpenAt: number; panelVisibleAt: number; ms: number; showKey: string }
  | { ok: false; reason: string };

interface StopwatchSelectors {
  modal: string;
  panelHost: string;
  panelInShadow: string;
}

/** Where the armed stopwatch leaves its promise in the page. */
type BenchWindow = Window & { __backstoryBenchStopwatch?: Promise<StopwatchResult> };

/** Runs in the page. Leaves a promise on window that settles with the timing or why there is none. */
function armStopwatch(selectors: StopwatchSelectors, timeoutMs: number): void {
  const win = window as BenchWindow;
  win.__backstoryBenchStopwatch = new Promise<StopwatchResult>((resolve) => {
    const state = {
      modalOpenAt: undefined as number | undefined,
      done: false,
      /** Called from the observer (DOM changes in the document) and every frame (shadow DOM changes). */
      check(): void {
        if (state.done) return;
        const now = performance.now();
        if (state.modalOpenAt === undefined && document.querySelector(selectors.modal)) state.modalOpenAt = now;
        if (state.modalOpenAt === undefined) return;
        const panel = document.querySelector(selectors.panelHost)?.shadowRoot?.querySelector(selectors.panelInShadow);
        const box = panel?.getBoundingClientRect();
        if (box && box.width > 0 && box.height > 0) {
          const showKey = panel?.getAttribute('data-show-key') ?? '';
          state.finish({ ok: true, modalOpenAt: state.modalOpenAt, panelVisibleAt: now, ms: now - state.modalOpenAt, showKey });
        }
      },
      everyFrame(): void {
        state.check();
        if (!state.done) requestAnimationFrame(() => state.everyFrame());
      },
      finish(result: StopwatchResult): void {
        state.done = true;
        observer.disconnect();
        clearTimeout(timer);
        resolve(result);
      },
    };
    // The observer sees the modal the moment the site mounts it; it cannot see inside the panel's
    // shadow root, where React renders, hence the per-frame check as well.
    const observer = new MutationObserver(() => state.check());
    observer.observe(document, { childList: true, subtree: true });
    const timer = setTimeout(() => {
      const modal = state.modalOpenAt === undefined ? 'the detail modal never opened' : 'the detail modal opened';
      const host = document.querySelector(selectors.panelHost);
      const panel = host ? `a ${selectors.panelHost} host is ${host.shadowRoot ? 'there with a shadow root' : 'there without a shadow root'}` : `no ${selectors.panelHost} host`;
      state.finish({ ok: false, reason: `${modal}; ${panel}; no visible panel within ${timeoutMs} ms` });
    }, timeoutMs);
    state.everyFrame();
  });
}

/** Arms the stopwatch in the page; call before the click that opens the modal. */
export async function startStopwatch(page: Page, timeoutMs: number): Promise<void> {
  const selectors: StopwatchSelectors = { modal: DETAIL_MODAL, panelHost: PANEL_HOST, panelInShadow: PANEL_IN_SHADOW };
  await page.evaluate(armStopwatch, selectors, timeoutMs);
}

/** Waits for the armed stopwatch's result (it times itself out in the page). */
export async function readStopwatch(page: Page): Promise<StopwatchResult> {
  const result = await page.evaluate(() => (window as BenchWindow).__backstoryBenchStopwatch ?? null);
  if (!result) return { ok: false, reason: 'the stopwatch was not armed in this page (did it navigate?)' };
  // The page clock is coarsened anyway (0.1 ms in Chromium, 1 ms in Firefox): drop float noise.
  return result.ok ? { ...result, ms: Math.round(result.ms * 10) / 10 } : result;
}
