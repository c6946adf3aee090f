import { describe, expect, it, vi } from 'vitest';
import { createBackgroundService, STORAGE_UNAVAILABLE } from '../../../lib/background/service';
import { createShowRepository } from '../../../lib/db/shows';
import { createWatchlistRepository } from '../../../lib/db/watchlist';
import type { SenderInfo } from '../../../lib/messaging-guards';
import { createResolver } from '../../../lib/resolve/resolver';
import { adapterForUrl } from '../../../lib/sites/registry';
import { loadPack } from '../../../lib/sources/pack';
import { brokenDb, freshDb } from '../support/databases';

const EXTENSION_ID = 'backstory-test-id';
const ORIGIN = 'chrome-extension://backstory-test-id';

function serviceOn(db = freshDb()) {
  const watchlist = createWatchlistRepository(db);
  const resolver = createResolver({ pack: loadPack(), shows: createShowRepository(db), watchlist, now: () => 1 });
  const effects = {
    injectPanel: vi.fn(async () => {}),
    openWatchlistPage: vi.fn(async () => {}),
    broadcastWatchlistChange: vi.fn(async () => {}),
  };
  const service = createBackgroundService({
    resolver,
    watchlist,
    now: () => 1,
    policy: { extensionId: EXTENSION_ID, extensionOrigin: ORIGIN, isSupportedPage: (url) => adapterForUrl(url) !== undefined },
    ...effects,
  });
  return { service, watchlist, effects };
}

const netflixTab: SenderInfo = { id: EXTENSION_ID, url: 'https://www.netflix.com/browse?jbv=80990017', tab: { id: 7, url: 'https://www.netflix.com/browse?jbv=80990017' }, frameId: 0 };
const popupPage: SenderInfo = { id: EXTENSION_ID, url: `${ORIGIN}/popup.html` };
const somosSighting = { site: 'netflix', surface: 'detail', siteId: '80990017', title: 'Somos.', year: 2021, kind: 'miniseries' };

describe('background service: who may ask', () => {
  it('answers our content script on Netflix', async () => {
    const { service } = serviceOn();
    expect(await service.resolveSighting(somosSighting, netflixTab)).toMatchObject({ status: 'found', context: { key: 'pack:somos' } });
  });

  it('rejects another extension, an unsupported site, and a sender with no URL', async () => {
    const { service } = serviceOn();
    await expect(service.resolveSighting(somosSighting, { ...netflixTab, id: 'someone-else' })).rejects.toThrow(/another extension/);
    await expect(service.resolveSighting(somosSighting, { id: EXTENSION_ID, url: 'https://evil.example/', tab: { id: 3 } })).rejects.toThrow(/not a supported site/);
    await expect(service.resolveSighting(somosSighting, { id: EXTENSION_ID })).rejects.toThrow(/without a sender URL/);
  });

  it('does not take sightings from extension pages or page injections from the popup', async () => {
    const { service, effects } = serviceOn();
    await expect(service.resolveSighting(somosSighting, popupPage)).rejects.toThrow(/Rejected/);
    await expect(service.injectPanel(undefined, popupPage)).rejects.toThrow(/Rejected/);
    expect(effects.injectPanel).not.toHaveBeenCalled();
  });
});

describe('background service: what may be sent', () => {
  it.each([
    ['a non-numeric ID', { ...somosSighting, siteId: '1 OR 1=1' }],
    ['an unknown site', { ...somosSighting, site: 'example' }],
    ['a title that is not text', { ...somosSighting, title: { toString: 'x' } }],
    ['an enormous title', { ...somosSighting, title: 'x'.repeat(10_000) }],
    ['nothing at all', undefined],
  ])('rejects a sighting with %s', async (_label, payload) => {
    const { service } = serviceOn();
    await expect(service.resolveSighting(payload, netflixTab)).rejects.toThrow(/malformed payload/);
  });

  it('rejects a watchlist change for a key that is not a show key', async () => {
    const { service, watchlist } = serviceOn();
    await expect(service.setWatchlisted({ key: '<img src=x onerror=alert(1)>', saved: true }, netflixTab)).rejects.toThrow(/malformed payload/);
    expect(await watchlist.list()).toEqual([]);
  });
});

describe('background service: the watchlist', () => {
  it('saves from the panel, tells every tab, and removes from the popup', async () => {
    const { service, watchlist, effects } = serviceOn();
    expect(await service.setWatchlisted({ key: 'pack:somos', saved: true, sighting: somosSighting }, netflixTab)).toEqual({ ok: true, saved: true });
    expect((await watchlist.list()).map((entry) => entry.where)).toEqual([{ site: 'netflix', siteId: '80990017', title: 'Somos.' }]);
    expect(effects.broadcastWatchlistChange).toHaveBeenCalledWith({ key: 'pack:somos', saved: true });
    expect(await service.setWatchlisted({ key: 'pack:somos', saved: false }, popupPage)).toEqual({ ok: true, saved: false });
    expect(await watchlist.list()).toEqual([]);
  });

  it('refuses to save a key it has no story for', async () => {
    const { service } = serviceOn();
    expect(await service.setWatchlisted({ key: 'pack:no-such-show', saved: true }, netflixTab)).toMatchObject({ ok: false });
  });

  it('says so plainly when storage fails, and tells no tab that anything changed', async () => {
    const { service, effects } = serviceOn(brokenDb());
    expect(await service.setWatchlisted({ key: 'pack:somos', saved: true }, netflixTab)).toEqual({ ok: false, message: STORAGE_UNAVAILABLE });
    expect(effects.broadcastWatchlistChange).not.toHaveBeenCalled();
  });

  it('opens the watchlist page for the tab that asked', async () => {
    const { service, effects } = serviceOn();
    expect(await service.openWatchlistPage(undefined, netflixTab)).toEqual({ ok: true });
    expect(effects.openWatchlistPage).toHaveBeenCalledWith(7);
  });

  it('injects the panel into the frame that asked, and reports a failure instead of throwing', async () => {
    const { service, effects } = serviceOn();
    expect(await service.injectPanel(undefined, { ...netflixTab, frameId: 2 })).toEqual({ ok: true });
    expect(effects.injectPanel).toHaveBeenCalledWith({ tabId: 7, frameId: 2 });
    effects.injectPanel.mockRejectedValueOnce(new Error('Cannot access contents of the page'));
    expect(await service.injectPanel(undefined, netflixTab)).toEqual({ ok: false, message: 'Cannot access contents of the page' });
  });
});
