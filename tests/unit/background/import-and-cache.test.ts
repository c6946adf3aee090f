import { describe, expect, it, vi } from 'vitest';
import { createBackgroundService } from '@/lib/background/service';
import { createCacheRepository } from '@/lib/db/cache';
import type { BackstoryDb } from '@/lib/db/schema';
import { createWatchlistImporter } from '@/lib/db/watchlist-import';
import { createWatchlistRepository } from '@/lib/db/watchlist';
import type { SenderInfo } from '@/lib/messaging-guards';
import { createResolver } from '@/lib/resolve/resolver';
import { loadPack } from '@/lib/sources/pack';
import { planImport } from '@/lib/watchlist-io/merge-plan';
import { parseWatchlistFile } from '@/lib/watchlist-io/parse-import';
import { contextFixture } from '../support/contexts';
import { brokenDb, freshDb } from '../support/databases';
import { useLocale } from '../support/i18n';
import { entry, fileWith } from '../watchlist-io/entries';

const EXTENSION_ID = 'backstory-test-id';
const ORIGIN = 'chrome-extension://backstory-test-id';
const optionsPage: SenderInfo = { id: EXTENSION_ID, url: `${ORIGIN}/options.html` };
const netflixTab: SenderInfo = { id: EXTENSION_ID, url: 'https://www.netflix.com/browse', tab: { id: 7, url: 'https://www.netflix.com/browse' }, frameId: 0 };

function serviceOn(db: BackstoryDb = freshDb()) {
  const watchlist = createWatchlistRepository(db);
  const broadcastWatchlistChange = vi.fn(async () => {});
  const service = createBackgroundService({
    resolver: createResolver({ pack: loadPack(), shows: { get: async () => undefined } as never, watchlist, now: () => 1 }),
    watchlist,
    now: () => 1,
    policy: { extensionId: EXTENSION_ID, extensionOrigin: ORIGIN, isSupportedPage: (url) => url.hostname === 'www.netflix.com' },
    injectPanel: async () => {},
    openWatchlistPage: async () => {},
    broadcastWatchlistChange,
    importer: createWatchlistImporter(db),
    cache: createCacheRepository(db),
  });
  return { service, db, broadcastWatchlistChange };
}

function quotaError(): Error {
  return new DOMException('The quota has been exceeded.', 'QuotaExceededError');
}

describe('importWatchlist', () => {
  it('adds new keys, replaces older saved entries, keeps newer ones, and tells open tabs about what changed', async () => {
    const { service, db, broadcastWatchlistChange } = serviceOn();
    const mineNewer = entry(2, { note: 'my note', updatedAt: entry(2).updatedAt + 60_000 });
    await db.watchlist.bulkPut([entry(1), mineNewer]);
    const fromFile = [entry(1, { status: 'watched', updatedAt: entry(1).updatedAt + 1 }), entry(2), entry(3)];

    expect(await service.importWatchlist({ entries: fromFile }, optionsPage)).toEqual({ ok: true, added: 1, updated: 1, unchanged: 1 });
    expect(await db.watchlist.get('wd:Q1001')).toEqual(fromFile[0]);
    expect(await db.watchlist.get('wd:Q1002')).toEqual(mineNewer);
    expect(await db.watchlist.get('wd:Q1003')).toEqual(entry(3));
    await vi.waitFor(() => expect(broadcastWatchlistChange).toHaveBeenCalledTimes(2));
    expect(broadcastWatchlistChange).toHaveBeenCalledWith({ key: 'wd:Q1001', saved: true });
    expect(broadcastWatchlistChange).toHaveBeenCalledWith({ key: 'wd:Q1003', saved: true });
  });

  it('stores an entry whose note is empty or blank without a note', async () => {
    const { service, db } = serviceOn();
    await db.watchlist.put(entry(2, { note: 'old words' }));
    const blankLater = { ...entry(2), note: '   ', updatedAt: entry(2).updatedAt + 1 };
    expect(await service.importWatchlist({ entries: [{ ...entry(1), note: '' }, blankLater] }, optionsPage)).toEqual({ ok: true, added: 1, updated: 1, unchanged: 0 });
    const stored = await db.watchlist.bulkGet(['wd:Q1001', 'wd:Q1002']);
    expect(stored).toEqual([entry(1), entry(2, { updatedAt: blankLater.updatedAt })]);
    expect(stored.map((kept) => kept !== undefined && 'note' in kept)).toEqual([false, false]);
  });

  it('writes what the preview showed', async () => {
    const { service, db } = serviceOn();
    await db.watchlist.bulkPut([entry(1), entry(2, { updatedAt: entry(2).updatedAt + 5 })]);
    const parsed = parseWatchlistFile(fileWith([entry(1, { updatedAt: entry(1).updatedAt + 1 }), entry(2), entry(3), entry(4), entry(3, { note: 'older copy', updatedAt: 0 + entry(3).updatedAt - 1 })]));
    if (!parsed.ok) throw new Error('the file should be valid');
    const saved = new Map((await db.watchlist.toArray()).map((e) => [e.key, e]));
    const preview = planImport(parsed.entries, saved);

    const result = await service.importWatchlist({ entries: parsed.entries }, optionsPage);
    expect(result).toEqual({ ok: true, added: preview.added.length, updated: preview.updated.length, unchanged: preview.unchanged.length });
    expect(result).toEqual({ ok: true, added: 2, updated: 1, unchanged: 1 });
    for (const written of [...preview.added, ...preview.updated]) expect(await db.watchlist.get(written.key)).toEqual(written);
    expect(await db.watchlist.count()).toBe(4);
  });

  it('imports 10,000 entries in one go', async () => {
    const { service, db } = serviceOn();
    const entries = Array.from({ length: 10_000 }, (_, n) => entry(n));
    expect(await service.importWatchlist({ entries }, optionsPage)).toEqual({ ok: true, added: 10_000, updated: 0, unchanged: 0 });
    expect(await db.watchlist.count()).toBe(10_000);
  });

  it('checks the entries again and writes nothing when one is bad', async () => {
    const { service, db } = serviceOn();
    await expect(service.importWatchlist({ entries: [entry(1), { ...entry(2), note: 'x'.repeat(5_000) }] }, optionsPage)).rejects.toThrow(/malformed payload/);
    await expect(service.importWatchlist({ entries: [{ ...entry(1), key: '<img src=x onerror=alert(1)>' }] }, optionsPage)).rejects.toThrow(/malformed payload/);
    await expect(service.importWatchlist({ entries: 'all of them' }, optionsPage)).rejects.toThrow(/malformed payload/);
    expect(await db.watchlist.count()).toBe(0);
  });

  it('takes imports only from extension pages', async () => {
    const { service, db } = serviceOn();
    await expect(service.importWatchlist({ entries: [entry(1)] }, netflixTab)).rejects.toThrow(/Rejected/);
    await expect(service.importWatchlist({ entries: [entry(1)] }, { ...optionsPage, id: 'another-extension' })).rejects.toThrow(/another extension/);
    await expect(service.importWatchlist({ entries: [entry(1)] }, { id: EXTENSION_ID, url: 'https://evil.example/options.html' })).rejects.toThrow(/Rejected/);
    expect(await db.watchlist.count()).toBe(0);
  });

  it('writes all or nothing: a full disk during the write leaves the watchlist as it was, and says so', async () => {
    const { service, db, broadcastWatchlistChange } = serviceOn();
    await db.watchlist.bulkPut([entry(1, { note: 'kept' })]);
    const realBulkPut = db.watchlist.bulkPut.bind(db.watchlist);
    // The write gets as far as storing the rows, then the browser reports the disk full.
    const fillThenFail = async (...args: Parameters<typeof db.watchlist.bulkPut>) => {
      await realBulkPut(...args);
      throw quotaError();
    };
    vi.spyOn(db.watchlist, 'bulkPut').mockImplementation(fillThenFail as unknown as typeof db.watchlist.bulkPut);
    const result = await service.importWatchlist({ entries: [entry(1, { updatedAt: entry(1).updatedAt + 1 }), entry(2), entry(3)] }, optionsPage);

    expect(result).toEqual({ ok: false, message: expect.stringContaining('storage for Backstory is full') });
    expect(await db.watchlist.toArray()).toEqual([entry(1, { note: 'kept' })]);
    expect(broadcastWatchlistChange).not.toHaveBeenCalled();
  });

  it('says plainly when storage is unavailable, in the viewer’s language', async () => {
    useLocale('es');
    const { service } = serviceOn(brokenDb());
    expect(await service.importWatchlist({ entries: [entry(1)] }, optionsPage)).toEqual({
      ok: false,
      message: 'No se ha importado nada: el almacenamiento del navegador para Backstory no está disponible ahora mismo. Tu lista sigue como estaba.',
    });
  });
});

describe('clearCache', () => {
  async function fill(db: BackstoryDb) {
    const context = contextFixture();
    await db.shows.bulkPut([
      { key: 'wd:Q1', context: { ...context, key: 'wd:Q1' }, storedAt: 1, staleAt: 2 },
      { key: 'wd:Q2', context: { ...context, key: 'wd:Q2' }, storedAt: 1, staleAt: 2 },
    ]);
    await db.lookups.bulkPut([
      { id: 'netflix:80000001', outcome: 'found', key: 'wd:Q1', storedAt: 1, staleAt: 2 },
      { id: 'netflix:80000002', outcome: 'none', storedAt: 1, staleAt: 2 },
      { id: 'title:x', outcome: 'none', storedAt: 1, staleAt: 2 },
    ]);
    await db.siteIds.put({ site: 'netflix', siteId: '80000001', key: 'wd:Q1', learnedAt: 1 });
    await db.watchlist.bulkPut([entry(1), entry(2)]);
  }

  it('empties the cached shows, lookup outcomes and learned IDs, counts them, and keeps the watchlist', async () => {
    const { service, db } = serviceOn();
    await fill(db);
    expect(await service.clearCache(undefined, optionsPage)).toEqual({ ok: true, removed: 6 });
    expect(await createCacheRepository(db).counts()).toEqual({ shows: 0, lookups: 0, siteIds: 0 });
    expect(await db.watchlist.toArray()).toEqual([entry(1), entry(2)]);
    expect(await service.clearCache(undefined, optionsPage)).toEqual({ ok: true, removed: 0 });
  });

  it('takes the request only from extension pages', async () => {
    const { service, db } = serviceOn();
    await fill(db);
    await expect(service.clearCache(undefined, netflixTab)).rejects.toThrow(/Rejected/);
    await expect(service.clearCache({ everything: true }, optionsPage)).rejects.toThrow(/malformed payload/);
    expect((await createCacheRepository(db).counts()).shows).toBe(2);
  });

  it('clears all three tables or none, and says so when storage fails', async () => {
    const { service, db } = serviceOn();
    await fill(db);
    vi.spyOn(db.siteIds, 'clear').mockRejectedValue(new DOMException('disk I/O error', 'UnknownError'));
    expect(await service.clearCache(undefined, optionsPage)).toEqual({ ok: false, message: expect.stringContaining("The cache couldn't be cleared") });
    expect(await createCacheRepository(db).counts()).toEqual({ shows: 2, lookups: 3, siteIds: 1 });
    expect(await db.watchlist.count()).toBe(2);
  });
});
