/**
 * Driving the fake netflix.com from a test (puppeteer): the page behaviours of
 * tests/fixtures/site/netflix/assets/browse.js, with waits that end on what the page shows, never
 * on a fixed sleep.
 *
 * - Rows: `rowTitles`, `findRow`, `scrollUntilRow` (infinite scroll: scrolls to the bottom until
 *   the row is in the page), `loadAllRows`, `visibleCards`, `nextRowPage` ("See more titles").
 * - Search: `openSearchFromHeader` (the header's search button on /browse), `typeSearch` (types
 *   into the search box and waits for the URL and the results), `searchResultLabels`.
 * - Profiles: `switchProfile` (account menu → profile link; the app re-renders without a reload).
 * - Mini modal: `hoverCard` (hovers a card until the hover preview opens).
 *
 * The selectors are in NETFLIX_SELECTORS; what each row and search should show is in
 * tests/fixtures/site/catalog.ts (BROWSE_ROWS, rowPages, searchTitles, PROFILES).
 */
import type { ElementHandle, Page } from 'puppeteer-core';
import { searchPath, SITE_BEHAVIOUR, type FakeProfile } from '../fixtures/site/catalog';

export const NETFLIX_SELECTORS = {
  /** A 2026 carousel row (not the loading placeholder). */
  carouselRow: 'section.carousel-row:not(#place-holder-carousel)',
  /** A legacy lolomo row. */
  legacyRow: 'div.lolomoRow[data-list-context]',
  /** The loading placeholder at the end of /browse; gone once every row is in. */
  placeholder: 'section#place-holder-carousel',
  /** Any 2026 card linking to a title (standard, ranked, progress, game; on /browse and /search). */
  carouselCard: 'a[data-uia$="-card"][href*="jbv="]',
  /** A legacy card's link (title in aria-label, show ID in tctx `Video%3AID`). */
  legacyCardLink: '[data-uia="title-card-container"] a.slider-refocus[aria-label]',
  /** A row's next-page button: legacy span.handle.handleNext, carousel button. */
  nextPage: '[aria-label="See more titles"]',
  previousPage: '[aria-label="See previous titles"]',
  searchLauncher: 'button[data-uia="search-box-launcher"]',
  searchInput: 'input[data-uia="search-box-input"]',
  searchPage: '[data-uia="search-page"]',
  /** A search result card (never a suggestion). */
  searchResult: '[data-uia="search-page"] a[data-uia$="-card"][href*="jbv="]',
  /** Suggestion chips ("More to explore"): collections, not titles. */
  searchSuggestion: 'a[data-uia="search-suggestion-item-link"]',
  accountButton: '[data-uia="account-dropdown-button"]',
  profileLink: 'a[data-uia="profile-link"]',
  miniModal: '[role="dialog"][data-uia="modal-motion-container-MINI_MODAL"]',
  detailModal: '[role="dialog"][data-uia="modal-motion-container-DETAIL_MODAL"]',
} as const;

export interface CardOnPage {
  title: string;
  href: string;
  /** `data-uia` of a carousel card, or 'title-card' for a legacy card. */
  kind: string;
}

/** The titles of the rows in the page, top to bottom (carousel and legacy rows alike). */
export async function rowTitles(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('section.carousel-row:not(#place-holder-carousel), div.lolomoRow[data-list-context]')].map((row) =>
      (row.matches('section')
        ? row.querySelector('h2 p, p')?.textContent
        : (row.querySelector(':scope > h2 .row-header-title') ?? row.querySelector(':scope > h2.rowTitle'))?.textContent
      )?.trim() ?? '',
    ),
  );
}

/** The row with this title, if it is in the page. */
export async function findRow(page: Page, title: string): Promise<ElementHandle<Element> | null> {
  const handle = await page.evaluateHandle((wanted: string) => {
    for (const row of document.querySelectorAll('section.carousel-row:not(#place-holder-carousel), div.lolomoRow[data-list-context]')) {
      const text = row.matches('section')
        ? row.querySelector('h2 p, p')?.textContent
        : (row.querySelector(':scope > h2 .row-header-title') ?? row.querySelector(':scope > h2.rowTitle'))?.textContent;
      if (text?.trim() === wanted) return row;
    }
    return null;
  }, title);
  const element = handle.asElement() as ElementHandle<Element> | null;
  if (!element) await handle.dispose();
  return element;
}

async function rowCount(page: Page): Promise<number> {
  return page.$$eval(`${NETFLIX_SELECTORS.carouselRow}, ${NETFLIX_SELECTORS.legacyRow}`, (rows) => rows.length);
}

/**
 * Scrolls to the bottom of /browse until the row is in the page (Netflix appends rows when the
 * loading placeholder comes into view), then scrolls it into view. Throws when every row is in and
 * none has the title.
 */
export async function scrollUntilRow(page: Page, title: string, { timeout = 15_000 } = {}): Promise<ElementHandle<Element>> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const row = await findRow(page, title);
    if (row) {
      await row.evaluate((el) => el.scrollIntoView({ block: 'center' }));
      return row;
    }
    if (!(await page.$(NETFLIX_SELECTORS.placeholder))) throw new Error(`no row "${title}" on the page (rows: ${(await rowTitles(page)).join(' | ')})`);
    if (Date.now() > deadline) throw new Error(`row "${title}" did not load within ${timeout} ms`);
    await scrollForMoreRows(page, deadline);
  }
}

/** Scrolls to the bottom (the loading placeholder) and waits until a row is added or none are left to load. */
async function scrollForMoreRows(page: Page, deadline: number): Promise<void> {
  const before = await rowCount(page);
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await page
    .waitForFunction(
      (count: number, selector: string) => document.querySelectorAll(selector).length > count || !document.querySelector('section#place-holder-carousel'),
      { timeout: Math.max(1_000, deadline - Date.now()), polling: 50 },
      before,
      `${NETFLIX_SELECTORS.carouselRow}, ${NETFLIX_SELECTORS.legacyRow}`,
    )
    .catch(() => undefined);
}

/** Scrolls until every row of /browse is in the page (the placeholder is gone); returns their titles. */
export async function loadAllRows(page: Page, { timeout = 20_000 } = {}): Promise<string[]> {
  const deadline = Date.now() + timeout;
  while (await page.$(NETFLIX_SELECTORS.placeholder)) {
    if (Date.now() > deadline) throw new Error(`rows still loading after ${timeout} ms`);
    await scrollForMoreRows(page, deadline);
  }
  return rowTitles(page);
}

/** The cards a row shows now (legacy rows: without the aria-hidden "peek" card of the next page). */
export async function visibleCards(page: Page, rowTitle: string): Promise<CardOnPage[]> {
  const row = await findRow(page, rowTitle);
  if (!row) throw new Error(`no row "${rowTitle}" on the page`);
  try {
    return await row.evaluate((el) =>
      [...el.querySelectorAll('a[data-uia$="-card"][href*="jbv="], [data-uia="title-card-container"] a.slider-refocus[aria-hidden="false"]')].map((a) => ({
        title: a.getAttribute('aria-label') ?? '',
        href: a.getAttribute('href') ?? '',
        kind: a.matches('.slider-refocus') ? 'title-card' : (a.getAttribute('data-uia') ?? ''),
      })),
    );
  } finally {
    await row.dispose();
  }
}

/**
 * Clicks the row's "See more titles" (or "See previous titles") button for real and waits until
 * the row shows other cards; returns them.
 */
export async function nextRowPage(page: Page, rowTitle: string, { previous = false, timeout = 5_000 } = {}): Promise<CardOnPage[]> {
  const row = await findRow(page, rowTitle);
  if (!row) throw new Error(`no row "${rowTitle}" on the page`);
  const before = JSON.stringify(await visibleCards(page, rowTitle));
  const button = await row.$(previous ? NETFLIX_SELECTORS.previousPage : NETFLIX_SELECTORS.nextPage);
  if (!button) throw new Error(`row "${rowTitle}" has no ${previous ? 'previous' : 'next'} page button`);
  await button.click();
  await row.evaluate(
    (el, old, ms) =>
      new Promise<void>((resolve, reject) => {
        const cards = (): string =>
          JSON.stringify(
            [...el.querySelectorAll('a[data-uia$="-card"][href*="jbv="], [data-uia="title-card-container"] a.slider-refocus[aria-hidden="false"]')].map((a) => ({
              title: a.getAttribute('aria-label') ?? '',
              href: a.getAttribute('href') ?? '',
              kind: a.matches('.slider-refocus') ? 'title-card' : (a.getAttribute('data-uia') ?? ''),
            })),
          );
        const start = Date.now();
        const tick = (): void => {
          if (cards() !== old) resolve();
          else if (Date.now() - start > ms) reject(new Error('the row did not change page'));
          else setTimeout(tick, 50);
        };
        tick();
      }),
    before,
    timeout,
  );
  await button.dispose();
  await row.dispose();
  return visibleCards(page, rowTitle);
}

/** On /browse: clicks the header's search button; the app goes to /search and focuses the box. */
export async function openSearchFromHeader(page: Page): Promise<ElementHandle<Element>> {
  await page.click(NETFLIX_SELECTORS.searchLauncher);
  const input = await page.waitForSelector(NETFLIX_SELECTORS.searchInput, { visible: true, timeout: 5_000 });
  if (!input) throw new Error('no search box');
  return input;
}

/** The titles of the search results shown now, in order. */
export async function searchResultLabels(page: Page): Promise<string[]> {
  return page.$$eval(NETFLIX_SELECTORS.searchResult, (cards) => cards.map((a) => a.getAttribute('aria-label') ?? ''));
}

/**
 * Types into the search box (after clearing it, unless `append`), then waits until the URL is
 * /search?q=<box text> and the results are those of `expect` (titles in order; default: wait for the
 * results to be re-rendered after the debounce, whatever they are; the text must change the box),
 * and until no re-render is pending (`debounceMs`: the site's searchDebounceMs if a test changed it).
 */
export async function typeSearch(
  page: Page,
  text: string,
  {
    append = false,
    expect,
    timeout = 5_000,
    debounceMs = SITE_BEHAVIOUR.searchDebounceMs,
  }: { append?: boolean; expect?: readonly string[]; timeout?: number; debounceMs?: number } = {},
): Promise<string[]> {
  const input = await page.waitForSelector(NETFLIX_SELECTORS.searchInput, { visible: true, timeout });
  if (!input) throw new Error('no search box');
  // A marker in the current results: the re-render after the debounce replaces it.
  await page.evaluate(() => {
    const marker = document.createElement('i');
    marker.setAttribute('data-test-stale', '');
    marker.hidden = true;
    document.querySelector('[data-uia="search-page"]')?.append(marker);
  });
  await input.click();
  if (!append) {
    await input.evaluate((el) => (el as HTMLInputElement).select());
    await page.keyboard.press('Backspace');
  }
  await page.keyboard.type(text);
  const query = await input.evaluate((el) => (el as HTMLInputElement).value);
  await page.waitForFunction((path: string) => location.pathname + location.search === path, { timeout, polling: 100 }, searchPath(query));
  if (expect) {
    await page.waitForFunction(
      (wanted: string, selector: string) => JSON.stringify([...document.querySelectorAll(selector)].map((a) => a.getAttribute('aria-label'))) === wanted,
      { timeout, polling: 50 },
      JSON.stringify(expect),
      NETFLIX_SELECTORS.searchResult,
    );
  } else {
    await page.waitForFunction(() => !document.querySelector('[data-uia="search-page"] [data-test-stale]'), { timeout, polling: 50 });
  }
  // Slow typing may have let an earlier keystroke's results render first: wait until the results
  // stay unchanged for longer than the debounce, so that the last render is behind us.
  await page.evaluate(
    (quietMs: number) =>
      new Promise<void>((resolve) => {
        const results = document.querySelector('[data-uia="search-page"]');
        let last = Date.now();
        const observer = new MutationObserver(() => (last = Date.now()));
        if (results) observer.observe(results, { childList: true, subtree: true });
        const tick = (): void => {
          if (Date.now() - last >= quietMs) {
            observer.disconnect();
            resolve();
          } else setTimeout(tick, 25);
        };
        tick();
      }),
    debounceMs + 100,
  );
  await input.dispose();
  return searchResultLabels(page);
}

/**
 * Switches profile in the app: account menu → the profile's link. Waits until the header names the
 * profile and its first row is drawn.
 */
export async function switchProfile(page: Page, profile: FakeProfile, { timeout = 5_000 } = {}): Promise<void> {
  await page.click(`${NETFLIX_SELECTORS.accountButton} a`);
  const link = await page.waitForSelector(`${NETFLIX_SELECTORS.profileLink}[href="/SwitchProfile?tkn=${profile.token}"]`, { visible: true, timeout });
  if (!link) throw new Error(`no profile link for ${profile.name}`);
  await link.click();
  await link.dispose();
  await page.waitForSelector(`${NETFLIX_SELECTORS.accountButton} a[aria-label="${profile.name.replace(/"/g, '\\"')} - Account & Settings"]`, { timeout });
  const first = profile.rows[0];
  if (first) {
    const deadline = Date.now() + timeout;
    while (!(await findRow(page, first.title))) {
      if (Date.now() > deadline) throw new Error(`profile ${profile.name}: row "${first.title}" never appeared`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

/** Hovers a card (real mouse movement) and waits for the mini modal; returns its dialog. */
export async function hoverCard(page: Page, cardSelector: string, { timeout = 5_000 } = {}): Promise<ElementHandle<Element>> {
  const card = await page.waitForSelector(cardSelector, { visible: true, timeout });
  if (!card) throw new Error(`no card ${cardSelector}`);
  await card.scrollIntoView();
  const box = await card.boundingBox();
  await card.dispose();
  if (!box) throw new Error(`card ${cardSelector} has no box`);
  // Two moves inside the card: a hover starts only on a pointer movement, and the pointer may
  // already rest on the card's centre.
  await page.mouse.move(box.x + box.width / 2 - 3, box.y + box.height / 2 - 3);
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  const dialog = await page.waitForSelector(NETFLIX_SELECTORS.miniModal, { visible: true, timeout });
  if (!dialog) throw new Error('the mini modal did not open');
  return dialog;
}
