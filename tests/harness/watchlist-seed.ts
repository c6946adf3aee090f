/**
 * Watchlist entries written straight into the extension's IndexedDB from one of its pages, as if
 * saved earlier: for end-to-end tests and the popup benchmark that need many entries at once.
 */
import type { Page } from 'puppeteer-core';
import type { WatchlistEntry } from '../../lib/db/schema';

/** `count` invented entries (keys wd:Q9000001 …), added a minute apart, the newest last. */
export function inventedEntries(count: number, startAt = Date.UTC(2026, 0, 1)): WatchlistEntry[] {
  const statuses = ['to-watch', 'watching', 'watched'] as const;
  return Array.from({ length: count }, (_, i) => {
    const at = startAt + i * 60_000;
    return {
      key: `wd:Q${9_000_001 + i}`,
      title: `Invented Show ${String(i + 1).padStart(5, '0')}`,
      year: 2000 + (i % 25),
      kind: i % 4 === 0 ? 'film' : 'series',
      basedOn: `An invented article number ${i + 1} · The Example Review, ${1990 + (i % 30)}`,
      addedAt: at,
      where: { site: 'netflix', title: `Invented Show ${i + 1}` },
      status: statuses[i % 3]!,
      statusAt: at,
      updatedAt: at,
    } satisfies WatchlistEntry;
  });
}

/**
 * Puts the entries in the "backstory" database's watchlist store, in one transaction. The page
 * must be an extension page that has opened the database already (the popup does on load).
 */
export async function seedWatchlist(page: Page, entries: readonly WatchlistEntry[]): Promise<void> {
  await page.evaluate(async (rows: WatchlistEntry[]) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('backstory');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    try {
      if (!db.objectStoreNames.contains('watchlist')) throw new Error('the extension has not created its database yet');
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction('watchlist', 'readwrite');
        const store = tx.objectStore('watchlist');
        for (const row of rows) store.put(row);
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
        tx.onabort = () => reject(tx.error);
      });
    } finally {
      db.close();
    }
  }, entries as WatchlistEntry[]);
}

/** Empties the watchlist store (between tests or benchmark runs). */
export async function clearWatchlist(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('backstory');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    try {
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction('watchlist', 'readwrite');
        tx.objectStore('watchlist').clear();
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
    } finally {
      db.close();
    }
  });
}
