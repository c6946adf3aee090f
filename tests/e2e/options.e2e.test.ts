/**
 * Issue #5's options page, end to end in real Chromium and Firefox ESR with the built extension:
 * settings that persist, the cache cleared without touching the watchlist, export as JSON and CSV,
 * import through the file input with its preview, a bad file refused, and axe on the page.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ElementHandle, Page } from 'puppeteer-core';
import { axeFindings, describeFindings } from '../harness/axe';
import { apiFixtureRoutes } from '../harness/api-fixtures';
import { startFakeInternet, type FakeInternet } from '../harness/fake-internet';
import { e2eBrowserKinds, launchBrowser, reloadExtensionPage, type LaunchedBrowser } from '../harness/browsers';
import { launchInSpanish, textOf, useBrowser } from './support';

const DAY = 86_400_000;
const START = Date.UTC(2026, 4, 1, 9);

/** A watchlist entry as our export writes it. */
function entry(n: number, extra: Record<string, unknown> = {}) {
  return {
    key: `wd:Q${9_100_000 + n}`,
    title: `Imported show ${n}`,
    year: 2019,
    kind: 'series',
    addedAt: START + n * DAY,
    where: { site: 'netflix', siteId: String(81_000_000 + n), title: `Imported show ${n}` },
    status: 'to-watch',
    statusAt: START + n * DAY,
    updatedAt: START + n * DAY,
    ...extra,
  };
}

const fileOf = (entries: unknown[], version = 1) => JSON.stringify({ format: 'backstory-watchlist', version, exportedAt: '2026-06-01T10:00:00.000Z', entries });

const IMPORTED = [entry(1, { note: '<img src=x onerror="window.__owned=1">', status: 'watched' }), entry(2), entry(3, { basedOn: 'A book · An outlet, 2001' })];

/** Rows in one of the extension's IndexedDB stores, read directly (extension pages share its origin). */
async function storeCount(page: Page, store: string): Promise<number> {
  return page.evaluate(async (name: string) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('backstory');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    try {
      return await new Promise<number>((resolve, reject) => {
        const request = db.transaction(name).objectStore(name).count();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    } finally {
      db.close();
    }
  }, store);
}

/** Puts cache rows in place the way the background's lookups would have left them. */
async function seedCache(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('backstory');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction(['shows', 'lookups', 'siteIds'], 'readwrite');
      tx.objectStore('shows').put({ key: 'wd:Q1', context: { key: 'wd:Q1', title: 'Cached' }, storedAt: 1, staleAt: 2 });
      tx.objectStore('lookups').put({ id: 'netflix:81000001', outcome: 'none', storedAt: 1, staleAt: 2 });
      tx.objectStore('lookups').put({ id: 'netflix:81000002', outcome: 'found', key: 'wd:Q1', storedAt: 1, staleAt: 2 });
      tx.objectStore('siteIds').put({ site: 'netflix', siteId: '81000002', key: 'wd:Q1', learnedAt: 1 });
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  });
}

async function storedSetting(page: Page, key: string): Promise<unknown> {
  return page.evaluate(async (name: string) => {
    type StorageApi = { storage: { local: { get(key: string): Promise<Record<string, unknown>> } } };
    const api = ((globalThis as unknown as { browser?: StorageApi }).browser ?? (globalThis as unknown as { chrome: StorageApi }).chrome) as StorageApi;
    return (await api.storage.local.get(name))[name];
  }, key);
}

async function waitForSettingsRead(page: Page): Promise<void> {
  await page.waitForSelector('[data-site-switch="netflix"]:not([disabled])');
  await page.waitForSelector('[data-setting="live-lookups"]:not([disabled])');
  await page.waitForSelector('[data-spoiler-level="off"]:not([disabled])');
  await page.waitForSelector('[data-cache-figures]');
}

describe.each(e2eBrowserKinds())('the options page in %s', (kind) => {
  let internet: FakeInternet;
  let launched: LaunchedBrowser;
  let page: Page;
  let files: string;

  /** Chooses a file through the page's file input, as a person would with the file picker. */
  async function chooseFile(name: string, text: string): Promise<void> {
    const file = path.join(files, name);
    await writeFile(file, text);
    const input = (await page.waitForSelector('input[data-import-file]:not([disabled])')) as ElementHandle<HTMLInputElement>;
    await input.uploadFile(file);
  }

  beforeAll(async () => {
    files = await mkdtemp(path.join(os.tmpdir(), 'backstory-options-e2e-'));
    internet = await startFakeInternet({ routes: apiFixtureRoutes() });
    // Downloads land in the test's own folder, never the machine's Downloads.
    launched = await launchBrowser(kind, {
      fakeInternetPort: internet.port,
      firefoxPrefs: { 'browser.download.folderList': 2, 'browser.download.dir': files, 'browser.download.useDownloadDir': true, 'browser.download.always_ask_before_handling_new_types': false },
    });
    page = await launched.openExtensionPage('/options.html');
    if (kind === 'chromium') {
      const cdp = await page.createCDPSession();
      await cdp.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: files });
    }
    await waitForSettingsRead(page);
  });

  afterAll(async () => {
    await launched?.close();
    await internet?.stop();
    if (files) await rm(files, { recursive: true, force: true });
  });

  it('opens in the browser’s language with its title and headings, and axe finds nothing', async () => {
    expect(await page.evaluate(() => [document.documentElement.lang, document.title])).toEqual(['en', 'Backstory settings']);
    const headings = await page.$$eval('h2', (elements) => elements.map((element) => element.textContent));
    expect(headings).toEqual(['Sites Backstory runs on', 'Live lookups', 'Spoiler shield', 'Cache', 'Export your watchlist', 'Import a watchlist']);
    const findings = await axeFindings(page);
    expect(findings, describeFindings(findings)).toEqual([]);
  });

  it('is operated by keyboard alone, and keeps every setting across a reload', async () => {
    const site = '[data-site-switch="netflix"]';
    expect(await page.$eval(site, (input) => (input as HTMLInputElement).checked)).toBe(true);
    // Tab from the top of the page to the first control, the site switch, and toggle it with Space.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-site-switch'))).toBe('netflix');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline).not.toBe('none');
    await page.keyboard.press(' ');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-setting'))).toBe('live-lookups');
    await page.keyboard.press(' ');
    // The radio group: Tab lands on the chosen level, arrows move the choice.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-spoiler-level'))).toBe('off');
    await page.keyboard.press('ArrowDown');
    await page.waitForFunction(() => (document.querySelector('[data-spoiler-level="outcomes"]') as HTMLInputElement).checked, { polling: 100 });

    await page.waitForFunction(() => !(document.querySelector('[data-setting="live-lookups"]') as HTMLInputElement).checked, { polling: 100 });
    expect(await storedSetting(page, 'settings.sites')).toEqual({ netflix: false });
    expect(await storedSetting(page, 'settings.liveLookups')).toBe(false);
    expect(await storedSetting(page, 'settings.spoilerShield')).toBe('outcomes');

    await reloadExtensionPage(page);
    await waitForSettingsRead(page);
    expect(await page.$eval(site, (input) => (input as HTMLInputElement).checked)).toBe(false);
    expect(await page.$eval('[data-setting="live-lookups"]', (input) => (input as HTMLInputElement).checked)).toBe(false);
    expect(await page.$eval('[data-spoiler-level="outcomes"]', (input) => (input as HTMLInputElement).checked)).toBe(true);

    // Back to the defaults, by clicking this time, for the tests after this one.
    await page.click(site);
    await page.click('[data-setting="live-lookups"]');
    await page.click('[data-spoiler-level="off"]');
    await page.waitForFunction(() => (document.querySelector('[data-spoiler-level="off"]') as HTMLInputElement).checked, { polling: 100 });
    expect(await storedSetting(page, 'settings.sites')).toEqual({ netflix: true });
  });

  it('imports a file chosen in the file input: a preview first, then the entries in the popup', async () => {
    await chooseFile('watchlist.json', fileOf([...IMPORTED, entry(2, { updatedAt: START })]));
    await page.waitForSelector('[data-import-preview]');
    expect(await textOf(page, '[data-preview-count="added"]')).toBe('3');
    expect(await textOf(page, '[data-preview-count="updated"]')).toBe('0');
    expect(await textOf(page, '[data-preview-duplicates]')).toContain('Imported show 2 (2 times)');
    // Focus goes to the preview, and nothing is written before the confirmation.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('preview-heading');
    expect(await storeCount(page, 'watchlist')).toBe(0);
    const findings = await axeFindings(page);
    expect(findings, describeFindings(findings)).toEqual([]);

    await page.click('[data-action="confirm-import"]');
    await page.waitForFunction(() => document.querySelector('[data-import-result]')?.textContent?.includes('Imported'), { polling: 100 });
    expect(await textOf(page, '[data-import-result]')).toBe('Imported: 3 new, 0 updated, 0 unchanged.');
    expect(await storeCount(page, 'watchlist')).toBe(3);

    const popup = await launched.openExtensionPage('/popup.html');
    for (const { key } of IMPORTED) await popup.waitForSelector(`[data-watchlist-item][data-show-key="${key}"]`);
    expect(await popup.evaluate(() => (window as unknown as { __owned?: number }).__owned)).toBeUndefined();
    await popup.close();

    // The same file again changes nothing, and the preview says so.
    await chooseFile('watchlist.json', fileOf(IMPORTED));
    await page.waitForSelector('[data-import-preview]');
    expect(await textOf(page, '[data-preview-count="unchanged"]')).toBe('3');
    expect(await page.$('[data-action="confirm-import"]')).toBeNull();
    await page.click('[data-action="cancel-import"]');
    await page.waitForFunction(() => !document.querySelector('[data-import-preview]'), { polling: 100 });
  });

  it('refuses a bad file with every problem listed, and writes nothing', async () => {
    const before = await storeCount(page, 'watchlist');
    const bad = [entry(10), { ...entry(11), status: 'binged' }, { ...entry(12), key: 'javascript:alert(1)', note: '<script>window.__owned=1</script>' }, { ...entry(13), addedAt: 'yesterday' }];
    await chooseFile('broken.json', fileOf(bad));
    await page.waitForSelector('[data-import-errors]');
    const problems = await page.$$eval('[data-import-errors] li', (items) => items.map((item) => item.textContent));
    expect(problems).toEqual([
      'Entry 2 (“Imported show 11”), field “status”: should be one of: to-watch, watching, watched.',
      'Entry 3 (“Imported show 12”), field “key”: is not a Backstory show key (like wd:Q123 or pack:somos).',
      'Entry 4 (“Imported show 13”), field “addedAt”: is not a plausible date.',
    ]);
    expect(await page.$eval('[data-import-errors]', (element) => element.getAttribute('role'))).toBe('alert');
    expect(await page.$('[data-import-preview]')).toBeNull();
    expect(await storeCount(page, 'watchlist')).toBe(before);

    await chooseFile('future.json', fileOf([entry(20)], 2));
    await page.waitForFunction(() => document.querySelector('[data-import-errors]')?.textContent?.includes('newer version'), { polling: 100 });
    expect(await textOf(page, '[data-import-errors] li')).toBe('This file was made by a newer version of Backstory. Update Backstory, then import it again.');
    await chooseFile('not-json.json', '{"format": "backstory-watchlist", "entries": [');
    await page.waitForFunction(() => document.querySelector('[data-import-errors]')?.textContent?.includes('not valid JSON'), { polling: 100 });
    expect(await storeCount(page, 'watchlist')).toBe(before);
    expect(await page.evaluate(() => (window as unknown as { __owned?: number }).__owned)).toBeUndefined();
    const findings = await axeFindings(page);
    expect(findings, describeFindings(findings)).toEqual([]);
  });

  it('exports the watchlist as JSON that imports again and as CSV', async () => {
    await page.evaluate(() => {
      const made: Blob[] = [];
      (window as unknown as { __exports: Blob[] }).__exports = made;
      const create = URL.createObjectURL.bind(URL);
      URL.createObjectURL = (blob: Blob | MediaSource) => {
        if (blob instanceof Blob) made.push(blob);
        return create(blob);
      };
    });
    await page.click('[data-action="export-json"]');
    await page.waitForFunction(() => (window as unknown as { __exports: Blob[] }).__exports.length === 1, { polling: 100 });
    await page.click('[data-action="export-csv"]');
    await page.waitForFunction(() => (window as unknown as { __exports: Blob[] }).__exports.length === 2, { polling: 100 });
    const [json, csv] = await page.evaluate(() => Promise.all((window as unknown as { __exports: Blob[] }).__exports.map((blob) => blob.text())));
    expect(await textOf(page, '[data-export-result]')).toMatch(/^Exported 3 shows to backstory-watchlist-\d{4}-\d{2}-\d{2}\.csv\.$/);

    const file = JSON.parse(json!) as { format: string; version: number; entries: unknown[] };
    expect(file.format).toBe('backstory-watchlist');
    expect(file.version).toBe(1);
    expect(file.entries).toEqual(IMPORTED);

    const lines = csv!.split('\r\n');
    expect(lines[0]).toBe('key,title,year,kind,status,status_at,added_at,updated_at,site,site_id,based_on,inspired_by,note');
    expect(lines[1]).toBe(
      `wd:Q9100001,Imported show 1,2019,series,watched,2026-05-02T09:00:00.000Z,2026-05-02T09:00:00.000Z,2026-05-02T09:00:00.000Z,netflix,81000001,,,"<img src=x onerror=""window.__owned=1"">"`,
    );
    expect(lines).toHaveLength(5);

    // Our own export, chosen again, is read as it was written: nothing new.
    await chooseFile('exported.json', json!);
    await page.waitForSelector('[data-import-preview]');
    expect(await textOf(page, '[data-preview-count="unchanged"]')).toBe('3');
    await page.click('[data-action="cancel-import"]');
  });

  it('clears the cache, updates its figures, and keeps the watchlist', async () => {
    await seedCache(page);
    await reloadExtensionPage(page);
    await waitForSettingsRead(page);
    await page.waitForFunction(() => document.querySelector('[data-count="lookups"]')?.textContent === '2', { polling: 100 });
    expect(await textOf(page, '[data-count="shows"]')).toBe('1');
    expect(await textOf(page, '[data-count="site-ids"]')).toBe('1');
    expect(await textOf(page, '[data-count="watchlist"]')).toBe('3');

    await page.click('[data-action="clear-cache"]');
    await page.waitForFunction(() => document.querySelector('[data-cache-result]')?.textContent?.includes('Cache cleared'), { polling: 100 });
    expect(await textOf(page, '[data-cache-result]')).toBe('Cache cleared: 4 items removed. Your watchlist is untouched.');
    await page.waitForFunction(() => document.querySelector('[data-count="lookups"]')?.textContent === '0', { polling: 100 });
    expect(await textOf(page, '[data-count="shows"]')).toBe('0');
    expect(await textOf(page, '[data-count="site-ids"]')).toBe('0');
    expect(await textOf(page, '[data-count="watchlist"]')).toBe('3');
    expect(await storeCount(page, 'watchlist')).toBe(3);
    expect(await storeCount(page, 'shows')).toBe(0);
  });
});

/**
 * A browser set to Spanish. Chromium may serve the Spanish texts while still reporting en-US as
 * its UI language, so the page must name the language of its texts, not the browser's report.
 */
describe.each(e2eBrowserKinds())('the options page in Spanish in %s', (kind) => {
  let launched: LaunchedBrowser;
  let page: Page;
  useBrowser(kind, (session) => ({ launched } = session), launchInSpanish);

  beforeAll(async () => {
    page = await launched.openExtensionPage('/options.html');
    await waitForSettingsRead(page);
  });

  it('says it is in Spanish, in its language attribute as in its words, and axe finds nothing', async () => {
    expect(await page.evaluate(() => [document.documentElement.lang, document.title])).toEqual(['es', 'Ajustes de Backstory']);
    const headings = await page.$$eval('h2', (elements) => elements.map((element) => element.textContent));
    expect(headings).toEqual(['Sitios en los que funciona Backstory', 'Búsquedas en línea', 'Escudo antispoilers', 'Caché', 'Exportar tu lista', 'Importar una lista']);
    const findings = await axeFindings(page);
    expect(findings, describeFindings(findings)).toEqual([]);
  });
});
