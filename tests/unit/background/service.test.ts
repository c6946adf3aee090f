import { describe, expect, it, vi } from 'vitest';
import { createCardLookups, type TabTarget } from '../../../lib/background/card-lookups';
import { createBackgroundService, storageFull, storageUnavailable } from '../../../lib/background/service';
import { createLookupRepository } from '../../../lib/db/lookups';
import { createShowRepository } from '../../../lib/db/shows';
import { createWatchlistRepository } from '../../../lib/db/watchlist';
import { MAX_CARDS_PER_MESSAGE, type CardAnswer } from '../../../lib/messaging';
import type { SenderInfo } from '../../../lib/messaging-guards';
import type { Sighting } from '../../../lib/model';
import { createLiveService, type LiveOutcome } from '../../../lib/resolve/live-service';
import { createResolver } from '../../../lib/resolve/resolver';
import { adapterForUrl } from '../../../lib/sites/registry';
import { loadPack } from '../../../lib/sources/pack';
import { contextFixture } from '../support/contexts';
import { useLocale } from '../support/i18n';
import { brokenDb, freshDb } from '../support/databases';
import { cardStory, SOMOS_TEASER } from '../support/card-stories';

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
    // With the words its cards' badges use, so a card of the same title can say so at once.
    expect(await service.resolveSighting(somosSighting, netflixTab)).toMatchObject({ status: 'found', context: { key: 'pack:somos' }, badge: cardStory('pack:somos', 'Somos.', SOMOS_TEASER) });
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
    expect(await service.setWatchlisted({ key: 'pack:somos', saved: true }, netflixTab)).toEqual({ ok: false, message: storageUnavailable() });
    expect(effects.broadcastWatchlistChange).not.toHaveBeenCalled();
  });

  it('says the storage is full when the browser reports its quota exceeded, and keeps what was saved', async () => {
    const { service, watchlist, effects } = serviceOn();
    await service.setWatchlisted({ key: 'pack:somos', saved: true, sighting: somosSighting }, netflixTab);
    const saved = await watchlist.list();
    effects.broadcastWatchlistChange.mockClear();
    // Dexie can hand IndexedDB's QuotaExceededError over wrapped in the transaction's abort.
    const aborted = Object.assign(new Error('Transaction aborted'), { name: 'AbortError', inner: new DOMException('The quota has been exceeded.', 'QuotaExceededError') });
    vi.spyOn(watchlist, 'save').mockRejectedValueOnce(aborted);
    const result = await service.setWatchlisted({ key: 'pack:somos', saved: true, sighting: somosSighting }, netflixTab);

    expect(result).toEqual({ ok: false, message: storageFull() });
    expect(result).toEqual({ ok: false, message: expect.stringContaining("the browser's storage for Backstory is full") });
    expect(await watchlist.list()).toEqual(saved);
    expect(effects.broadcastWatchlistChange).not.toHaveBeenCalled();
  });

  it('says the storage is full in Spanish too, and still says unavailable for other failures', async () => {
    useLocale('es');
    const { service, watchlist } = serviceOn();
    vi.spyOn(watchlist, 'remove').mockRejectedValueOnce(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
    expect(await service.setWatchlisted({ key: 'pack:somos', saved: false }, popupPage)).toEqual({ ok: false, message: expect.stringContaining('Backstory está lleno') });
    vi.spyOn(watchlist, 'remove').mockRejectedValueOnce(new DOMException('The transaction was aborted.', 'UnknownError'));
    expect(await service.setWatchlisted({ key: 'pack:somos', saved: false }, popupPage)).toEqual({ ok: false, message: expect.stringContaining('no está disponible') });
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

/**
 * The service as the background builds it for cards: the real resolver on a fresh database, the
 * real live service (its network a fake `lookUp`) and the real card queue (its `tell` a spy).
 */
function cardServiceOn(options: { lookUp?: (sighting: Sighting) => Promise<LiveOutcome>; allowed?: boolean; online?: boolean; queue?: 'real' | 'none' } = {}) {
  const db = freshDb();
  const shows = createShowRepository(db);
  const watchlist = createWatchlistRepository(db);
  let allowed = options.allowed ?? true;
  let online = options.online ?? true;
  const lookUp = vi.fn(options.lookUp ?? (async (): Promise<LiveOutcome> => ({ status: 'none' })));
  const live = createLiveService({
    shows,
    lookups: createLookupRepository(db),
    lookUp,
    isAllowed: async () => allowed,
    isOnline: () => online,
    now: () => 1_000_000,
  });
  const resolver = createResolver({ pack: loadPack(), shows, watchlist, now: () => 1, live });
  const tell = vi.fn(async (_target: TabTarget, _answers: CardAnswer[]) => {});
  const cardLookups = createCardLookups({ resolve: (sighting) => resolver.resolve(sighting), tell });
  const enqueue = vi.spyOn(cardLookups, 'enqueue');
  const service = createBackgroundService({
    resolver,
    cardLookups: options.queue === 'none' ? undefined : cardLookups,
    watchlist,
    now: () => 1,
    policy: { extensionId: EXTENSION_ID, extensionOrigin: ORIGIN, isSupportedPage: (url) => adapterForUrl(url) !== undefined },
    injectPanel: async () => {},
    openWatchlistPage: async () => {},
    broadcastWatchlistChange: async () => {},
  });
  return { service, cardLookups, enqueue, tell, lookUp, setAllowed: (value: boolean) => (allowed = value), setOnline: (value: boolean) => (online = value) };
}

const somosCard = { site: 'netflix', surface: 'card', siteId: '80990017', title: 'Somos.' };
const paperHarborCard = { site: 'netflix', surface: 'card', siteId: '80990055', title: 'Paper Harbor' };
const paperHarbor = contextFixture({ key: 'wd:Q990000001', title: 'Paper Harbor', year: 2023, kind: 'film' });
const cardNumbered = (n: number) => ({ site: 'netflix', surface: 'card', siteId: String(80_000_000 + n), title: `Card ${n}` });

describe('background service: cards, what is known now', () => {
  it("says none for Somos.'s card on a fresh database: the pack's title alone, without a year, is too weak", async () => {
    const { service } = serviceOn();
    expect(await service.resolveCards([somosCard], netflixTab)).toEqual([{ siteId: '80990017', title: 'Somos.', status: 'none' }]);
  });

  it('badges Somos. once a detail view with the year has taught its ID, with the teaser from the pack', async () => {
    const { service } = serviceOn();
    await service.resolveSighting(somosSighting, netflixTab);
    expect(await service.resolveCards([somosCard], netflixTab)).toEqual([
      {
        siteId: '80990017',
        title: 'Somos.',
        status: 'found',
        story: cardStory('pack:somos', 'Somos.', SOMOS_TEASER),
      },
    ]);
  });

  it('answers every card, in the order asked, each named by its own ID and title', async () => {
    const { service } = serviceOn();
    await service.resolveSighting(somosSighting, netflixTab);
    const cards = [cardNumbered(1), somosCard, cardNumbered(2)];
    const answers = await service.resolveCards(cards, netflixTab);
    expect(answers.map(({ siteId, title, status }) => ({ siteId, title, status }))).toEqual([
      { siteId: '80000001', title: 'Card 1', status: 'none' },
      { siteId: '80990017', title: 'Somos.', status: 'found' },
      { siteId: '80000002', title: 'Card 2', status: 'none' },
    ]);
  });

  it('answers an empty list with an empty list, and a full message of cards', async () => {
    const { service } = serviceOn();
    expect(await service.resolveCards([], netflixTab)).toEqual([]);
    const full = Array.from({ length: MAX_CARDS_PER_MESSAGE }, (_, n) => cardNumbered(n));
    expect(await service.resolveCards(full, netflixTab)).toHaveLength(MAX_CARDS_PER_MESSAGE);
  });
});

describe('background service: the hover preview (mini modal) of a card', () => {
  it('answers the preview from the pack when its exact title and kind fit, which a bare card cannot', async () => {
    const { service } = serviceOn();
    const preview = { ...somosCard, surface: 'mini', kind: 'miniseries' };
    const [answer] = await service.resolveCards([preview], netflixTab);
    expect(answer).toMatchObject({ siteId: '80990017', title: 'Somos.', surface: 'mini', status: 'found', story: { key: 'pack:somos' } });
    expect(await service.resolveCards([{ ...preview, kind: 'film' }], netflixTab)).toMatchObject([{ status: 'none' }]);
  });
});

describe('background service: cards, who may ask and what may be sent', () => {
  it.each([
    ['a sighting that is not a card', [{ ...somosCard, surface: 'detail' }]],
    ['a card without an ID', [{ site: 'netflix', surface: 'card', title: 'Somos.' }]],
    ['a card without a title', [{ site: 'netflix', surface: 'card', siteId: '80990017' }]],
    ['a card with an empty title', [{ ...somosCard, title: '   ' }]],
    ['a card with a non-numeric ID', [{ ...somosCard, siteId: '1 OR 1=1' }]],
    ['one bad card among good ones', [somosCard, { ...somosCard, site: 'example' }]],
    [`${MAX_CARDS_PER_MESSAGE + 1} cards`, Array.from({ length: MAX_CARDS_PER_MESSAGE + 1 }, (_, n) => cardNumbered(n))],
    ['a single card not in a list', somosCard],
    ['nothing at all', undefined],
  ])('rejects %s, and asks the resolver nothing', async (_label, payload) => {
    const { service, enqueue, lookUp } = cardServiceOn();
    await expect(service.resolveCards(payload, netflixTab)).rejects.toThrow(/malformed payload/);
    expect(enqueue).not.toHaveBeenCalled();
    expect(lookUp).not.toHaveBeenCalled();
  });

  it('rejects a sender that is not a Netflix tab: another site, an extension page, another extension, no tab', async () => {
    const { service, enqueue } = cardServiceOn();
    await expect(service.resolveCards([paperHarborCard], { id: EXTENSION_ID, url: 'https://evil.example/', tab: { id: 3, url: 'https://evil.example/' } })).rejects.toThrow(/not a supported site/);
    await expect(service.resolveCards([paperHarborCard], popupPage)).rejects.toThrow(/Rejected/);
    await expect(service.resolveCards([paperHarborCard], { ...netflixTab, id: 'someone-else' })).rejects.toThrow(/another extension/);
    await expect(service.resolveCards([paperHarborCard], { id: EXTENSION_ID, url: 'https://www.netflix.com/browse' })).rejects.toThrow(/expected a tab/);
    expect(enqueue).not.toHaveBeenCalled();
  });
});

describe('background service: cards that need a live lookup', () => {
  it('says pending and queues the card for the frame that asked; the answer follows through the queue', async () => {
    const { service, cardLookups, enqueue, tell, lookUp } = cardServiceOn({ lookUp: async () => ({ status: 'found', context: paperHarbor }) });
    const fromFrame = { ...netflixTab, frameId: 4 };
    expect(await service.resolveCards([paperHarborCard], fromFrame)).toEqual([{ siteId: '80990055', title: 'Paper Harbor', status: 'pending' }]);
    expect(enqueue).toHaveBeenCalledWith(paperHarborCard, { tabId: 7, frameId: 4 });
    await cardLookups.idle();
    expect(lookUp).toHaveBeenCalledOnce();
    expect(lookUp).toHaveBeenCalledWith(paperHarborCard);
    expect(tell).toHaveBeenCalledWith({ tabId: 7, frameId: 4 }, [
      { siteId: '80990055', title: 'Paper Harbor', status: 'found', story: cardStory('wd:Q990000001', 'Paper Harbor', 'Based on “An Invented Book” (A. Writer)') },
    ]);
  });

  it('answers from the cache the next time, without queuing or looking up again', async () => {
    const { service, cardLookups, enqueue, lookUp } = cardServiceOn({ lookUp: async () => ({ status: 'found', context: paperHarbor }) });
    await service.resolveCards([paperHarborCard], netflixTab);
    await cardLookups.idle();
    enqueue.mockClear();
    expect(await service.resolveCards([paperHarborCard], netflixTab)).toMatchObject([{ siteId: '80990055', status: 'found', story: { key: 'wd:Q990000001' } }]);
    expect(enqueue).not.toHaveBeenCalled();
    expect(lookUp).toHaveBeenCalledOnce();
  });

  it('remembers a card the live sources know nothing about as none', async () => {
    const { service, cardLookups, tell, lookUp } = cardServiceOn({ lookUp: async () => ({ status: 'none' }) });
    expect(await service.resolveCards([paperHarborCard], netflixTab)).toMatchObject([{ status: 'pending' }]);
    await cardLookups.idle();
    expect(tell).toHaveBeenCalledWith({ tabId: 7, frameId: 0 }, [{ siteId: '80990055', title: 'Paper Harbor', status: 'none' }]);
    expect(await service.resolveCards([paperHarborCard], netflixTab)).toEqual([{ siteId: '80990055', title: 'Paper Harbor', status: 'none' }]);
    expect(lookUp).toHaveBeenCalledOnce();
  });

  it('looks a card asked by two tabs up once, and tells both', async () => {
    const { service, cardLookups, tell, lookUp } = cardServiceOn({ lookUp: async () => ({ status: 'found', context: paperHarbor }) });
    const otherTab: SenderInfo = { ...netflixTab, tab: { id: 8, url: 'https://www.netflix.com/browse' }, url: 'https://www.netflix.com/browse' };
    expect(await service.resolveCards([paperHarborCard], netflixTab)).toMatchObject([{ status: 'pending' }]);
    expect(await service.resolveCards([paperHarborCard], otherTab)).toMatchObject([{ status: 'pending' }]);
    await cardLookups.idle();
    expect(lookUp).toHaveBeenCalledOnce();
    expect(tell.mock.calls.map(([target]) => target.tabId)).toEqual([7, 8]);
  });

  it('tells the tab unknown when the live lookup fails, and stores nothing, so the card is asked again', async () => {
    const { service, cardLookups, tell } = cardServiceOn({
      lookUp: async () => {
        throw new Error('Wikidata answered 503');
      },
    });
    await service.resolveCards([paperHarborCard], netflixTab);
    await cardLookups.idle();
    expect(tell).toHaveBeenCalledWith({ tabId: 7, frameId: 0 }, [{ siteId: '80990055', title: 'Paper Harbor', status: 'unknown' }]);
    expect(await service.resolveCards([paperHarborCard], netflixTab)).toMatchObject([{ status: 'pending' }]);
  });

  it('with live lookups off, says none and queues nothing', async () => {
    const { service, cardLookups, enqueue, lookUp } = cardServiceOn({ allowed: false });
    expect(await service.resolveCards([paperHarborCard], netflixTab)).toEqual([{ siteId: '80990055', title: 'Paper Harbor', status: 'none' }]);
    await cardLookups.idle();
    expect(enqueue).not.toHaveBeenCalled();
    expect(lookUp).not.toHaveBeenCalled();
  });

  it('offline, says none and queues nothing', async () => {
    const { service, enqueue, lookUp } = cardServiceOn({ online: false });
    expect(await service.resolveCards([paperHarborCard], netflixTab)).toEqual([{ siteId: '80990055', title: 'Paper Harbor', status: 'none' }]);
    expect(enqueue).not.toHaveBeenCalled();
    expect(lookUp).not.toHaveBeenCalled();
  });

  it('says unknown when there is no queue for card lookups', async () => {
    const { service, lookUp } = cardServiceOn({ queue: 'none' });
    expect(await service.resolveCards([paperHarborCard], netflixTab)).toEqual([{ siteId: '80990055', title: 'Paper Harbor', status: 'unknown' }]);
    expect(lookUp).not.toHaveBeenCalled();
  });

  it('says unknown for a card the full queue refuses, pending for the others', async () => {
    const { service, enqueue } = cardServiceOn();
    enqueue.mockImplementation((sighting) => sighting.siteId !== '80000002');
    expect((await service.resolveCards([cardNumbered(1), cardNumbered(2), cardNumbered(3)], netflixTab)).map(({ siteId, status }) => [siteId, status])).toEqual([
      ['80000001', 'pending'],
      ['80000002', 'unknown'],
      ['80000003', 'pending'],
    ]);
  });

  it('badges a card at once after a detail view of the same ID found its story by Netflix ID', async () => {
    const { service, enqueue, lookUp } = cardServiceOn({ lookUp: async () => ({ status: 'found', context: paperHarbor, byNetflixId: true }) });
    const detailView = { site: 'netflix', surface: 'detail', siteId: '80990055', title: 'Paper Harbor', year: 2023, kind: 'film' };
    expect(await service.resolveSighting(detailView, netflixTab)).toMatchObject({ status: 'found', context: { key: 'wd:Q990000001' } });
    expect(await service.resolveCards([paperHarborCard], netflixTab)).toMatchObject([{ siteId: '80990055', status: 'found', story: { key: 'wd:Q990000001' } }]);
    expect(enqueue).not.toHaveBeenCalled();
    expect(lookUp).toHaveBeenCalledOnce();
  });

  it('never queues a card the pack already answers', async () => {
    const { service, enqueue } = cardServiceOn();
    await service.resolveSighting(somosSighting, netflixTab);
    expect(await service.resolveCards([somosCard], netflixTab)).toMatchObject([{ status: 'found', story: { key: 'pack:somos' } }]);
    expect(enqueue).not.toHaveBeenCalled();
  });
});
