/**
 * Issue #2's bad input, end to end: strange page markup gives no errors and no panel, and a browser
 * whose IndexedDB fails still gets the curated story, with saving honestly disabled.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { apiFixtureRoutes } from '../harness/api-fixtures';
import { startFakeInternet, type FakeInternet } from '../harness/fake-internet';
import { e2eBrowserKinds, launchBrowser, waitForDeep, type LaunchedBrowser } from '../harness/browsers';
import { netflixUrl, SOMOS } from '../fixtures/site/catalog';
import { attribute, openPopupFor, panelPart, SAVE, tabIdOf, textOf, waitForPanel } from './support';

const STRANGE_PAGES: Record<string, string> = {
  // A detail dialog with nothing in it, on an unknown ID.
  '/browse?jbv=80990999': '<div role="dialog" data-uia="modal-motion-container-DETAIL_MODAL" class="previewModal--container detail-modal"></div>',
  // Garbage IDs, a script-looking label and broken JSON-LD on a title page.
  '/title/80990998': `<script type="application/ld+json">{"@type": "TVSeries", "name": </script>
    <div data-uia="lodp"><span><h1>   </h1></span><a data-uia="titleId-x" aria-label="&lt;img src=x onerror=alert(1)&gt;" href="/title/abc"></a></div>`,
  // A player without a title and with a nonsense tctx.
  '/watch/80990997?tctx=Video%3Aabc%2C%25%25%25': '<div data-uia="watch-video"><div data-uia="player" data-videoid="zzz"><div data-uia="video-title"></div></div></div>',
};

describe.each(e2eBrowserKinds())('bad input in %s', (kind) => {
  let internet: FakeInternet;
  let launched: LaunchedBrowser;
  let page: Page;

  beforeAll(async () => {
    internet = await startFakeInternet({ routes: apiFixtureRoutes() });
    for (const [pathAndQuery, body] of Object.entries(STRANGE_PAGES)) {
      const path = pathAndQuery.split('?')[0]!;
      internet.addRoute({
        host: 'www.netflix.com',
        path,
        handler: () => ({ status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, body: `<!doctype html><html><head><title>Netflix</title></head><body>${body}</body></html>` }),
      });
    }
    launched = await launchBrowser(kind, { fakeInternetPort: internet.port });
    page = await launched.newPage();
  });

  afterAll(async () => {
    await launched?.close();
    await internet?.stop();
  });

  // `pageerror` reports the page's own scripts: an error we threw into a page handler would show
  // there; the content script's own isolated world is covered by the adapter's unit tests.
  it.each(Object.keys(STRANGE_PAGES))('strange markup at %s: no panel, no claim, no error in the page', async (pathAndQuery) => {
    const pageErrors: string[] = [];
    const onError = (error: unknown) => pageErrors.push(String(error));
    page.on('pageerror', onError);
    await page.goto(`https://www.netflix.com${pathAndQuery}`, { waitUntil: 'load' });
    const popup = await openPopupFor(launched, await tabIdOf(launched, 'https://www.netflix.com/*'));
    // Wait for the detector's verdict, not for a fixed time.
    await popup.waitForFunction(() => /No real story on file|No show is open|Waiting for the player/.test(document.querySelector('[data-section="current"]')?.textContent ?? ''), { timeout: 10_000, polling: 100 });
    const current = await textOf(popup, '[data-section="current"]');
    await popup.close();
    page.off('pageerror', onError);
    expect(current).not.toContain('Show the real story');
    expect(await page.$('backstory-panel')).toBeNull();
    expect(pageErrors).toEqual([]);
  });
});

// Chromium has no switch that makes an extension's IndexedDB fail; Firefox does: a 1 KB quota.
describe.runIf(e2eBrowserKinds().includes('firefox'))('IndexedDB failing (Firefox with a 1 KB storage quota)', () => {
  let internet: FakeInternet;
  let launched: LaunchedBrowser;

  beforeAll(async () => {
    internet = await startFakeInternet({ routes: apiFixtureRoutes() });
    launched = await launchBrowser('firefox', { fakeInternetPort: internet.port, firefoxPrefs: { 'dom.quotaManager.temporaryStorage.fixedLimit': 1 } });
  });

  afterAll(async () => {
    await launched?.close();
    await internet?.stop();
  });

  it('still tells the story from the curated pack, says saving is off, and the popup says why', async () => {
    const page = await launched.newPage();
    await page.goto(netflixUrl.modal(SOMOS.id), { waitUntil: 'load' });
    const panel = await waitForPanel(page);
    expect(await attribute(panel, 'data-show-key')).toBe('pack:somos');
    await waitForDeep(page, panelPart('[data-section="source"]'), { visible: true });
    const save = await waitForDeep(page, SAVE, { visible: true });
    expect(await save.evaluate((button) => (button as HTMLButtonElement).disabled)).toBe(true);
    expect(await (await waitForDeep(page, panelPart('.notice[role="status"]'))).evaluate((notice) => notice.textContent)).toMatch(/Saving is off/);

    const popup = await openPopupFor(launched, await tabIdOf(launched, 'https://www.netflix.com/*'));
    await popup.waitForSelector('[data-section="watchlist"] [role="alert"]', { timeout: 10_000 });
    expect(await textOf(popup, '[data-section="watchlist"]')).toMatch(/can't be read right now/);
  });
});
