/**
 * Smoke test of the end-to-end harness itself (not of the extension's panel): the fake internet
 * serves the fake netflix.com, each browser starts with the built extension, the fake site behaves
 * like Netflix's single-page app under a real click, `>>>` reaches into open shadow roots, extension
 * pages open, and a restart keeps the extension's IndexedDB. The second suite proves the fake
 * site's own behaviours (infinite scroll, both card systems, row paging, search typing, profile
 * switch, mini modal) through tests/harness/netflix-driver.ts, independently of the extension.
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
import {
  BROWSE_ROWS,
  CATALOG,
  isLegacyRow,
  LANTERN_KEEPERS,
  legacyTctx,
  MAIN_PROFILE,
  netflixUrl,
  PAPER_HARBOR,
  ROW_TITLES,
  rowPages,
  rowsShowing,
  searchSuggestions,
  searchTitles,
  SECOND_PROFILE,
  SITE_BEHAVIOUR,
  SOMOS,
  SOMOS_1999_FILM,
  SOMOS_NETFLIX_ID,
  tctx,
} from '../fixtures/site/catalog';
import {
  findRow,
  hoverCard,
  loadAllRows,
  NETFLIX_SELECTORS,
  nextRowPage,
  openSearchFromHeader,
  rowTitles,
  scrollUntilRow,
  searchResultLabels,
  switchProfile,
  typeSearch,
  visibleCards,
} from '../harness/netflix-driver';

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
    await page.waitForFunction((id: string) => location.pathname + location.search === `/browse?jbv=${id}`, { timeout: 5_000, polling: 100 }, SOMOS_NETFLIX_ID);
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

/**
 * The fake netflix.com behaves like Netflix's app where the extension has to cope: both card
 * systems on one /browse, rows arriving by infinite scroll, rows paging, search typing, an in-app
 * profile switch and the hover mini modal. Only the site is tested here (no extension behaviour).
 */
describe.each(e2eBrowserKinds())('fake netflix.com behaviours in %s', (kind) => {
  let internet: FakeInternet;
  let launched: LaunchedBrowser;
  let page: Page;
  const pageErrors: string[] = [];

  const cardOf = (uia: string, id: string): string => `a[data-uia="${uia}"][href="/browse?jbv=${id}"]`;
  const markDocument = (): Promise<unknown> => page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));
  const sameDocument = (): Promise<boolean | undefined> => page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument);

  beforeAll(async () => {
    internet = await startFakeInternet();
    launched = await launchBrowser(kind, { fakeInternetPort: internet.port });
    page = await launched.newPage();
    page.on('pageerror', (error) => pageErrors.push(String(error)));
  });

  afterAll(async () => {
    await launched?.close();
    await internet?.stop();
  });

  it('puts 2026 cards of every kind first, then legacy rows arrive by infinite scroll', async () => {
    await page.goto(netflixUrl.browse(), { waitUntil: 'load' });
    const initial = BROWSE_ROWS.slice(0, SITE_BEHAVIOUR.initialRows).map((r) => r.title);
    expect(await rowTitles(page)).toEqual(initial);
    expect(await page.$(NETFLIX_SELECTORS.placeholder)).not.toBeNull();
    expect(await page.$(NETFLIX_SELECTORS.legacyRow)).toBeNull();
    for (const uia of ['standard-card', 'progress-card', 'ranked-card']) expect(await page.$(cardOf(uia, SOMOS.id)), uia).not.toBeNull();

    // One scroll to the bottom brings the next rows (after the "fetch"), not all of them.
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    const nextBatch = BROWSE_ROWS.slice(initial.length, initial.length + SITE_BEHAVIOUR.rowsPerLoad).map((r) => r.title);
    await page.waitForFunction((n: number, selector: string) => document.querySelectorAll(selector).length === n, { timeout: 5_000, polling: 100 }, initial.length + nextBatch.length, `${NETFLIX_SELECTORS.carouselRow}, ${NETFLIX_SELECTORS.legacyRow}`);
    expect(await rowTitles(page)).toEqual([...initial, ...nextBatch]);

    // Legacy Continue Watching: the link plays the episode to resume; tctx names the show.
    const resume = BROWSE_ROWS.find((r) => r.title === ROW_TITLES.legacyContinueWatching)!.resume![SOMOS.id]!;
    const cw = await (await findRow(page, ROW_TITLES.legacyContinueWatching))!.evaluate((row, id) => {
      const link = row.querySelector(`a.slider-refocus[aria-label="Somos."]`)!;
      const item = link.closest('.slider-item')!;
      return {
        listContext: row.getAttribute('data-list-context'),
        href: link.getAttribute('href'),
        inContainer: !!link.closest('[data-uia="title-card-container"] .title-card .ptrack-content'),
        imgAlt: link.querySelector('img.boxart-image')?.getAttribute('alt'),
        fallback: link.querySelector('p.fallback-text')?.textContent,
        progress: !!item.querySelector('.progress .progress-completed'),
        tracking: decodeURIComponent(link.closest('.ptrack-content')!.getAttribute('data-ui-tracking-context') ?? '').includes(`"video_id":${id}`),
      };
    }, SOMOS.id);
    expect(cw).toEqual({
      listContext: 'continueWatching',
      href: `/watch/${resume.episodeId}?tctx=${legacyTctx(6, 0, SOMOS.id)}`,
      inContainer: true,
      imgAlt: '',
      fallback: 'Somos.',
      progress: true,
      tracking: true,
    });
    const dramas = await visibleCards(page, ROW_TITLES.legacyDramas);
    expect(dramas.map((c) => c.title)).toEqual(expect.arrayContaining(['Somos.', 'Paper Harbor']));
    expect(dramas.every((c) => c.kind === 'title-card' && /^\/watch\/\d+\?tctx=.*Video%3A\d+%2C$/.test(c.href))).toBe(true);

    // Scrolling on brings every row; the placeholder goes away.
    expect(await loadAllRows(page)).toEqual(BROWSE_ROWS.map((r) => r.title));
    expect(await page.$(NETFLIX_SELECTORS.placeholder)).toBeNull();
    expect(await page.$$eval(`${NETFLIX_SELECTORS.legacyCardLink}[aria-label="Somos."][aria-hidden="false"]`, (links) => links.length)).toBe(
      rowsShowing(SOMOS.id).filter(isLegacyRow).length,
    );

    // A legacy genre card opens the detail modal in the app; a legacy Continue Watching card plays.
    await markDocument();
    const paper = await (await scrollUntilRow(page, ROW_TITLES.legacyDramas)).$(`a.slider-refocus[aria-label="Paper Harbor"]`);
    await paper!.click();
    await page.waitForSelector(NETFLIX_SELECTORS.detailModal, { visible: true, timeout: 5_000 });
    expect(await page.evaluate(() => location.pathname + location.search)).toBe(`/browse?jbv=${PAPER_HARBOR.id}`);
    expect(await sameDocument()).toBe(true);
    await page.keyboard.press('Escape');
    await page.waitForSelector(NETFLIX_SELECTORS.detailModal, { hidden: true, timeout: 5_000 });
    const somosCw = await (await scrollUntilRow(page, ROW_TITLES.legacyContinueWatching)).$(`a.slider-refocus[aria-label="Somos."]`);
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), somosCw!.click()]);
    expect(new URL(page.url()).pathname).toBe(`/watch/${resume.episodeId}`);
  });

  it('pages a row with "See more titles": the cards are replaced, and it wraps around', async () => {
    await page.goto(netflixUrl.browse(), { waitUntil: 'load' });
    const top10 = BROWSE_ROWS.find((r) => r.title === ROW_TITLES.top10)!;
    const [first, second] = rowPages(top10).map((ids) => ids.map((id) => CATALOG.find((t) => t.id === id)!.title));
    await scrollUntilRow(page, top10.title);
    expect((await visibleCards(page, top10.title)).map((c) => c.title)).toEqual(first);
    const oldCard = await page.$(cardOf('ranked-card', top10.ids[0]!));
    expect((await nextRowPage(page, top10.title)).map((c) => c.title)).toEqual(second);
    expect(await oldCard!.evaluate((a) => a.isConnected)).toBe(false);
    expect(await (await findRow(page, top10.title))!.$(NETFLIX_SELECTORS.previousPage)).not.toBeNull();
    expect((await nextRowPage(page, top10.title)).map((c) => c.title)).toEqual(first);

    // Legacy rows page the same way, with their page indicator.
    const dramas = BROWSE_ROWS.find((r) => r.title === ROW_TITLES.legacyDramas)!;
    const pages = rowPages(dramas).map((ids) => ids.map((id) => CATALOG.find((t) => t.id === id)!.title));
    await scrollUntilRow(page, dramas.title);
    expect((await visibleCards(page, dramas.title)).map((c) => c.title)).toEqual(pages[0]);
    expect((await nextRowPage(page, dramas.title)).map((c) => c.title)).toEqual(pages[1]);
    const indicator = async (): Promise<number> =>
      (await findRow(page, dramas.title))!.evaluate((row) => [...row.querySelectorAll('.pagination-indicator li')].findIndex((li) => li.classList.contains('active')));
    expect(await indicator()).toBe(1);
    expect((await nextRowPage(page, dramas.title, { previous: true })).map((c) => c.title)).toEqual(pages[0]);
    expect(await indicator()).toBe(0);
  });

  it('searches: the header button goes to /search in the app, typing replaces the URL and re-renders the results', async () => {
    await page.goto(netflixUrl.browse(), { waitUntil: 'load' });
    await markDocument();
    const before = await page.evaluate(() => history.length);
    await openSearchFromHeader(page);
    expect(await page.evaluate(() => location.pathname + location.search)).toBe('/search?q=');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-uia'))).toBe('search-box-input');
    expect(await page.$('.billboard')).toBeNull();

    const somos = searchTitles('somos').map((t) => t.title);
    expect(await typeSearch(page, 'somos', { expect: somos })).toEqual(['Somos.', 'Somos']);
    expect(await page.evaluate(() => location.pathname + location.search)).toBe('/search?q=somos');
    expect(await page.evaluate(() => history.length)).toBe(before + 1); // one push (the button), then replaceState
    expect(await page.$$eval(NETFLIX_SELECTORS.searchResult, (cards) => cards.map((a) => [a.getAttribute('data-uia'), a.getAttribute('href')]))).toEqual([
      ['standard-card', `/search?q=somos&jbv=${SOMOS.id}`],
      ['standard-card', `/search?q=somos&jbv=${SOMOS_1999_FILM.id}`],
    ]);
    const chips = await page.$$eval(NETFLIX_SELECTORS.searchSuggestion, (links) => links.map((a) => [a.textContent, a.getAttribute('href')]));
    expect(chips.map(([text]) => text)).toEqual(searchSuggestions('somos'));
    for (const [text, href] of chips) {
      expect(CATALOG.some((t) => t.title === text)).toBe(false);
      expect(href).toMatch(/^\/search\?q=somos&suggestionId=Collection%3A\d+$/);
    }

    // Typing on: the URL follows at once, the results after the pause; games come as game cards.
    expect(await typeSearch(page, 'harbor', { expect: ['Paper Harbor', 'Harbor Run'] })).toEqual(['Paper Harbor', 'Harbor Run']);
    expect(await page.$eval(`${NETFLIX_SELECTORS.searchResult}[aria-label="Harbor Run"]`, (a) => a.getAttribute('data-uia'))).toBe('cloud-game-card');
    expect(await typeSearch(page, 'no such thing', { expect: [] })).toEqual([]);
    expect(await page.evaluate(() => location.search)).toBe('?q=no+such+thing');
    await typeSearch(page, 'paper', { expect: ['Paper Harbor'] });

    // A result opens the detail modal on the search page; closing keeps the query.
    await page.click(`${NETFLIX_SELECTORS.searchResult}[aria-label="Paper Harbor"]`);
    await page.waitForSelector(NETFLIX_SELECTORS.detailModal, { visible: true, timeout: 5_000 });
    expect(await page.evaluate(() => location.pathname + location.search)).toBe(`/search?q=paper&jbv=${PAPER_HARBOR.id}`);
    expect(await page.title()).toBe('Paper Harbor - Netflix');
    await page.keyboard.press('Escape');
    await page.waitForSelector(NETFLIX_SELECTORS.detailModal, { hidden: true, timeout: 5_000 });
    expect(await page.evaluate(() => location.pathname + location.search)).toBe('/search?q=paper');
    expect(await page.title()).toBe('Netflix');
    expect(await sameDocument()).toBe(true);

    // Loaded directly: the results and, with jbv, the modal.
    await page.goto(netflixUrl.search('somos'), { waitUntil: 'load' });
    expect(await page.title()).toBe('Netflix');
    expect(await page.$eval(NETFLIX_SELECTORS.searchInput, (input) => (input as HTMLInputElement).value)).toBe('somos');
    expect(await searchResultLabels(page)).toEqual(somos);
    await page.goto(netflixUrl.searchModal('somos', SOMOS.id), { waitUntil: 'load' });
    await page.waitForSelector(NETFLIX_SELECTORS.detailModal, { visible: true, timeout: 5_000 });
    expect(await page.title()).toBe('Somos. - Netflix');
  });

  it('switches profile in the app: the root is wiped and the other profile\'s rows are drawn, without a reload', async () => {
    await page.goto(netflixUrl.browse(), { waitUntil: 'load' });
    await markDocument();
    const oldRow = await findRow(page, ROW_TITLES.trending);
    await switchProfile(page, SECOND_PROFILE);
    expect(await sameDocument()).toBe(true);
    expect(await oldRow!.evaluate((row) => row.isConnected)).toBe(false);
    expect(await page.evaluate(() => location.pathname + location.search)).toBe('/browse');
    expect(await page.title()).toBe('Home - Netflix');
    expect(await rowTitles(page)).toEqual(SECOND_PROFILE.rows.slice(0, SITE_BEHAVIOUR.initialRows).map((r) => r.title));
    expect(await page.$eval('[data-uia="billboard-title"] img', (img) => img.getAttribute('alt'))).toBe(CATALOG.find((t) => t.id === SECOND_PROFILE.billboardId)!.title);
    expect(await loadAllRows(page)).toEqual(SECOND_PROFILE.rows.map((r) => r.title));

    // And back; a reload starts on the first profile in any case.
    await switchProfile(page, MAIN_PROFILE);
    expect(await rowTitles(page)).toEqual(BROWSE_ROWS.slice(0, SITE_BEHAVIOUR.initialRows).map((r) => r.title));
    await switchProfile(page, SECOND_PROFILE);
    await page.reload({ waitUntil: 'load' });
    expect((await rowTitles(page))[0]).toBe(ROW_TITLES.trending);
  });

  it('opens the mini modal on hover and closes it on leave; a click on a card still opens the detail modal', async () => {
    await page.goto(netflixUrl.browse(), { waitUntil: 'load' });
    const mini = await hoverCard(page, cardOf('standard-card', SOMOS.id));
    const facts = await mini.evaluate((m) => ({
      wrapper: m.parentElement?.matches('div.previewModal--wrapper.mini-modal'),
      boxart: [...m.querySelectorAll('img.previewModal--boxart')].map((img) => img.getAttribute('alt')),
      info: m.querySelector('a[href^="/title/"]')?.getAttribute('href'),
      play: m.querySelector('a[href^="/title/"] a[data-uia="play-button"]')?.getAttribute('href'),
      duration: m.querySelector('[data-uia="videoMetadata--container"] .duration')?.textContent,
      year: m.querySelector('.year'),
    }));
    expect(facts).toEqual({
      wrapper: true,
      boxart: ['Somos.', 'Somos.'],
      info: expect.stringMatching(new RegExp(`^/title/${SOMOS.id}\\?dpRightClick=1`)),
      play: `/watch/${SOMOS.firstEpisodeId}?trackId=255824129&tctx=${tctx(SOMOS.id, 'miniDpPlayButton')}`,
      duration: 'Limited Series',
      year: null,
    });
    await page.mouse.move(10, 10);
    await page.waitForSelector(NETFLIX_SELECTORS.miniModal, { hidden: true, timeout: 5_000 });

    // The mini modal's expand button opens the detail modal of its title.
    const progress = await hoverCard(page, cardOf('progress-card', PAPER_HARBOR.id));
    await (await progress.$('[data-uia="expand-to-detail-button"]'))!.click();
    await page.waitForSelector(NETFLIX_SELECTORS.detailModal, { visible: true, timeout: 5_000 });
    expect(await page.evaluate(() => location.search)).toBe(`?jbv=${PAPER_HARBOR.id}`);
    expect(await page.$(NETFLIX_SELECTORS.miniModal)).toBeNull();
    await page.keyboard.press('Escape');
    await page.waitForSelector(NETFLIX_SELECTORS.detailModal, { hidden: true, timeout: 5_000 });

    // A plain click: no mini modal at any moment, the detail modal as before.
    await page.evaluate(() => {
      const seen = ((window as unknown as { __miniSeen: boolean }).__miniSeen = false);
      void seen;
      new MutationObserver(() => {
        if (document.querySelector('[data-uia="modal-motion-container-MINI_MODAL"]')) (window as unknown as { __miniSeen: boolean }).__miniSeen = true;
      }).observe(document.body, { childList: true, subtree: true });
    });
    await page.click(cardOf('standard-card', LANTERN_KEEPERS.id));
    await page.waitForSelector(NETFLIX_SELECTORS.detailModal, { visible: true, timeout: 5_000 });
    await new Promise((resolve) => setTimeout(resolve, SITE_BEHAVIOUR.miniModalHoverMs + 200));
    expect(await page.evaluate(() => (window as unknown as { __miniSeen: boolean }).__miniSeen)).toBe(false);
    expect(await page.evaluate(() => location.search)).toBe(`?jbv=${LANTERN_KEEPERS.id}`);
  });

  it('threw no error in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
