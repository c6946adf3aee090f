/**
 * Issue #5, the toolbar popup end to end in real Chromium and Firefox ESR with the built extension:
 * the title search (pack, Save), status and note edits that last, sort/filter/search within, two
 * popups editing at once, a removal reaching a Netflix tab's panel, keyboard use and axe.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { apiFixtureRoutes } from '../harness/api-fixtures';
import { axeFindings, describeFindings } from '../harness/axe';
import { e2eBrowserKinds, launchBrowser, waitForDeep, type LaunchedBrowser } from '../harness/browsers';
import { startFakeInternet, type FakeInternet } from '../harness/fake-internet';
import { inventedEntries, seedWatchlist } from '../harness/watchlist-seed';
import { netflixUrl, SOMOS } from '../fixtures/site/catalog';
import { attribute, openPopupFor, SAVE, tabIdOf, waitForPanel } from './support';

const item = (key: string) => `[data-watchlist-item][data-show-key="${key}"]`;
const SOMOS_ITEM = item('pack:somos');

async function openPopup(launched: LaunchedBrowser): Promise<Page> {
  const popup = await launched.openExtensionPage('/popup.html');
  await popup.waitForSelector('[data-section="current"][aria-busy="false"]', { timeout: 10_000 });
  await popup.waitForSelector('[data-section="watchlist"][aria-busy="false"]', { timeout: 10_000 });
  return popup;
}

async function shownKeys(popup: Page): Promise<string[]> {
  return popup.$$eval('[data-watchlist-item]', (rows) => rows.map((row) => row.getAttribute('data-show-key') ?? ''));
}

async function valueOf(popup: Page, selector: string): Promise<string> {
  return popup.$eval(selector, (element) => (element as HTMLInputElement).value);
}

/** Waits until `selector`'s value is `value` (a live query brought a change from elsewhere). */
async function waitForValue(popup: Page, selector: string, value: string): Promise<void> {
  try {
    await popup.waitForFunction((s: string, v: string) => (document.querySelector(s) as HTMLInputElement | null)?.value === v, { timeout: 10_000, polling: 100 }, selector, value);
  } catch (error) {
    const seen = await popup.$eval(selector, (element) => (element as HTMLInputElement).value).catch(() => '(no such element)');
    throw new Error(`${selector} never read ${JSON.stringify(value)}; it reads ${JSON.stringify(seen)} (${(error as Error).message})`);
  }
}

async function typeNote(popup: Page, key: string, text: string): Promise<void> {
  const box = (await popup.waitForSelector(`${item(key)} [data-field="note"]`))!;
  await box.click();
  await popup.keyboard.type(text);
  // Leaving the box saves it.
  await popup.keyboard.press('Tab');
}

/** Puts text in a note box as typing would (React hears an input event), without leaving it. */
async function fillNote(popup: Page, key: string, text: string): Promise<void> {
  await popup.$eval(
    `${item(key)} [data-field="note"]`,
    (box, value) => {
      const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!;
      setter.call(box, value);
      box.dispatchEvent(new Event('input', { bubbles: true }));
    },
    text,
  );
}

/** Leaves the note box (what saves it), in a tab that may not have keyboard focus. */
async function leaveNote(popup: Page, key: string): Promise<void> {
  await popup.$eval(`${item(key)} [data-field="note"]`, (box) => box.dispatchEvent(new FocusEvent('focusout', { bubbles: true })));
}

describe.each(e2eBrowserKinds())('the popup in %s', (kind) => {
  let internet: FakeInternet;
  let launched: LaunchedBrowser;

  beforeAll(async () => {
    internet = await startFakeInternet({ routes: apiFixtureRoutes() });
    launched = await launchBrowser(kind, { fakeInternetPort: internet.port });
  });

  afterAll(async () => {
    await launched?.close();
    await internet?.stop();
  });

  it('speaks the browser language and finds Somos. from the pack, saved with the keyboard alone', async () => {
    const popup = await openPopup(launched);
    expect(await popup.evaluate(() => document.documentElement.lang)).toBe('en');
    await popup.focus('[data-field="title-search"]');
    await popup.keyboard.type('somos');
    const hit = '[data-search-hit][data-show-key="pack:somos"]';
    await popup.waitForSelector(hit, { timeout: 10_000 });
    expect(await popup.$eval(hit, (element) => element.getAttribute('data-from'))).toBe('pack');
    expect(await popup.$eval(hit, (element) => element.textContent)).toContain('Based on How the U.S. Triggered a Massacre in Mexico');

    // The Save button is the next stop after the search box.
    await popup.keyboard.press('Tab');
    expect(await popup.evaluate(() => document.activeElement?.getAttribute('data-action'))).toBe('save-hit');
    await popup.keyboard.press('Enter');
    await popup.waitForSelector(`${hit} [data-action="save-hit"][aria-pressed="true"]`, { timeout: 10_000 });
    await popup.waitForSelector(SOMOS_ITEM, { timeout: 10_000 });
    await popup.waitForFunction(() => document.querySelector('[data-section="search"] [role="status"]')?.textContent?.includes('found for'), { timeout: 30_000, polling: 100 });
    await popup.close();
  });

  it('looks a title outside the pack up live: found with its year, nothing for a bare title too weak to trust', async () => {
    const popup = await openPopup(launched);
    const status = '[data-section="search"] [role="status"]';
    await popup.type('[data-field="title-search"]', 'Paper Harbor');
    await popup.waitForFunction((s: string) => document.querySelector(s)?.textContent === 'No real story found for “Paper Harbor”.', { timeout: 30_000, polling: 100 }, status);
    expect(await popup.$('[data-search-hit]')).toBeNull();

    await popup.type('[data-field="title-search"]', ' 2023');
    const hit = '[data-search-hit][data-show-key="wd:Q990000001"]';
    await popup.waitForSelector(hit, { timeout: 30_000 });
    expect(await popup.$eval(hit, (element) => element.getAttribute('data-from'))).toBe('live');
    expect(await popup.$eval(hit, (element) => element.textContent)).toContain('Based on The Harbor That Moved');
    await popup.waitForSelector('[data-section="search"] ul[aria-busy="false"]', { timeout: 30_000 });
    await popup.close();
  });

  it('keeps status and note edits across reopening the popup', async () => {
    const popup = await openPopup(launched);
    await popup.waitForSelector(SOMOS_ITEM);
    await popup.select(`${SOMOS_ITEM} [data-field="status"]`, 'watched');
    await popup.waitForFunction((s: string) => document.querySelector(s)?.textContent?.startsWith('Watched on '), { timeout: 10_000, polling: 100 }, `${SOMOS_ITEM} [data-field="status-date"]`);
    await typeNote(popup, 'pack:somos', 'Watched with <b>Mum</b>');
    await popup.waitForFunction(() => document.querySelector('[data-section="watchlist"] .visually-hidden[role="status"]')?.textContent === 'Note saved for Somos..', { timeout: 10_000, polling: 100 });
    await popup.close();

    const again = await openPopup(launched);
    await again.waitForSelector(SOMOS_ITEM);
    expect(await valueOf(again, `${SOMOS_ITEM} [data-field="status"]`)).toBe('watched');
    expect(await valueOf(again, `${SOMOS_ITEM} [data-field="note"]`)).toBe('Watched with <b>Mum</b>');
    expect(await again.$(`${SOMOS_ITEM} b`)).toBeNull();
    const today = await again.evaluate(() => new Intl.DateTimeFormat('en', { dateStyle: 'medium' }).format(Date.now()));
    expect(await again.$eval(`${SOMOS_ITEM} [data-field="status-date"]`, (element) => element.textContent)).toBe(`Watched on ${today}`);
    await again.close();
  });

  it('sorts, filters by status and searches within the list', async () => {
    const seeder = await openPopup(launched);
    await seedWatchlist(seeder, inventedEntries(6));
    await seeder.close();
    const popup = await openPopup(launched);
    await popup.waitForSelector(item('wd:Q9000006'));
    // Newest first: the six invented entries were "added" in 2026-01, Somos. today.
    expect((await shownKeys(popup)).slice(0, 3)).toEqual(['pack:somos', 'wd:Q9000006', 'wd:Q9000005']);

    await popup.select('[data-field="watchlist-sort"]', 'oldest');
    expect((await shownKeys(popup))[0]).toBe('wd:Q9000001');
    // inventedEntries: every third is watched (the 3rd and 6th), and Somos. was marked watched.
    await popup.select('[data-field="watchlist-filter"]', 'watched');
    expect(await shownKeys(popup)).toEqual(['wd:Q9000003', 'wd:Q9000006', 'pack:somos']);
    expect(await popup.$eval('[data-field="watchlist-count"]', (element) => element.textContent)).toBe('Showing 3 of 7');
    await popup.select('[data-field="watchlist-sort"]', 'title');
    // "Invented Show 00003" before "Invented Show 00006" before "Somos.".
    expect(await shownKeys(popup)).toEqual(['wd:Q9000003', 'wd:Q9000006', 'pack:somos']);
    await popup.select('[data-field="watchlist-sort"]', 'newest');
    expect(await shownKeys(popup)).toEqual(['pack:somos', 'wd:Q9000006', 'wd:Q9000003']);
    await popup.select('[data-field="watchlist-filter"]', 'all');

    await popup.type('[data-field="watchlist-search"]', 'mum');
    await popup.waitForFunction(() => document.querySelectorAll('[data-watchlist-item]').length === 1, { timeout: 5_000, polling: 100 });
    expect(await shownKeys(popup)).toEqual(['pack:somos']);
    expect(await popup.$eval('[data-field="watchlist-count"]', (element) => element.textContent)).toBe('Showing 1 of 7');
    await popup.close();
  });

  it('two popups editing at once stay in sync and lose nothing', async () => {
    const first = await openPopup(launched);
    const second = await openPopup(launched);
    // Both near the top (newest first), so both are rendered in each popup's first window.
    const key = 'wd:Q9000006';
    const other = 'wd:Q9000005';
    await first.waitForSelector(item(key));
    await second.waitForSelector(item(key));
    // Typed first (keyboard focus belongs to one tab at a time), then all three saved at the same moment.
    await fillNote(second, key, 'Season two first');
    await fillNote(first, other, 'From the first window');
    await Promise.all([first.select(`${item(key)} [data-field="status"]`, 'watching'), leaveNote(second, key), leaveNote(first, other)]);

    for (const popup of [first, second]) {
      await waitForValue(popup, `${item(key)} [data-field="status"]`, 'watching');
      await waitForValue(popup, `${item(key)} [data-field="note"]`, 'Season two first');
      await waitForValue(popup, `${item(other)} [data-field="note"]`, 'From the first window');
    }
    await first.close();
    await second.close();
    const reopened = await openPopup(launched);
    await reopened.waitForSelector(item(key));
    expect(await valueOf(reopened, `${item(key)} [data-field="status"]`)).toBe('watching');
    expect(await valueOf(reopened, `${item(key)} [data-field="note"]`)).toBe('Season two first');
    expect(await valueOf(reopened, `${item(other)} [data-field="note"]`)).toBe('From the first window');
    await reopened.close();
  });

  it('reaches rows beyond the first window with the keyboard', async () => {
    const seeder = await openPopup(launched);
    await seedWatchlist(seeder, inventedEntries(60));
    await seeder.close();
    const popup = await openPopup(launched);
    await popup.waitForSelector('[data-watchlist-item]');
    const firstWindow = await popup.$$eval('[data-watchlist-item]', (rows) => Math.max(...rows.map((row) => Number(row.getAttribute('aria-posinset')))));
    expect(firstWindow).toBeLessThan(30);
    await popup.focus(`[data-watchlist-item][aria-posinset="1"] [data-action="remove"]`);
    // Four stops per row (remove, the streaming link, status, note): well past the first window.
    for (let i = 0; i < (firstWindow + 4) * 4; i++) await popup.keyboard.press('Tab');
    const reached = await popup.evaluate(() => Number(document.activeElement?.closest('[data-watchlist-item]')?.getAttribute('aria-posinset') ?? 0));
    expect(reached).toBeGreaterThan(firstWindow);
    await popup.close();
  });

  it('a removal in the popup reaches the panel in a Netflix tab', async () => {
    const page = await launched.newPage();
    await page.goto(netflixUrl.modal(SOMOS.id), { waitUntil: 'load' });
    await waitForPanel(page);
    await page.waitForFunction(
      () => document.querySelector('backstory-panel')?.shadowRoot?.querySelector('[data-action="watchlist"]')?.getAttribute('aria-pressed') === 'true',
      { timeout: 10_000, polling: 100 },
    );
    const popup = await openPopupFor(launched, await tabIdOf(launched, 'https://www.netflix.com/*'));
    await popup.waitForSelector('[data-section="current"] [data-show-key="pack:somos"]', { timeout: 10_000 });
    await (await popup.waitForSelector(`${SOMOS_ITEM} [data-action="remove"]`))!.click();
    await popup.waitForSelector(SOMOS_ITEM, { hidden: true, timeout: 10_000 });
    await page.waitForFunction(
      () => document.querySelector('backstory-panel')?.shadowRoot?.querySelector('[data-action="watchlist"]')?.getAttribute('aria-pressed') === 'false',
      { timeout: 10_000, polling: 100 },
    );
    expect(await attribute(await waitForDeep(page, SAVE), 'aria-pressed')).toBe('false');
    await popup.close();
    await page.close();
  });

  it('axe finds nothing on the popup with entries and search results showing', async () => {
    const popup = await openPopup(launched);
    await popup.waitForSelector('[data-watchlist-item]');
    await popup.type('[data-field="title-search"]', 'somos');
    await popup.waitForSelector('[data-search-hit]', { timeout: 10_000 });
    await popup.waitForSelector('[data-section="search"] ul[aria-busy="false"]', { timeout: 30_000 });
    const findings = await axeFindings(popup);
    expect(findings, describeFindings(findings)).toEqual([]);
    await popup.close();
  });
});
