/**
 * Issue #4 end to end: "Real story" badges on Netflix's browse and search cards, in real Chromium
 * and Firefox ESR with the built extension, against the fake netflix.com and the fake APIs.
 *
 * Which cards have a story: Paper Harbor (found live through the fake Wikidata by its Netflix ID)
 * and Somos. (curated; its card is recognised once a detail view has taught Backstory its ID,
 * because a card's name alone, without a year, could be another work of the same name).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import type { FakeInternet } from '../harness/fake-internet';
import { e2eBrowserKinds, waitForDeep } from '../harness/browsers';
import {
  BROWSE_ROWS,
  HARBOR_RUN_GAME,
  LANTERN_KEEPERS,
  NIGHT_FERRY,
  netflixUrl,
  PAPER_HARBOR,
  rowPages,
  rowsShowing,
  ROW_TITLES,
  searchTitles,
  SECOND_PROFILE,
  SECOND_PROFILE_ROW_TITLES,
  SOMOS,
  SOMOS_1999_FILM,
  type BrowseRow,
} from '../fixtures/site/catalog';
import { findRow, hoverCard, nextRowPage, openSearchFromHeader, scrollUntilRow, switchProfile, typeSearch } from '../harness/netflix-driver';
import { attribute, DETAIL_MODAL, panelPart, waitForPanel, useBrowser } from './support';

const SOMOS_TEASER = 'Events of 2011 · based on “How the U.S. Triggered a Massacre in Mexico” (ProPublica)';

/** Every badge on the page: the Netflix ID of its card and its show key. */
async function badgesOnPage(page: Page): Promise<{ siteId: string; showKey: string; inSlot: boolean }[]> {
  return page.$$eval('backstory-badge', (badges) =>
    badges.map((badge) => ({
      siteId: (badge as HTMLElement).dataset.siteId ?? '',
      showKey: (badge as HTMLElement).dataset.showKey ?? '',
      inSlot: badge.parentElement?.matches('[data-virtual-slot], .slider-item, .title-card-container') ?? false,
    })),
  );
}

/**
 * The badge's host once its button shows (the host itself is a zero-size box at the top of the
 * card's slot that positions the button).
 */
async function waitForBadge(page: Page, host: string, timeout = 10_000) {
  await waitForDeep(page, `${host} >>> button`, { timeout, visible: true });
  const badge = await page.$(host);
  if (!badge) throw new Error(`${host} went away`);
  return badge;
}

async function shiftTab(page: Page): Promise<void> {
  await page.keyboard.down('Shift');
  await page.keyboard.press('Tab');
  await page.keyboard.up('Shift');
}

const badgeOf = (id: string) => `[data-virtual-slot]:has(a[href*="jbv=${id}"]) backstory-badge[data-site-id="${id}"]`;

/** Waits until the fake Wikidata has been asked about each of these Netflix IDs (their cards' lookups ran). */
async function waitForCardLookups(internet: FakeInternet, ids: readonly string[], timeout = 20_000): Promise<void> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const asked = internet.requests.map((request) => decodeURIComponent(request.path));
    if (ids.every((id) => asked.some((path) => path.includes(`P1874=${id}`)))) return;
    if (Date.now() > deadline) throw new Error(`card lookups for ${ids.join(', ')} did not all run`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe.each(e2eBrowserKinds())('badges on cards in %s', (kind) => {
  let internet: FakeInternet;
  let page: Page;
  useBrowser(kind, (session) => ({ internet, page } = session));

  it('badges the card whose story the live sources know, and no title without one, the billboard or a game', async () => {
    await page.goto(netflixUrl.browse(), { waitUntil: 'load' });
    const badge = await waitForBadge(page, badgeOf(PAPER_HARBOR.id), 30_000);
    expect(await attribute(badge, 'data-show-key')).toBe('wd:Q990000001');
    // Every other visible title was asked about (by its ID only) and answered "no story".
    await waitForCardLookups(internet, [LANTERN_KEEPERS.id, SOMOS_1999_FILM.id, NIGHT_FERRY.id]);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await badgesOnPage(page)).toEqual([{ siteId: PAPER_HARBOR.id, showKey: 'wd:Q990000001', inSlot: true }]);
    const asked = internet.requests.map((request) => decodeURIComponent(request.path));
    expect(asked.some((path) => path.includes(`P1874=${HARBOR_RUN_GAME.id}`))).toBe(false);
    // Cards are identified by ID alone: no title search for a card.
    expect(asked.filter((path) => path.includes('srsearch=') && !path.includes('haswbstatement:P1874='))).toEqual([]);
  });

  it('badges Somos. once its detail view has taught Backstory its ID, at once and after a reload', async () => {
    expect(await page.$(badgeOf(SOMOS.id))).toBeNull();
    await (await page.waitForSelector(`a[data-uia="standard-card"][href="/browse?jbv=${SOMOS.id}"]`, { visible: true }))!.click();
    await page.waitForSelector(DETAIL_MODAL, { visible: true });
    await waitForPanel(page);
    await page.click('[data-uia="previewModal-closebtn"]');
    await page.waitForFunction((selector) => !document.querySelector(selector), { polling: 100 }, DETAIL_MODAL);
    const badge = await waitForBadge(page, badgeOf(SOMOS.id));
    expect(await attribute(badge, 'data-show-key')).toBe('pack:somos');

    await page.reload({ waitUntil: 'load' });
    expect(await attribute(await waitForBadge(page, badgeOf(SOMOS.id)), 'data-show-key')).toBe('pack:somos');
    await waitForBadge(page, badgeOf(PAPER_HARBOR.id));
  });

  it('badges a card far along a long row once the viewer pages the row to it', async () => {
    // Forty cards in a row that scrolls sideways (the fake site's own rows show one page at a
    // time): only the row's first cards and its last are observed until the viewer moves along it.
    // Paper Harbor's card is labelled as this page has not shown it yet, so it is not a title the
    // page knows (whose cards are badged as soon as they are added): cards are asked about by ID.
    const ids = Array.from({ length: 40 }, (_, i) => (i === 30 ? PAPER_HARBOR.id : String(81990000 + i)));
    await page.evaluate((cardIds: string[], harbor: string) => {
      const slots = cardIds
        .map((id, i) => `<div data-virtual-slot="${i}" style="flex: 0 0 180px; min-height: 100px"><a href="/browse?jbv=${id}" tabindex="0" aria-label="${id === harbor ? 'Paper Harbour' : `Long row title ${i}`}" data-uia="standard-card"><div><img alt=""></div></a></div>`)
        .join('');
      const html = `<section class="carousel-row" id="long-row"><div><h2><p>A long row</p></h2></div><div data-uia="carousel-scroller" style="display: flex; overflow-x: auto">${slots}</div></section>`;
      document.querySelector('section.carousel-row:not(#place-holder-carousel)')!.insertAdjacentHTML('afterend', html);
      document.getElementById('long-row')!.scrollIntoView({ block: 'center', behavior: 'instant' });
    }, ids, PAPER_HARBOR.id);
    await waitForCardLookups(internet, ids.slice(0, 5));
    expect(await page.$('#long-row backstory-badge')).toBeNull();
    // Page by page, as the row's arrows do, until the card is in view.
    const inView = () =>
      page.$eval('#long-row [data-uia="carousel-scroller"]', (scroller) => {
        const card = scroller.querySelector('[data-virtual-slot="30"]')!.getBoundingClientRect();
        const box = scroller.getBoundingClientRect();
        return card.left >= box.left && card.right <= box.right;
      });
    for (let pages = 0; !(await inView()); pages++) {
      const scrolled = await page.$eval('#long-row [data-uia="carousel-scroller"]', (scroller) => {
        scroller.scrollBy({ left: scroller.clientWidth, behavior: 'instant' });
        return { left: scroller.scrollLeft, width: scroller.scrollWidth, client: scroller.clientWidth };
      });
      if (pages > 8) throw new Error(`the long row does not scroll to its card 30: ${JSON.stringify(scrolled)}`);
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    }
    const badge = await waitForBadge(page, `#long-row ${badgeOf(PAPER_HARBOR.id)}`);
    expect(await attribute(badge, 'data-show-key')).toBe('wd:Q990000001');
    expect(await page.$$eval('#long-row backstory-badge', (badges) => badges.length)).toBe(1);
    await page.evaluate(() => document.getElementById('long-row')!.remove());
  });

  it('badges the cards of titles it knows as the page adds them, below the screen, and asks about no other', async () => {
    // Somos. and Paper Harbor are known on this page by now; the row comes far below the screen.
    const others = ['81990101', '81990102', '81990103'];
    const before = internet.requests.length;
    await page.evaluate(
      (ids: string[], somos: string, harbor: string) => {
        const card = (id: string, title: string, i: number) =>
          `<div data-virtual-slot="${i}"><a href="/browse?jbv=${id}" tabindex="0" aria-label="${title}" data-uia="standard-card"><div><img alt=""></div></a></div>`;
        const slots = [card(somos, 'Somos.', 0), ...ids.map((id, i) => card(id, `Below the screen ${i}`, i + 1)), card(harbor, 'Paper Harbor', 4)].join('');
        const html = `<div id="far-spacer" style="height: 4000px"></div><section class="carousel-row" id="far-row"><div><h2><p>Far below</p></h2></div><div data-uia="carousel-scroller">${slots}</div></section>`;
        document.querySelector('section.carousel-row:not(#place-holder-carousel)')!.insertAdjacentHTML('afterend', html);
      },
      others,
      SOMOS.id,
      PAPER_HARBOR.id,
    );
    await page.waitForFunction(() => document.querySelectorAll('#far-row backstory-badge').length === 2, { polling: 100, timeout: 10_000 });
    expect(await page.$eval('#far-row', (row) => row.getBoundingClientRect().top > window.innerHeight)).toBe(true);
    expect(await page.$$eval('#far-row backstory-badge', (badges) => badges.map((badge) => `${(badge as HTMLElement).dataset.siteId} ${(badge as HTMLElement).dataset.showKey}`))).toEqual([
      `${SOMOS.id} pack:somos`,
      `${PAPER_HARBOR.id} wd:Q990000001`,
    ]);
    // The unknown titles wait for their row to come on screen: nothing was asked about them before.
    const beforeScroll = internet.requests.length;
    await page.$eval('#far-row', (row) => row.scrollIntoView({ block: 'center', behavior: 'instant' }));
    await waitForCardLookups(internet, others);
    const askedBefore = internet.requests.slice(before, beforeScroll).map((request) => decodeURIComponent(request.path));
    expect(askedBefore.filter((path) => others.some((id) => path.includes(id)))).toEqual([]);
    expect(await page.$$eval('#far-row backstory-badge', (badges) => badges.length)).toBe(2);
    await page.evaluate(() => ['far-row', 'far-spacer'].forEach((id) => document.getElementById(id)!.remove()));
  });

  it('shows a one-line teaser on hover and on keyboard focus', async () => {
    const tooltip = `${badgeOf(SOMOS.id)} >>> [role="tooltip"]`;
    expect(await page.$eval(tooltip, (element) => getComputedStyle(element).display)).toBe('none');
    await page.hover(`${badgeOf(SOMOS.id)} >>> button`);
    await page.waitForFunction((host) => {
      const tip = document.querySelector(host)?.shadowRoot?.querySelector('[role="tooltip"]');
      return tip && getComputedStyle(tip).display !== 'none';
    }, { polling: 100 }, badgeOf(SOMOS.id));
    expect(await page.$eval(tooltip, (element) => element.textContent)).toBe(SOMOS_TEASER);
    await page.mouse.move(0, 0);

    // Keyboard: the badge comes just before the card's link (first in its slot); the teaser shows on focus.
    await page.focus(`a[data-uia="standard-card"][href="/browse?jbv=${SOMOS.id}"]`);
    await shiftTab(page);
    await page.waitForFunction((host) => {
      const root = document.querySelector(host)?.shadowRoot;
      const tip = root?.querySelector('[role="tooltip"]');
      return root?.activeElement?.matches('button') && tip && getComputedStyle(tip).display !== 'none';
    }, { timeout: 5_000, polling: 100 }, badgeOf(SOMOS.id));
    expect(await page.$eval(`${badgeOf(SOMOS.id)} >>> button`, (button) => button.getAttribute('aria-label'))).toBe('Real story: Somos.');
  });

  it('opens the panel for the clicked card, without Netflix\'s modal, and closes it', async () => {
    const before = page.url();
    await (await waitForDeep(page, `${badgeOf(SOMOS.id)} >>> button`, { visible: true })).click();
    const panel = await waitForPanel(page);
    expect(await attribute(panel, 'data-show-key')).toBe('pack:somos');
    expect(page.url()).toBe(before);
    expect(await page.$(DETAIL_MODAL)).toBeNull();
    expect(await page.$eval('backstory-panel', (host) => host.getAttribute('data-placement'))).toBe('overlay');

    // Another badge replaces the story; the close button takes the panel away.
    await (await waitForDeep(page, `${badgeOf(PAPER_HARBOR.id)} >>> button`, { visible: true })).click();
    await waitForDeep(page, panelPart('[data-backstory="panel"][data-show-key="wd:Q990000001"]'), { visible: true });
    expect(await page.$(DETAIL_MODAL)).toBeNull();
    await (await waitForDeep(page, panelPart('[data-action="close"]'), { visible: true })).click();
    await page.waitForFunction(() => !document.querySelector('backstory-panel')?.shadowRoot?.querySelector('[data-backstory="panel"]'), { polling: 100 });
  });

  it('opens the panel from the keyboard too', async () => {
    await page.focus(`a[data-uia="standard-card"][href="/browse?jbv=${SOMOS.id}"]`);
    await shiftTab(page);
    await page.keyboard.press('Enter');
    const panel = await waitForPanel(page);
    expect(await attribute(panel, 'data-show-key')).toBe('pack:somos');
    expect(await page.$(DETAIL_MODAL)).toBeNull();
  });
});

/** The titles with a story in this test world, by Netflix ID, with their show keys. */
const STORY_KEYS: Record<string, string> = { [SOMOS.id]: 'pack:somos', [PAPER_HARBOR.id]: 'wd:Q990000001' };

/**
 * What must hold for every badge on the page whatever Netflix did: it sits in a card's slot whose
 * card has the badge's ID (or in the hover preview), at most one per slot, and only on a title
 * with a story, under that story's key. Returns the problems found.
 */
async function badgeProblems(page: Page): Promise<string[]> {
  return page.evaluate((keys: Record<string, string>) => {
    const problems: string[] = [];
    const idOf = (link: Element | null): string | null => {
      const href = link?.getAttribute('href') ?? '';
      return /[?&]jbv=(\d+)/.exec(href)?.[1] ?? /Video(?:%3A|:)(\d+)/.exec(href)?.[1] ?? null;
    };
    const hosts = new Map<Element, number>();
    for (const badge of document.querySelectorAll('backstory-badge')) {
      const { siteId = '', showKey = '' } = (badge as HTMLElement).dataset;
      const host = badge.parentElement!;
      hosts.set(host, (hosts.get(host) ?? 0) + 1);
      if (keys[siteId] !== showKey) problems.push(`badge ${siteId} says ${showKey}`);
      if (host.matches('[data-uia="previewModal--player_container"]')) continue;
      const link = host.querySelector('a[data-uia$="-card"][href*="jbv="], a.slider-refocus[aria-label]');
      if (idOf(link) !== siteId) problems.push(`badge ${siteId} sits on the card of ${idOf(link) ?? 'nothing'}`);
    }
    for (const [host, count] of hosts) if (count > 1) problems.push(`${count} badges on one card (${host.className})`);
    return problems;
  }, STORY_KEYS);
}

/** The row's cards now shown that have a story, and the badges in the row, by Netflix ID. */
async function storyCardsAndBadges(page: Page, rowTitle: string): Promise<{ cards: string[]; badges: string[] }> {
  const row = await findRow(page, rowTitle);
  if (!row) throw new Error(`no row ${rowTitle}`);
  try {
    return await row.evaluate((element, keys: Record<string, string>) => {
      // Legacy rows show the next page's first card as a "peek" at the edge: a card on screen too.
      const ids = [...element.querySelectorAll('a[data-uia$="-card"][href*="jbv="], [data-uia="title-card-container"] a.slider-refocus')].map((link) => {
        const href = link.getAttribute('href') ?? '';
        return /[?&]jbv=(\d+)/.exec(href)?.[1] ?? /Video(?:%3A|:)(\d+)/.exec(href)?.[1] ?? '';
      });
      return {
        cards: ids.filter((id) => id in keys).sort(),
        badges: [...element.querySelectorAll('backstory-badge')].map((badge) => (badge as HTMLElement).dataset.siteId ?? '').sort(),
      };
    }, STORY_KEYS);
  } finally {
    await row.dispose();
  }
}

/** Scrolls the row into view and waits until each card with a story shown in it has its badge. */
async function expectRowBadged(page: Page, rowTitle: string): Promise<string[]> {
  await scrollUntilRow(page, rowTitle);
  const deadline = Date.now() + 15_000;
  for (;;) {
    const { cards, badges } = await storyCardsAndBadges(page, rowTitle);
    if (JSON.stringify(cards) === JSON.stringify(badges)) return badges;
    if (Date.now() > deadline) throw new Error(`row "${rowTitle}": story cards ${cards.join(',')} but badges ${badges.join(',')}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const storyRows = (rows: readonly BrowseRow[]) => rows.filter((row) => rowPages(row)[0]!.some((id) => id in STORY_KEYS));

describe.each(e2eBrowserKinds())('badges as Netflix changes the page in %s', (kind) => {
  let page: Page;
  useBrowser(kind, (session) => ({ page } = session));

  beforeAll(async () => {
    // Somos.'s detail view teaches Backstory its ID; Paper Harbor's is found live by its ID.
    await page.goto(netflixUrl.modal(SOMOS.id), { waitUntil: 'load' });
    await waitForPanel(page);
    await page.goto(netflixUrl.modal(PAPER_HARBOR.id), { waitUntil: 'load' });
    await waitForPanel(page, 30_000);
  });

  it('badges every card kind in every row: standard, progress, ranked, legacy rows and legacy Continue Watching', async () => {
    await page.goto(netflixUrl.browse(), { waitUntil: 'load' });
    const rows = storyRows(BROWSE_ROWS);
    const kinds = new Set(rows.map((row) => `${row.card}${row.listContext ? `:${row.listContext}` : ''}`));
    expect([...kinds].sort()).toEqual(['progress-card', 'ranked-card', 'standard-card', 'title-card:continueWatching', 'title-card:genre', 'title-card:popularTitles']);
    for (const row of rows) expect(await expectRowBadged(page, row.title), row.title).not.toEqual([]);
    expect(rowsShowing(SOMOS.id).length).toBeGreaterThanOrEqual(6);
    expect(await badgeProblems(page)).toEqual([]);
    expect(await page.$('[data-uia="billboard-title"] backstory-badge, .billboard-row backstory-badge')).toBeNull();
    expect(await page.$(`a[data-uia="cloud-game-card"] ~ backstory-badge`)).toBeNull();
  });

  it('follows a row to its next page and back: no badge left behind, none duplicated', async () => {
    const row = ROW_TITLES.legacyDramas;
    await scrollUntilRow(page, row);
    expect(await expectRowBadged(page, row)).toEqual([PAPER_HARBOR.id, SOMOS.id].sort());
    // Page 2 holds no story of its own; its peek card is page 1's first again (Paper Harbor).
    await nextRowPage(page, row);
    expect(await expectRowBadged(page, row)).toEqual([PAPER_HARBOR.id]);
    expect(await storyCardsAndBadges(page, row)).toEqual({ cards: [PAPER_HARBOR.id], badges: [PAPER_HARBOR.id] });
    await nextRowPage(page, row);
    expect(await expectRowBadged(page, row)).toEqual([PAPER_HARBOR.id, SOMOS.id].sort());
    expect(await badgeProblems(page)).toEqual([]);
  });

  it('badges the hover preview of a card with a story', async () => {
    await page.evaluate(() => window.scrollTo(0, 0));
    const dialog = await hoverCard(page, `a[data-uia="standard-card"][href="/browse?jbv=${SOMOS.id}"]`);
    const badge = await waitForBadge(page, '[data-uia="modal-motion-container-MINI_MODAL"] backstory-badge');
    expect(await attribute(badge, 'data-show-key')).toBe('pack:somos');
    expect(await badgeProblems(page)).toEqual([]);
    await dialog.dispose();
    await page.mouse.move(1, 1);
    await page.waitForFunction(() => !document.querySelector('[data-uia="modal-motion-container-MINI_MODAL"]'), { polling: 100 });
  });

  it('badges search results as the query changes', async () => {
    await page.evaluate(() => window.scrollTo(0, 0));
    await openSearchFromHeader(page);
    const results = await typeSearch(page, 'somos', { expect: searchTitles('somos').map(({ title }) => title) });
    expect(results).toEqual(expect.arrayContaining([SOMOS.title, SOMOS_1999_FILM.title]));
    const searchBadges = async () => page.$$eval('[data-uia="search-page"] backstory-badge', (badges) => badges.map((badge) => (badge as HTMLElement).dataset.siteId));
    await page.waitForFunction((id: string) => document.querySelector(`[data-uia="search-page"] backstory-badge[data-site-id="${id}"]`), { timeout: 15_000, polling: 100 }, SOMOS.id);
    expect(await searchBadges()).toEqual([SOMOS.id]);

    await typeSearch(page, 'paper');
    await page.waitForFunction((id: string) => document.querySelector(`[data-uia="search-page"] backstory-badge[data-site-id="${id}"]`), { timeout: 15_000, polling: 100 }, PAPER_HARBOR.id);
    expect(await searchBadges()).toEqual([PAPER_HARBOR.id]);

    await typeSearch(page, 'lantern');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await searchBadges()).toEqual([]);
    expect(await badgeProblems(page)).toEqual([]);
  });

  it('starts over cleanly when the profile switches, without a reload', async () => {
    await page.goto(netflixUrl.browse(), { waitUntil: 'load' });
    await expectRowBadged(page, ROW_TITLES.trending);
    await switchProfile(page, SECOND_PROFILE);
    expect(await badgeProblems(page)).toEqual([]);
    for (const row of storyRows(SECOND_PROFILE.rows)) expect(await expectRowBadged(page, row.title), row.title).not.toEqual([]);
    expect(storyRows(SECOND_PROFILE.rows).map((row) => row.title)).toContain(SECOND_PROFILE_ROW_TITLES.legacySpanish);
    expect(await badgeProblems(page)).toEqual([]);
  });
});
