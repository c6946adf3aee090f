/**
 * Issue #4 end to end: "Real story" badges on Netflix's browse and search cards, in real Chromium
 * and Firefox ESR with the built extension, against the fake netflix.com and the fake APIs.
 *
 * Which cards have a story: Paper Harbor (found live through the fake Wikidata by its Netflix ID)
 * and Somos. (curated; its card is recognised once a detail view has taught Backstory its ID,
 * because a card's name alone, without a year, could be another work of the same name).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { apiFixtureRoutes } from '../harness/api-fixtures';
import { startFakeInternet, type FakeInternet } from '../harness/fake-internet';
import { e2eBrowserKinds, launchBrowser, waitForDeep, type LaunchedBrowser } from '../harness/browsers';
import { HARBOR_RUN_GAME, LANTERN_KEEPERS, NIGHT_FERRY, netflixUrl, PAPER_HARBOR, SOMOS, SOMOS_1999_FILM } from '../fixtures/site/catalog';
import { attribute, DETAIL_MODAL, panelPart, waitForPanel } from './support';

const SOMOS_TEASER = 'Based on “How the U.S. Triggered a Massacre in Mexico” (ProPublica) · events of 2011';

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
  let launched: LaunchedBrowser;
  let page: Page;

  beforeAll(async () => {
    internet = await startFakeInternet({ routes: apiFixtureRoutes() });
    launched = await launchBrowser(kind, { fakeInternetPort: internet.port });
    page = await launched.newPage();
  });

  afterAll(async () => {
    await launched?.close();
    await internet?.stop();
  });

  it('badges the card whose story the live sources know, and no title without one, the billboard or a game', async () => {
    await page.goto(netflixUrl.browse(), { waitUntil: 'load' });
    const badge = await waitForDeep(page, badgeOf(PAPER_HARBOR.id), { timeout: 30_000, visible: true });
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
    await page.waitForFunction((selector) => !document.querySelector(selector), {}, DETAIL_MODAL);
    const badge = await waitForDeep(page, badgeOf(SOMOS.id), { visible: true });
    expect(await attribute(badge, 'data-show-key')).toBe('pack:somos');

    await page.reload({ waitUntil: 'load' });
    expect(await attribute(await waitForDeep(page, badgeOf(SOMOS.id), { visible: true }), 'data-show-key')).toBe('pack:somos');
    await waitForDeep(page, badgeOf(PAPER_HARBOR.id), { visible: true });
  });

  it('shows a one-line teaser on hover and on keyboard focus', async () => {
    const tooltip = `${badgeOf(SOMOS.id)} >>> [role="tooltip"]`;
    expect(await page.$eval(tooltip, (element) => getComputedStyle(element).display)).toBe('none');
    await page.hover(`${badgeOf(SOMOS.id)} >>> button`);
    await page.waitForFunction((host) => {
      const tip = document.querySelector(host)?.shadowRoot?.querySelector('[role="tooltip"]');
      return tip && getComputedStyle(tip).display !== 'none';
    }, {}, badgeOf(SOMOS.id));
    expect(await page.$eval(tooltip, (element) => element.textContent)).toBe(SOMOS_TEASER);
    await page.mouse.move(0, 0);

    // Keyboard: Tab from the card's link reaches the badge (next in the slot), and the teaser shows.
    await page.focus(`a[data-uia="standard-card"][href="/browse?jbv=${SOMOS.id}"]`);
    await page.keyboard.press('Tab');
    await page.waitForFunction((host) => {
      const root = document.querySelector(host)?.shadowRoot;
      const tip = root?.querySelector('[role="tooltip"]');
      return root?.activeElement?.matches('button') && tip && getComputedStyle(tip).display !== 'none';
    }, { timeout: 5_000 }, badgeOf(SOMOS.id));
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
    await page.waitForFunction(() => !document.querySelector('backstory-panel')?.shadowRoot?.querySelector('[data-backstory="panel"]'));
  });

  it('opens the panel from the keyboard too', async () => {
    await page.focus(`a[data-uia="standard-card"][href="/browse?jbv=${SOMOS.id}"]`);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    const panel = await waitForPanel(page);
    expect(await attribute(panel, 'data-show-key')).toBe('pack:somos');
    expect(await page.$(DETAIL_MODAL)).toBeNull();
  });
});
