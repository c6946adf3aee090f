/**
 * Smoke test of the end-to-end harness itself (not of the extension's panel): the fake internet
 * serves the fake netflix.com, each browser starts with the built extension, the fake site behaves
 * like Netflix's single-page app under a real click, `>>>` reaches into open shadow roots, extension
 * pages open, and a restart keeps the extension's IndexedDB.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { startFakeInternet, type FakeInternet } from '../harness/fake-internet';
import {
  e2eBrowserKinds,
  FIREFOX_ADDON_ID,
  FIREFOX_EXTENSION_UUID,
  isTopmostAtCenter,
  launchBrowser,
  queryShadow,
  waitForDeep,
  type LaunchedBrowser,
} from '../harness/browsers';
import { netflixUrl, SOMOS, SOMOS_NETFLIX_ID } from '../fixtures/site/catalog';

const MODAL = '[role="dialog"][data-uia="modal-motion-container-DETAIL_MODAL"]';

describe.each(e2eBrowserKinds())('e2e harness in %s', (kind) => {
  let internet: FakeInternet;
  let launched: LaunchedBrowser;
  let page: Page;
  const timings: Record<string, number> = {};

  beforeAll(async () => {
    let t = Date.now();
    internet = await startFakeInternet();
    timings.fakeInternetStart = Date.now() - t;
    t = Date.now();
    launched = await launchBrowser(kind, { fakeInternetPort: internet.port });
    timings.browserLaunch = Date.now() - t;
    page = await launched.newPage();
  });

  afterAll(async () => {
    const t = Date.now();
    await launched?.close();
    await internet?.stop();
    timings.shutdown = Date.now() - t;
    console.info(`[harness ${kind}] timings (ms): ${JSON.stringify(timings)}`);
  });

  it('loads the built extension', async () => {
    if (kind === 'chromium') {
      expect(launched.extensionId).toMatch(/^[a-p]{32}$/);
      expect(launched.extensionOrigin).toBe(`chrome-extension://${launched.extensionId}`);
      const worker = await launched.serviceWorkerTarget();
      expect(worker.url().startsWith(`${launched.extensionOrigin}/`)).toBe(true);
    } else {
      expect(launched.extensionId).toBe(FIREFOX_ADDON_ID);
      expect(launched.extensionOrigin).toBe(`moz-extension://${FIREFOX_EXTENSION_UUID}`);
    }
  });

  it('serves /browse, and a real click on a card opens the detail modal via pushState', async () => {
    const t = Date.now();
    await page.goto(netflixUrl.browse(), { waitUntil: 'load' });
    expect(await page.title()).toBe('Home - Netflix');
    await page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));

    const card = await page.waitForSelector(`a[data-uia="standard-card"][href="/browse?jbv=${SOMOS_NETFLIX_ID}"][aria-label="Somos."]`, { visible: true });
    await card!.click();
    await page.waitForFunction((id: string) => location.pathname + location.search === `/browse?jbv=${id}`, { timeout: 5_000 }, SOMOS_NETFLIX_ID);
    const dialog = await page.waitForSelector(MODAL, { visible: true, timeout: 5_000 });
    timings.clickToModal = Date.now() - t;
    expect(dialog).not.toBeNull();
    // Same document: the URL changed by history.pushState, not by a page load.
    expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
    expect(await page.title()).toBe('Somos. - Netflix');

    const facts = await page.$eval(MODAL, (m) => ({
      storyArt: m.querySelector('img.playerModel--player__storyArt')?.getAttribute('alt'),
      logoHasAlt: m.querySelector('img.previewModal--player-titleTreatment-logo')?.hasAttribute('alt'),
      play: m.querySelector('a[data-uia="play-button"]')?.getAttribute('href'),
      year: m.querySelector('[data-uia="videoMetadata--container"] .year')?.textContent,
      duration: m.querySelector('[data-uia="videoMetadata--container"] .duration')?.textContent,
      episodes: m.querySelectorAll('[data-uia="episode-selector"] .episode-item').length,
      about: m.querySelector('.about-header strong')?.textContent,
    }));
    expect(facts).toEqual({
      storyArt: 'Somos.',
      logoHasAlt: false,
      play: expect.stringContaining(`Video%3A${SOMOS_NETFLIX_ID}%2CdetailsPagePlayButton`),
      year: '2021',
      duration: 'Limited Series',
      episodes: SOMOS.episodes?.length,
      about: 'Somos.',
    });
    expect(facts.play?.startsWith(`/watch/${SOMOS.firstEpisodeId}?`)).toBe(true);

    // Esc closes it like Netflix; back reopens it.
    await page.keyboard.press('Escape');
    await page.waitForSelector(MODAL, { hidden: true, timeout: 5_000 });
    expect(await page.evaluate(() => location.pathname + location.search)).toBe('/browse');
    expect(await page.title()).toBe('Home - Netflix');
    await page.evaluate(() => history.back());
    await page.waitForSelector(MODAL, { visible: true, timeout: 5_000 });
    expect(await page.evaluate(() => location.search)).toBe(`?jbv=${SOMOS_NETFLIX_ID}`);
  });

  it('finds and clicks inside open shadow roots with >>>, and tells what the modal covers', async () => {
    // The page's own shadow hosts (the extension's panel is someone else's test): one drawn above
    // the modal, one appended to <body> without a z-index, which the modal's overlay covers.
    await page.evaluate(() => {
      const make = (name: string, style: string): void => {
        const host = document.createElement(name);
        const root = host.attachShadow({ mode: 'open' });
        root.innerHTML = `<div data-probe="root" style="position:fixed;${style};width:160px;padding:8px;background:#fff"><button data-action="probe" aria-pressed="false">probe</button></div>`;
        root.querySelector('button')!.addEventListener('click', (e) => (e.currentTarget as Element).setAttribute('aria-pressed', 'true'));
        document.body.append(host);
      };
      make('harness-probe-top', 'right:8px;top:90px;z-index:2147483647');
      make('harness-probe-under', 'left:8px;top:90px');
    });
    const top = await queryShadow(page, 'harness-probe-top', '[data-action="probe"]');
    const under = await queryShadow(page, 'harness-probe-under', '[data-action="probe"]');
    expect(top).not.toBeNull();
    expect(under).not.toBeNull();
    expect(await isTopmostAtCenter(top!)).toBe(true);
    expect(await isTopmostAtCenter(under!)).toBe(false);
    await top!.click();
    expect(await page.$eval('harness-probe-top >>> [data-action="probe"]', (b) => b.getAttribute('aria-pressed'))).toBe('true');
    await page.evaluate(() => document.querySelectorAll('harness-probe-top, harness-probe-under').forEach((el) => el.remove()));

    // A host attached empty and filled later (as a React panel does): only the shadow tree changes.
    // waitForDeep polls, so it sees it (page.waitForSelector's mutation polling may not).
    await page.evaluate(() => {
      const host = document.createElement('harness-probe-late');
      const root = host.attachShadow({ mode: 'open' });
      document.body.append(host);
      setTimeout(() => (root.innerHTML = '<p data-probe="late">late</p>'), 300);
    });
    const late = await waitForDeep(page, 'harness-probe-late >>> [data-probe="late"]', { timeout: 5_000 });
    expect(await late.evaluate((el) => el.textContent)).toBe('late');
    await page.evaluate(() => document.querySelector('harness-probe-late')?.remove());
  });

  it('serves the logged-out title page and the watch page', async () => {
    await page.goto(netflixUrl.titlePage(SOMOS_NETFLIX_ID), { waitUntil: 'load' });
    expect(await page.title()).toBe('Somos. | Netflix');
    expect(await page.$eval('[data-uia="lodp"] h1', (h) => h.textContent)).toBe('Somos.');
    expect(await page.$('script[type="application/ld+json"]')).toBeNull();

    await page.goto(netflixUrl.watch(SOMOS), { waitUntil: 'load' });
    expect(await page.title()).toBe('Netflix');
    expect(await page.$eval('[data-uia="player"]', (p) => p.getAttribute('data-videoid'))).toBe(SOMOS.firstEpisodeId);
    expect(await page.$('[data-uia="video-title"]')).toBeNull(); // the player's title arrives late
    await page.waitForSelector('.watch-video--bottom-controls-container [data-uia="video-title"]', { visible: true, timeout: 5_000 });
    expect(await page.$$eval('[data-uia="video-title"] > *', (els) => els.map((e) => e.textContent))).toEqual(['Somos.', 'E1', 'Chapter One']);
  });

  it('opens an extension page, and a restart keeps the extension\'s IndexedDB', async () => {
    const probeDb = async (p: Page, write: boolean): Promise<string | null> =>
      p.evaluate(
        (doWrite: boolean) =>
          new Promise<string | null>((resolve, reject) => {
            const open = indexedDB.open('harness-restart-probe', 1);
            open.onupgradeneeded = () => open.result.createObjectStore('kv');
            open.onerror = () => reject(open.error);
            open.onsuccess = () => {
              const db = open.result;
              const tx = db.transaction('kv', doWrite ? 'readwrite' : 'readonly');
              const store = tx.objectStore('kv');
              if (doWrite) store.put('kept', 'marker');
              const get = store.get('marker');
              tx.oncomplete = () => {
                db.close();
                resolve((get.result as string | undefined) ?? null);
              };
              tx.onerror = () => reject(tx.error);
            };
          }),
        write,
      );

    let ext = await launched.openExtensionPage('/popup.html');
    expect(await ext.evaluate(() => location.href)).toBe(`${launched.extensionOrigin}/popup.html`);
    expect(await probeDb(ext, true)).toBe('kept');

    const t = Date.now();
    await launched.restart();
    timings.restart = Date.now() - t;
    ext = await launched.openExtensionPage('/popup.html');
    expect(await probeDb(ext, false)).toBe('kept');
    page = await launched.newPage();
  });

  it('answered every request itself (nothing left the machine)', async () => {
    await page.goto(netflixUrl.browse(), { waitUntil: 'load' });
    const netflix = internet.requestsTo('www.netflix.com');
    expect(netflix.some((r) => r.path === '/browse' && r.status === 200)).toBe(true);
    expect(internet.requestsTo('assets.nflxext.com').every((r) => r.status === 200)).toBe(true);
    // Every request the browsers made was answered by the fake internet; the browsers' own noise
    // (Google update checks, Firefox remote settings) got a 404 from us. Recorded, not asserted.
    expect(internet.requests.every((r) => r.status >= 100)).toBe(true);
    const noise = internet.requests.filter((r) => r.servedBy === 'not-found').map((r) => r.host);
    console.info(`[harness ${kind}] hosts asked: ${internet.hosts().join(', ')}; 404 noise: ${[...new Set(noise)].join(', ') || 'none'}`);
  });
});
