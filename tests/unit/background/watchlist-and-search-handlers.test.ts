import { describe, expect, it, vi } from 'vitest';
import { createBackgroundService, storageUnavailable } from '../../../lib/background/service';
import { createShowRepository } from '../../../lib/db/shows';
import { createWatchlistRepository, watchlistEntryFor } from '../../../lib/db/watchlist';
import { createWatchlistEdits } from '../../../lib/db/watchlist-edits';
import { MAX_NOTE_LENGTH } from '../../../lib/db/schema';
import type { SenderInfo } from '../../../lib/messaging-guards';
import { createResolver } from '../../../lib/resolve/resolver';
import { createCachedShowIndex } from '../../../lib/search/cached-shows';
import { createTitleSearch } from '../../../lib/search/title-search';
import { adapterForUrl } from '../../../lib/sites/registry';
import { loadPack } from '../../../lib/sources/pack';
import { brokenDb, freshDb } from '../support/databases';
import { useLocale } from '../support/i18n';

const EXTENSION_ID = 'backstory-test-id';
const ORIGIN = 'chrome-extension://backstory-test-id';
const somos = loadPack().find((entry) => entry.key === 'pack:somos')!;

function serviceOn(db = freshDb(), now = 5_000) {
  const pack = loadPack();
  const shows = createShowRepository(db);
  const watchlist = createWatchlistRepository(db);
  const resolver = createResolver({ pack, shows, watchlist, now: () => now });
  const broadcastWatchlistChange = vi.fn(async () => {});
  const liveAllowed = vi.fn(async () => false);
  const service = createBackgroundService({
    resolver,
    watchlist,
    watchlistEdits: createWatchlistEdits(db),
    titleSearch: createTitleSearch({ pack, cachedShows: createCachedShowIndex(db).shows, resolver, liveAllowed }),
    now: () => now,
    policy: { extensionId: EXTENSION_ID, extensionOrigin: ORIGIN, isSupportedPage: (url) => adapterForUrl(url) !== undefined },
    injectPanel: async () => {},
    openWatchlistPage: async () => {},
    broadcastWatchlistChange,
  });
  return { service, db, broadcastWatchlistChange, liveAllowed };
}

const popupPage: SenderInfo = { id: EXTENSION_ID, url: `${ORIGIN}/popup.html` };
const netflixTab: SenderInfo = { id: EXTENSION_ID, url: 'https://www.netflix.com/title/80990017', tab: { id: 7, url: 'https://www.netflix.com/title/80990017' }, frameId: 0 };
const otherSite: SenderInfo = { id: EXTENSION_ID, url: 'https://evil.example/', tab: { id: 3, url: 'https://evil.example/' } };

describe('updateWatchlistEntry', () => {
  it('changes the status from the popup and tells the open tabs', async () => {
    const { service, db, broadcastWatchlistChange } = serviceOn();
    await db.watchlist.put(watchlistEntryFor(somos, undefined, 1_000));
    expect(await service.updateWatchlistEntry({ key: 'pack:somos', status: 'watched' }, popupPage)).toEqual({ ok: true, saved: true });
    expect(await db.watchlist.get('pack:somos')).toMatchObject({ status: 'watched', statusAt: 5_000, updatedAt: 5_000 });
    expect(broadcastWatchlistChange).toHaveBeenCalledWith({ key: 'pack:somos', saved: true });
  });

  it('takes a note from a panel on Netflix, and an empty one removes it', async () => {
    const { service, db } = serviceOn();
    await db.watchlist.put(watchlistEntryFor(somos, undefined, 1_000));
    await service.updateWatchlistEntry({ key: 'pack:somos', note: 'Watch with subtitles' }, netflixTab);
    expect((await db.watchlist.get('pack:somos'))!.note).toBe('Watch with subtitles');
    await service.updateWatchlistEntry({ key: 'pack:somos', note: '' }, netflixTab);
    expect((await db.watchlist.get('pack:somos'))!.note).toBeUndefined();
  });

  it('tells no one when nothing changed', async () => {
    const { service, db, broadcastWatchlistChange } = serviceOn();
    await db.watchlist.put(watchlistEntryFor(somos, undefined, 1_000));
    expect(await service.updateWatchlistEntry({ key: 'pack:somos', status: 'to-watch' }, popupPage)).toEqual({ ok: true, saved: true });
    expect(broadcastWatchlistChange).not.toHaveBeenCalled();
  });

  it('says clearly that an unsaved show cannot be edited', async () => {
    const { service, db, broadcastWatchlistChange } = serviceOn();
    expect(await service.updateWatchlistEntry({ key: 'pack:somos', status: 'watched' }, popupPage)).toEqual({
      ok: false,
      message: 'This show is not on your watchlist any more, so there is nothing to change. Save it again first.',
    });
    expect(await db.watchlist.count()).toBe(0);
    expect(broadcastWatchlistChange).not.toHaveBeenCalled();
  });

  it('says it in the browser language', async () => {
    useLocale('es');
    const { service } = serviceOn();
    expect(await service.updateWatchlistEntry({ key: 'pack:somos', note: 'x' }, popupPage)).toEqual({
      ok: false,
      message: 'Este título ya no está en tu lista, así que no hay nada que cambiar. Vuelve a guardarlo primero.',
    });
  });

  it('says clearly when storage fails, and tells no tab', async () => {
    const { service, broadcastWatchlistChange } = serviceOn(brokenDb());
    expect(await service.updateWatchlistEntry({ key: 'pack:somos', note: 'x' }, popupPage)).toEqual({ ok: false, message: storageUnavailable() });
    expect(broadcastWatchlistChange).not.toHaveBeenCalled();
  });

  it.each([
    ['no change at all', { key: 'pack:somos' }],
    ['an unknown status', { key: 'pack:somos', status: 'abandoned' }],
    ['a note over the limit', { key: 'pack:somos', note: 'x'.repeat(MAX_NOTE_LENGTH + 1) }],
    ['a note that is not text', { key: 'pack:somos', note: { html: '<b>' } }],
    ['a key that is not a show key', { key: '<script>', status: 'watched' }],
    ['an extra field', { key: 'pack:somos', status: 'watched', addedAt: 0 }],
    ['nothing', undefined],
  ])('rejects an edit with %s and changes nothing', async (_label, payload) => {
    const { service, db } = serviceOn();
    const before = watchlistEntryFor(somos, undefined, 1_000);
    await db.watchlist.put(before);
    await expect(service.updateWatchlistEntry(payload, popupPage)).rejects.toThrow(/malformed payload/);
    expect(await db.watchlist.get('pack:somos')).toEqual(before);
  });

  it('takes a note of exactly the longest length', async () => {
    const { service, db } = serviceOn();
    await db.watchlist.put(watchlistEntryFor(somos, undefined, 1_000));
    expect(await service.updateWatchlistEntry({ key: 'pack:somos', note: 'y'.repeat(MAX_NOTE_LENGTH) }, popupPage)).toEqual({ ok: true, saved: true });
  });

  it('rejects another extension and another site', async () => {
    const { service, db } = serviceOn();
    await db.watchlist.put(watchlistEntryFor(somos, undefined, 1_000));
    await expect(service.updateWatchlistEntry({ key: 'pack:somos', status: 'watched' }, { ...popupPage, id: 'intruder' })).rejects.toThrow(/Rejected/);
    await expect(service.updateWatchlistEntry({ key: 'pack:somos', status: 'watched' }, otherSite)).rejects.toThrow(/Rejected/);
    expect((await db.watchlist.get('pack:somos'))!.status).toBe('to-watch');
  });
});

describe('searchTitles', () => {
  it('answers the popup from the pack', async () => {
    const { service } = serviceOn();
    expect(await service.searchTitles({ text: '  Somos  ', live: false }, popupPage)).toMatchObject({ ok: true, hits: [{ key: 'pack:somos', from: 'pack' }] });
  });

  it('does not look anything up live when live lookups are off', async () => {
    const { service, liveAllowed } = serviceOn();
    expect(await service.searchTitles({ text: 'Paper Harbor 2023', live: true }, popupPage)).toEqual({ ok: true, hits: [] });
    expect(liveAllowed).toHaveBeenCalled();
  });

  it('takes searches from extension pages only', async () => {
    const { service } = serviceOn();
    await expect(service.searchTitles({ text: 'Somos', live: false }, netflixTab)).rejects.toThrow(/Rejected/);
    await expect(service.searchTitles({ text: 'Somos', live: false }, { ...popupPage, id: 'intruder' })).rejects.toThrow(/Rejected/);
  });

  it.each([
    ['empty text', { text: '   ', live: false }],
    ['text over 200 characters', { text: 'a'.repeat(201), live: false }],
    ['live that is not a boolean', { text: 'Somos', live: 'yes' }],
    ['no live flag', { text: 'Somos' }],
    ['text that is not text', { text: ['Somos'], live: false }],
  ])('rejects a search with %s', async (_label, payload) => {
    const { service } = serviceOn();
    await expect(service.searchTitles(payload, popupPage)).rejects.toThrow(/malformed payload/);
  });
});
