/**
 * Issue #2, end to end in real Chromium and Firefox ESR with the built extension, against the fake
 * netflix.com: the Somos. panel on every surface, the unknown and same-name titles, and the
 * watchlist through the popup, a reload and a browser restart.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { e2eBrowserKinds, isTopmostAtCenter, reloadExtensionPage, waitForDeep, type LaunchedBrowser } from '../harness/browsers';
import { LANTERN_KEEPERS, netflixUrl, SOMOS, SOMOS_1999_FILM } from '../fixtures/site/catalog';
import {
  attribute,
  DETAIL_MODAL,
  openPopupFor,
  overlaps,
  pageRect,
  panelPart,
  rectOf,
  SAVE,
  tabIdOf,
  textOf,
  waitForNoPanel,
  waitForPanel,
  useBrowser,
} from './support';

const card = (id: string) => `a[data-uia="standard-card"][href="/browse?jbv=${id}"]`;

/** The popup, asked about the page's tab, says there is no story for `title`, and the page has no panel. */
async function expectNoStoryOnFile(launched: LaunchedBrowser, page: Page, title: string): Promise<void> {
  const popup = await openPopupFor(launched, await tabIdOf(launched, 'https://www.netflix.com/*'));
  await popup.waitForFunction(() => document.querySelector('[data-section="current"]')?.textContent?.includes('No real story on file'), { timeout: 10_000, polling: 100 });
  expect(await textOf(popup, '[data-section="current"]')).toContain(`No real story on file for “${title}”.`);
  await popup.close();
  expect(await page.$('backstory-panel')).toBeNull();
}

describe.each(e2eBrowserKinds())('Somos. end to end in %s', (kind) => {
  let launched: LaunchedBrowser;
  let page: Page;
  useBrowser(kind, (session) => ({ launched, page } = session));

  it('shows the real story beside the detail modal opened by a click inside the app', async () => {
    await page.goto(netflixUrl.browse(), { waitUntil: 'load' });
    await (await page.waitForSelector(card(SOMOS.id), { visible: true }))!.click();
    await page.waitForSelector(DETAIL_MODAL, { visible: true });
    const panel = await waitForPanel(page);

    expect(await attribute(panel, 'data-show-key')).toBe('pack:somos');
    const source = await textOf(page, panelPart('[data-section="source"]'));
    expect(source).toContain('How the U.S. Triggered a Massacre in Mexico');
    expect(source).toContain('Ginger Thompson');
    expect(source).toContain('ProPublica');
    expect(source).toContain('June 2017');
    expect(source).toContain('The Making of a Massacre');
    const articleLink = await page.$eval(panelPart('[data-section="source"] h4 a'), (a) => a.getAttribute('href'));
    expect(articleLink).toBe('https://www.propublica.org/article/allende-zetas-cartel-massacre-and-the-us-dea');
    const events = await textOf(page, panelPart('[data-section="events"]'));
    expect(events).toContain('Allende, Coahuila, Mexico');
    expect(events).toContain('March 2011');
    expect(events).toContain('26–300');
    const reviews = await textOf(page, panelPart('[data-section="reviews"]'));
    expect(reviews).toContain('Jack Seale');
    expect(reviews).toContain('The Guardian');

    // Inside Netflix's modal, clickable, and clear of its controls.
    expect(await page.evaluate(() => !!document.querySelector('[role="dialog"] backstory-panel'))).toBe(true);
    const save = await waitForDeep(page, SAVE, { visible: true });
    await save.scrollIntoView();
    expect(await isTopmostAtCenter(save)).toBe(true);
    const panelBox = await rectOf(panel);
    for (const control of ['[data-uia="previewModal-closebtn"]', `${DETAIL_MODAL} [data-uia="play-button"]`, `${DETAIL_MODAL} [data-uia="add-to-my-list"]`]) {
      expect(overlaps(panelBox, await pageRect(page, control)), control).toBe(false);
    }
  });

  it('keeps keys inside the panel: Esc closes the panel, not Netflix\'s modal', async () => {
    const save = await waitForDeep(page, SAVE, { visible: true });
    await save.focus();
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('backstory-panel')?.shadowRoot?.querySelector('[data-backstory="panel"]'), { timeout: 5_000, polling: 100 });
    expect(await page.$(DETAIL_MODAL)).not.toBeNull();
  });

  it('removes the panel when the modal closes and shows nothing for a title without a story', async () => {
    await page.click('[data-uia="previewModal-closebtn"]');
    await page.waitForSelector(DETAIL_MODAL, { hidden: true });
    await waitForNoPanel(page);

    await (await page.waitForSelector(card(LANTERN_KEEPERS.id), { visible: true }))!.click();
    await page.waitForSelector(DETAIL_MODAL, { visible: true });
    await expectNoStoryOnFile(launched, page, 'The Lantern Keepers');
  });

  it('gives a different work with the same name (a 1999 film "Somos") no story', async () => {
    await page.goto(netflixUrl.modal(SOMOS_1999_FILM.id), { waitUntil: 'load' });
    await page.waitForSelector(DETAIL_MODAL, { visible: true });
    await expectNoStoryOnFile(launched, page, 'Somos');
  });

  it('shows the story on the logged-out title page, after its metadata', async () => {
    await page.goto(netflixUrl.titlePage(SOMOS.id), { waitUntil: 'load' });
    const panel = await waitForPanel(page);
    expect(await attribute(panel, 'data-show-key')).toBe('pack:somos');
    expect(await page.evaluate(() => document.querySelector('[data-uia="metadata"]')?.nextElementSibling?.tagName)).toBe('BACKSTORY-PANEL');
    const save = await waitForDeep(page, SAVE, { visible: true });
    await save.scrollIntoView();
    expect(await isTopmostAtCenter(save)).toBe(true);
  });

  it('remembers being collapsed, across pages', async () => {
    await (await waitForDeep(page, panelPart('[data-action="collapse"]'), { visible: true })).click();
    await waitForDeep(page, panelPart('[data-backstory="panel"][data-collapsed]'), { visible: true });
    await page.goto(netflixUrl.modal(SOMOS.id), { waitUntil: 'load' });
    const collapsed = await waitForDeep(page, panelPart('[data-backstory="panel"][data-collapsed]'), { visible: true });
    expect(await attribute(collapsed, 'data-show-key')).toBe('pack:somos');
    await (await waitForDeep(page, panelPart('[data-action="expand"]'), { visible: true })).click();
    await waitForDeep(page, panelPart('[data-section="source"]'), { visible: true });
  });

  it('shows the story on the watch page once the player shows the title, clear of the controls', async () => {
    await page.goto(netflixUrl.watch(SOMOS), { waitUntil: 'load' });
    await page.waitForSelector('[data-uia="video-title"] h4', { visible: true, timeout: 10_000 });
    const panel = await waitForPanel(page);
    expect(await attribute(panel, 'data-show-key')).toBe('pack:somos');
    const box = await rectOf(panel);
    for (const control of ['[data-uia="control-nav-back"]', '.watch-video--bottom-controls-container']) {
      expect(overlaps(box, await pageRect(page, control)), control).toBe(false);
    }
    expect(await isTopmostAtCenter(await waitForDeep(page, SAVE, { visible: true }))).toBe(true);
  });

  it('recognises the player title alone, without the show ID in the URL', async () => {
    await page.goto(`https://www.netflix.com/watch/${SOMOS.firstEpisodeId}`, { waitUntil: 'load' });
    await page.waitForSelector('[data-uia="video-title"] h4', { visible: true, timeout: 10_000 });
    expect(await attribute(await waitForPanel(page), 'data-show-key')).toBe('pack:somos');
  });

  it('saves to the watchlist, shows it in the popup, after a reload, and after a browser restart', async () => {
    await page.goto(netflixUrl.modal(SOMOS.id), { waitUntil: 'load' });
    await waitForPanel(page);
    const save = await waitForDeep(page, SAVE, { visible: true });
    expect(await attribute(save, 'aria-pressed')).toBe('false');
    await save.click();
    await page.waitForFunction(
      (selector: string) => document.querySelector('backstory-panel')?.shadowRoot?.querySelector(selector)?.getAttribute('aria-pressed') === 'true',
      { timeout: 5_000, polling: 100 },
      '[data-action="watchlist"]',
    );

    // The panel's own link opens the watchlist (the popup page) for this tab.
    await (await waitForDeep(page, panelPart('[data-action="open-watchlist"]'), { visible: true })).click();
    const popup = await launched.findExtensionPage('popup.html?tabId=');
    const item = '[data-watchlist-item][data-show-key="pack:somos"]';
    await popup.waitForSelector(item, { timeout: 10_000 });
    expect(await popup.$eval(`${item} a`, (a) => a.getAttribute('href'))).toBe(`https://www.netflix.com/title/${SOMOS.id}`);
    await popup.waitForSelector('[data-section="current"] [data-show-key="pack:somos"]', { timeout: 10_000 });
    expect(await textOf(popup, '[data-section="current"]')).toContain('Somos.');

    await reloadExtensionPage(popup);
    await popup.waitForSelector(item, { timeout: 10_000 });
    await popup.close();

    await launched.restart();
    page = await launched.newPage();
    await page.goto(netflixUrl.modal(SOMOS.id), { waitUntil: 'load' });
    await waitForPanel(page);
    expect(await attribute(await waitForDeep(page, SAVE, { visible: true }), 'aria-pressed')).toBe('true');
    const afterRestart = await openPopupFor(launched, await tabIdOf(launched, 'https://www.netflix.com/*'));
    await afterRestart.waitForSelector(item, { timeout: 10_000 });
    await afterRestart.close();
  });

  it('brings the panel back from the popup, and a removal in the popup reaches the panel', async () => {
    const save = await waitForDeep(page, SAVE, { visible: true });
    await save.focus();
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('backstory-panel')?.shadowRoot?.querySelector('[data-backstory="panel"]'), { timeout: 5_000, polling: 100 });

    const popup = await openPopupFor(launched, await tabIdOf(launched, 'https://www.netflix.com/*'));
    await (await popup.waitForSelector('[data-action="open-panel"]', { visible: true }))!.click();
    await waitForPanel(page);

    await (await popup.waitForSelector('[data-watchlist-item][data-show-key="pack:somos"] [data-action="remove"]'))!.click();
    await popup.waitForSelector('[data-watchlist-item]', { hidden: true, timeout: 10_000 });
    await page.waitForFunction(
      () => document.querySelector('backstory-panel')?.shadowRoot?.querySelector('[data-action="watchlist"]')?.getAttribute('aria-pressed') === 'false',
      { timeout: 5_000, polling: 100 },
    );
    await popup.close();
  });
});
