/**
 * The in-page stopwatch: from the Netflix detail modal entering the DOM (t0) to the end of the first
 * rendering update that paints the Backstory panel (t1), both read from the page's own
 * performance.now(), so neither the automation protocol's round trips nor Node's clock are in the
 * figure. It also times the end of the first rendering update that paints the modal itself: the
 * site's own figure, which the panel cannot beat (on a big page Firefox restyles the whole
 * document when the modal opens).
 *
 * "The end of a rendering update" is the first task that runs after it (a MessageChannel message
 * posted from inside it): animation callbacks, style, layout and paint of a frame run in one go,
 * with no task between. Whatever is in the DOM when a frame's animation callbacks are running is
 * painted by that frame; found between frames, it is painted by the next one. The stopwatch's own
 * frame callback marks the callbacks as running, and a ResizeObserver on a probe element it
 * resizes every frame marks their end (resize observations are delivered after layout, in the
 * same rendering update). The frame callback is registered a frame ahead, so it runs before
 * callbacks the page or Backstory ask for in between; should one of those run first, what it
 * adds counts one frame late: an error against Backstory, never in its favour.
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
  /**
   * ms: modal open → panel painted. modalPaintMs: modal open → modal painted (the site's own).
   * showKey: the panel's data-show-key when it became visible (which story it shows).
   */
  | { ok: true; modalOpenAt: number; modalPaintedAt: number; panelVisibleAt: number; ms: number; modalPaintMs: number; showKey: string }
  | { ok: false; reason: string };

interface StopwatchSelectors {
  modal: string;
  panelHost: string;
  panelInShadow: string;
  /** Only the modal is timed (the baseline browser, which has no panel to wait for). */
  modalOnly: boolean;
}

/** The baseline's figure: modal open → the modal painted. */
export type ModalPaintResult = { ok: true; modalPaintMs: number } | { ok: false; reason: string };

/** Where the armed stopwatch leaves its promise in the page. */
type BenchWindow = Window & { __backstoryBenchStopwatch?: Promise<StopwatchResult> };

/** Runs in the page. Leaves a promise on window that settles with the timing or why there is none. */
function armStopwatch(selectors: StopwatchSelectors, timeoutMs: number): void {
  const win = window as BenchWindow;
  win.__backstoryBenchStopwatch = new Promise<StopwatchResult>((resolve) => {
    const afterFrame = new MessageChannel();
    const probe = document.createElement('div');
    probe.setAttribute('aria-hidden', 'true');
    probe.style.cssText = 'position:fixed;left:-10px;top:0;width:1px;height:1px;visibility:hidden;pointer-events:none;contain:strict';
    const state = {
      modalOpenAt: undefined as number | undefined,
      modalPaintedAt: undefined as number | undefined,
      panelFoundAt: undefined as number | undefined,
      panelVisibleAt: undefined as number | undefined,
      showKey: '',
      /** A frame's animation callbacks are running: what is in the DOM now is painted by this frame. */
      inFrame: false,
      frames: 0,
      /** Called with the end time of the frame that paints what was found. */
      endOfThisFrame: [] as ((at: number) => void)[],
      endOfNextFrame: [] as ((at: number) => void)[],
      done: false,
      /** Runs `then` with the end time of the first rendering update that paints what is in the DOM now. */
      whenPainted(then: (at: number) => void): void {
        (state.inFrame ? state.endOfThisFrame : state.endOfNextFrame).push(then);
      },
      /** Called from the observer (DOM changes in the document) and every frame (shadow DOM changes). */
      check(): void {
        if (state.done) return;
        const now = performance.now();
        if (state.modalOpenAt === undefined && document.querySelector(selectors.modal)) {
          state.modalOpenAt = now;
          state.whenPainted((at) => {
            state.modalPaintedAt = at;
            state.maybeFinish();
          });
        }
        if (state.modalOpenAt === undefined || state.panelFoundAt !== undefined) return;
        const panel = document.querySelector(selectors.panelHost)?.shadowRoot?.querySelector(selectors.panelInShadow);
        const box = panel?.getBoundingClientRect();
        if (box && box.width > 0 && box.height > 0) {
          state.panelFoundAt = now;
          state.showKey = panel?.getAttribute('data-show-key') ?? '';
          state.whenPainted((at) => {
            state.panelVisibleAt = at;
            state.maybeFinish();
          });
        }
      },
      everyFrame(): void {
        state.inFrame = true;
        state.frames += 1;
        probe.style.width = `${1 + (state.frames % 2)}px`;
        state.endOfThisFrame.push(...state.endOfNextFrame.splice(0));
        afterFrame.port2.postMessage(null);
        state.check();
        if (!state.done) requestAnimationFrame(() => state.everyFrame());
      },
      /** This frame's layout is done (its animation callbacks with it): from now on, the next frame paints. */
      layoutDone(): void {
        state.inFrame = false;
      },
      frameEnded(): void {
        state.inFrame = false;
        const at = performance.now();
        state.endOfThisFrame.splice(0).forEach((then) => then(at));
      },
      maybeFinish(): void {
        const { modalOpenAt, modalPaintedAt, panelVisibleAt } = state;
        if (state.done || modalOpenAt === undefined || modalPaintedAt === undefined) return;
        if (selectors.modalOnly) {
          state.finish({ ok: true, modalOpenAt, modalPaintedAt, panelVisibleAt: NaN, ms: NaN, modalPaintMs: modalPaintedAt - modalOpenAt, showKey: '' });
          return;
        }
        if (panelVisibleAt === undefined) return;
        state.finish({
          ok: true,
          modalOpenAt,
          modalPaintedAt,
          panelVisibleAt,
          ms: panelVisibleAt - modalOpenAt,
          modalPaintMs: modalPaintedAt - modalOpenAt,
          showKey: state.showKey,
        });
      },
      finish(result: StopwatchResult): void {
        state.done = true;
        observer.disconnect();
        resizes.disconnect();
        probe.remove();
        afterFrame.port1.close();
        clearTimeout(timer);
        resolve(result);
      },
    };
    afterFrame.port1.onmessage = () => state.frameEnded();
    const resizes = new ResizeObserver(() => state.layoutDone());
    document.documentElement.append(probe);
    resizes.observe(probe);
    // The observer sees the modal the moment the site mounts it; it cannot see inside the panel's
    // shadow root, where React renders, hence the per-frame check as well.
    const observer = new MutationObserver(() => state.check());
    observer.observe(document, { childList: true, subtree: true });
    const timer = setTimeout(() => {
      const modal = state.modalOpenAt === undefined ? 'the detail modal never opened' : 'the detail modal opened';
      const host = document.querySelector(selectors.panelHost);
      const panel = host ? `a ${selectors.panelHost} host is ${host.shadowRoot ? 'there with a shadow root' : 'there without a shadow root'}` : `no ${selectors.panelHost} host`;
      const waited = selectors.modalOnly ? `the modal not painted within ${timeoutMs} ms` : `${panel}; no visible panel within ${timeoutMs} ms`;
      state.finish({ ok: false, reason: `${modal}; ${waited}` });
    }, timeoutMs);
    requestAnimationFrame(() => state.everyFrame());
  });
}

/** Arms the stopwatch in the page; call before the click that opens the modal. */
export async function startStopwatch(page: Page, timeoutMs: number, modalOnly = false): Promise<void> {
  const selectors: StopwatchSelectors = { modal: DETAIL_MODAL, panelHost: PANEL_HOST, panelInShadow: PANEL_IN_SHADOW, modalOnly };
  await page.evaluate(armStopwatch, selectors, timeoutMs);
}

/** Waits for the armed stopwatch's result (it times itself out in the page). */
export async function readStopwatch(page: Page): Promise<StopwatchResult> {
  const result = await page.evaluate(() => (window as BenchWindow).__backstoryBenchStopwatch ?? null);
  if (!result) return { ok: false, reason: 'the stopwatch was not armed in this page (did it navigate?)' };
  // The page clock is coarsened anyway (0.1 ms in Chromium, 1 ms in Firefox): drop float noise.
  return result.ok ? { ...result, ms: Math.round(result.ms * 10) / 10, modalPaintMs: Math.round(result.modalPaintMs * 10) / 10 } : result;
}

/** The armed stopwatch's modal-only figure (startStopwatch with modalOnly). */
export async function readModalPaint(page: Page): Promise<ModalPaintResult> {
  const result = await readStopwatch(page);
  return result.ok ? { ok: true, modalPaintMs: result.modalPaintMs } : result;
}
