/**
 * What the product's end-to-end tests share: the contract names from DESIGN.md and small page
 * helpers built on the harness.
 */
import type { ElementHandle, Page } from 'puppeteer-core';
import { afterAll, beforeAll } from 'vitest';
import { apiFixtureRoutes } from '../harness/api-fixtures';
import { launchBrowser, waitForDeep, type BrowserKind, type LaunchedBrowser } from '../harness/browsers';
import { startFakeInternet, type FakeInternet } from '../harness/fake-internet';

/** The panel with a story (a loading or failure notice has the same root but no show key). */
export const PANEL = 'backstory-panel >>> [data-backstory="panel"][data-show-key]';
export const SAVE = 'backstory-panel >>> [data-action="watchlist"]';
export const DETAIL_MODAL = '[role="dialog"][data-uia="modal-motion-container-DETAIL_MODAL"]';

export function panelPart(selector: string): string {
  return `backstory-panel >>> ${selector}`;
}

export async function waitForPanel(page: Page, timeout = 15_000): Promise<ElementHandle<Element>> {
  return waitForDeep(page, PANEL, { timeout, visible: true });
}

/** Waits until the page has no panel host at all (or only a detached, empty one). */
export async function waitForNoPanel(page: Page, timeout = 10_000): Promise<void> {
  await page.waitForFunction(() => !document.querySelector('backstory-panel'), { timeout, polling: 100 });
}

export async function attribute(handle: ElementHandle<Element>, name: string): Promise<string | null> {
  return handle.evaluate((element, attr) => element.getAttribute(attr), name);
}

export type Rect = { left: number; top: number; right: number; bottom: number };

export async function rectOf(handle: ElementHandle<Element>): Promise<Rect> {
  return handle.evaluate((element) => {
    const { left, top, right, bottom } = element.getBoundingClientRect();
    return { left, top, right, bottom };
  });
}

export async function pageRect(page: Page, selector: string): Promise<Rect> {
  return page.$eval(selector, (element) => {
    const { left, top, right, bottom } = element.getBoundingClientRect();
    return { left, top, right, bottom };
  });
}

export function overlaps(a: Rect, b: Rect): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

/**
 * The browser's tab ID of the first tab showing `urlPattern`, asked from an extension page (only
 * extension pages can see tab IDs). The helper page is closed again.
 */
export async function tabIdOf(launched: LaunchedBrowser, urlPattern: string): Promise<number> {
  const helper = await launched.openExtensionPage('/popup.html');
  try {
    const id = await helper.evaluate(async (pattern: string) => {
      type TabsApi = { tabs: { query(info: { url: string }): Promise<{ id?: number }[]> } };
      const api = (globalThis as unknown as { chrome: TabsApi }).chrome;
      const [tab] = await api.tabs.query({ url: pattern });
      return tab?.id;
    }, urlPattern);
    if (id === undefined) throw new Error(`no tab shows ${urlPattern}`);
    return id;
  } finally {
    await helper.close();
  }
}

/** The popup, opened as a page about the given tab (as the panel's "Your watchlist" does). */
export async function openPopupFor(launched: LaunchedBrowser, tabId: number): Promise<Page> {
  const popup = await launched.openExtensionPage(`/popup.html?tabId=${tabId}`);
  await popup.waitForSelector('[data-section="current"][aria-busy="false"]', { timeout: 10_000 });
  return popup;
}

export async function textOf(page: Page, selector: string): Promise<string> {
  return page.$eval(selector, (element) => element.textContent ?? '');
}

export interface BrowserSession {
  internet: FakeInternet;
  launched: LaunchedBrowser;
  page: Page;
}

/**
 * For one describe block: the fake internet (with the recorded API answers), the browser with the
 * built extension and one page, handed to `ready` before the block's own hooks run; both closed
 * after the block.
 */
export function useBrowser(
  kind: BrowserKind,
  ready: (session: BrowserSession) => void,
  launch: (kind: BrowserKind, fakeInternetPort: number) => Promise<LaunchedBrowser> = (kind, fakeInternetPort) => launchBrowser(kind, { fakeInternetPort }),
): void {
  const session: Partial<BrowserSession> = {};
  beforeAll(async () => {
    session.internet = await startFakeInternet({ routes: apiFixtureRoutes() });
    session.launched = await launch(kind, session.internet.port);
    session.page = await session.launched.newPage();
    ready(session as BrowserSession);
  });
  afterAll(async () => {
    await session.launched?.close();
    await session.internet?.stop();
  });
}

/**
 * A browser whose own interface is in Spanish: Chromium with --lang=es and LANGUAGE=es (its
 * interface language on Linux comes from the environment too; Debian's chromium-l10n has the
 * texts), Firefox with intl.locale.requested=es-ES (Debian's firefox-esr-l10n-es-es).
 */
export async function launchInSpanish(kind: BrowserKind, port: number): Promise<LaunchedBrowser> {
  if (kind === 'firefox') return launchBrowser(kind, { fakeInternetPort: port, firefoxPrefs: { 'intl.locale.requested': 'es-ES' } });
  // Chromium on Linux takes its interface language from the environment as well as --lang.
  const before = process.env.LANGUAGE;
  process.env.LANGUAGE = 'es';
  try {
    return await launchBrowser(kind, { fakeInternetPort: port, args: ['--lang=es'] });
  } finally {
    if (before === undefined) delete process.env.LANGUAGE;
    else process.env.LANGUAGE = before;
  }
}
