/**
 * Helpers for UI inside open shadow roots (the extension's `backstory-panel` and `backstory-badge`
 * hosts, see DESIGN.md "Contract for tests that look at the page").
 *
 * They use puppeteer's `>>>` deep combinator: `host >>> inner` finds `inner` anywhere in the shadow
 * trees under `host` (`>>>>` would be one level only). It is evaluated by puppeteer's own injected
 * query code, so it works the same over CDP (Chromium) and WebDriver BiDi (Firefox): verified on
 * Chromium 156 and Firefox ESR 153 against a shadow root attached by a content script, including
 * a real mouse click on the element found (tests/e2e/harness.e2e.test.ts checks it on each run with
 * a page-made shadow root).
 *
 * To WAIT for shadow content use waitForDeep/waitForShadow below, not page.waitForSelector: see there.
 */
import type { ElementHandle, Page } from 'puppeteer-core';

/** `host >>> inner` as a puppeteer selector. */
export function deep(hostSelector: string, innerSelector: string): string {
  return `${hostSelector} >>> ${innerSelector}`;
}

/** The first element matching `innerSelector` inside the open shadow root(s) under `hostSelector`. */
export function queryShadow(page: Page, hostSelector: string, innerSelector: string): Promise<ElementHandle<Element> | null> {
  return page.$(deep(hostSelector, innerSelector));
}

export function queryShadowAll(page: Page, hostSelector: string, innerSelector: string): Promise<ElementHandle<Element>[]> {
  return page.$$(deep(hostSelector, innerSelector));
}

/**
 * Waits until `selector` (which may contain `>>>`) matches, and with `visible` until it is visible.
 *
 * Why not page.waitForSelector('host >>> inner')? Without `visible`/`hidden` puppeteer re-checks
 * only when a MutationObserver on the document fires, and that observer does not see changes
 * inside shadow roots: when the host is attached first and its shadow content rendered later (as
 * the extension's React panel does), the wait can time out although the element is on screen.
 * (With `visible: true` it polls on requestAnimationFrame, which stalls in background tabs.)
 * This helper polls from Node every `interval` ms instead.
 */
export async function waitForDeep(
  page: Page,
  selector: string,
  options: { timeout?: number; visible?: boolean; interval?: number } = {},
): Promise<ElementHandle<Element>> {
  const timeout = options.timeout ?? 10_000;
  const interval = options.interval ?? 100;
  const deadline = Date.now() + timeout;
  for (;;) {
    const handle = await page.$(selector).catch(() => null);
    if (handle && (!options.visible || (await handle.isVisible().catch(() => false)))) return handle;
    await handle?.dispose().catch(() => {});
    if (Date.now() > deadline) throw new Error(`waitForDeep: ${selector} did not appear${options.visible ? ' visible' : ''} within ${timeout} ms`);
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}

/** waitForDeep(page, `${hostSelector} >>> ${innerSelector}`, options). */
export function waitForShadow(
  page: Page,
  hostSelector: string,
  innerSelector: string,
  options: { timeout?: number; visible?: boolean; interval?: number } = {},
): Promise<ElementHandle<Element>> {
  return waitForDeep(page, deep(hostSelector, innerSelector), options);
}

/**
 * Whether a real click at the element's centre would reach it: the topmost element at that point
 * (followed down through open shadow roots) is the element or inside it. A panel drawn under
 * Netflix's modal fails this even though it is "visible".
 */
export function isTopmostAtCenter(element: ElementHandle<Element>): Promise<boolean> {
  return element.evaluate((el) => {
    const rect = el.getBoundingClientRect();
    if (rect.width === 0 || rect.height === 0) return false;
    const x = rect.left + rect.width / 2;
    const y = rect.top + rect.height / 2;
    let hit: Element | null = document.elementFromPoint(x, y);
    while (hit?.shadowRoot) {
      const inner: Element | null = hit.shadowRoot.elementFromPoint(x, y);
      if (!inner || inner === hit) break;
      hit = inner;
    }
    return hit !== null && (hit === el || el.contains(hit));
  });
}
