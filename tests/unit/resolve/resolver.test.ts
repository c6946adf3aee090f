import { describe, expect, it, vi } from 'vitest';
import { createShowRepository } from '../../../lib/db/shows';
import { createWatchlistRepository, watchlistEntryFor } from '../../../lib/db/watchlist';
import type { Sighting } from '../../../lib/model';
import type { LiveService } from '../../../lib/resolve/live-service';
import { createResolver } from '../../../lib/resolve/resolver';
import { loadPack } from '../../../lib/sources/pack';
import { brokenDb, freshDb } from '../support/databases';
import { contextFixture } from '../support/contexts';

const pack = loadPack();
const somos = pack.find((entry) => entry.key === 'pack:somos')!;
const SOMOS_TEST_ID = '80990017'; // invented for tests; the real Netflix ID is unverified

function resolverOn(db = freshDb(), onStorageError = vi.fn()) {
  const shows = createShowRepository(db);
  const watchlist = createWatchlistRepository(db);
  return { resolver: createResolver({ pack, shows, watchlist, now: () => 1_700_000_000_000, onStorageError }), shows, watchlist, onStorageError };
}

const detail: Sighting = { site: 'netflix', surface: 'detail', siteId: SOMOS_TEST_ID, title: 'Somos.', year: 2021, kind: 'miniseries' };

describe('resolver', () => {
  it('finds Somos. in the pack and reports it unsaved', async () => {
    const { resolver } = resolverOn();
    expect(await resolver.resolve(detail)).toEqual({ status: 'found', context: somos, saved: false, storage: 'ok' });
  });

  it('learns the Netflix ID from a confident match, so a later sighting by ID alone finds it', async () => {
    const { resolver, shows } = resolverOn();
    await resolver.resolve(detail);
    expect(await shows.keyForSiteId('netflix', SOMOS_TEST_ID)).toBe('pack:somos');
    const byIdOnly = await resolver.resolve({ site: 'netflix', surface: 'watch', siteId: SOMOS_TEST_ID, playableId: '80990101' });
    expect(byIdOnly).toMatchObject({ status: 'found', context: { key: 'pack:somos' } });
  });

  it('does not learn anything from a sighting it could not match', async () => {
    const { resolver, shows } = resolverOn();
    expect(await resolver.resolve({ site: 'netflix', surface: 'detail', siteId: '80990077', title: 'Somos', year: 1999, kind: 'film' })).toEqual({ status: 'none' });
    expect(await shows.keyForSiteId('netflix', '80990077')).toBeUndefined();
  });

  it('says none for a title it knows nothing about', async () => {
    const { resolver } = resolverOn();
    expect(await resolver.resolve({ site: 'netflix', surface: 'detail', siteId: '80990042', title: 'The Lantern Keepers', year: 2024, kind: 'series' })).toEqual({ status: 'none' });
  });

  it('reports a saved show as saved', async () => {
    const { resolver, watchlist } = resolverOn();
    await watchlist.save(watchlistEntryFor(somos, detail, 1));
    expect(await resolver.resolve(detail)).toMatchObject({ status: 'found', saved: true, storage: 'ok' });
  });

  it('still shows the pack story when IndexedDB is unavailable, and says saving is off', async () => {
    const { resolver, onStorageError } = resolverOn(brokenDb());
    expect(await resolver.resolve(detail)).toEqual({ status: 'found', context: somos, saved: false, storage: 'unavailable' });
    expect(onStorageError).toHaveBeenCalled();
  });

  it('learns nothing from a player title matched without the year', async () => {
    const { resolver, shows } = resolverOn();
    await resolver.resolve({ site: 'netflix', surface: 'watch', siteId: SOMOS_TEST_ID, title: 'Somos.', kind: 'series' });
    expect(await shows.keyForSiteId('netflix', SOMOS_TEST_ID)).toBeUndefined();
  });

  it('drops a learned link that a later sighting contradicts, instead of telling the wrong story', async () => {
    const { resolver, shows } = resolverOn();
    await resolver.resolve(detail);
    const otherShow = { site: 'netflix' as const, surface: 'detail' as const, siteId: SOMOS_TEST_ID, title: 'Totally Different Show', year: 1995, kind: 'film' as const };
    expect(await resolver.resolve(otherShow)).toEqual({ status: 'none' });
    expect(await shows.keyForSiteId('netflix', SOMOS_TEST_ID)).toBeUndefined();
  });

  it('drops a link to a show the pack no longer has', async () => {
    const { resolver, shows } = resolverOn();
    await shows.linkSiteId({ site: 'netflix', siteId: '80990555', key: 'pack:withdrawn-entry', learnedAt: 1 });
    expect(await resolver.resolve({ site: 'netflix', surface: 'card', siteId: '80990555' })).toEqual({ status: 'none' });
    expect(await shows.keyForSiteId('netflix', '80990555')).toBeUndefined();
  });

  it("lets the pack's own Netflix IDs win over a learned link", async () => {
    const listed = contextFixture({ key: 'pack:listed', ids: { netflix: ['80990600'] } });
    const db = freshDb();
    const shows = createShowRepository(db);
    const resolver = createResolver({ pack: [...pack, listed], shows, watchlist: createWatchlistRepository(db), now: () => 1 });
    await shows.linkSiteId({ site: 'netflix', siteId: '80990600', key: 'pack:somos', learnedAt: 1 });
    expect(await resolver.resolve({ site: 'netflix', surface: 'card', siteId: '80990600' })).toMatchObject({ context: { key: 'pack:listed' } });
  });
});

describe('resolver with live lookups', () => {
  const liveAnswering = (answer: Awaited<ReturnType<LiveService['answer']>>) => ({ answer: vi.fn(async () => answer) }) as unknown as LiveService;

  it('asks the live sources only when the pack has nothing, and passes a failure on', async () => {
    const db = freshDb();
    const live = liveAnswering({ status: 'error', message: "Couldn't reach Wikidata. Try again in a moment.", retryable: true });
    const resolver = createResolver({ pack, shows: createShowRepository(db), watchlist: createWatchlistRepository(db), now: () => 1, live });
    expect(await resolver.resolve(detail)).toMatchObject({ status: 'found', context: { key: 'pack:somos' } });
    expect(live.answer).not.toHaveBeenCalled();
    expect(await resolver.resolve({ site: 'netflix', surface: 'detail', siteId: '80990055', title: 'Paper Harbor', year: 2023, kind: 'film' })).toEqual({
      status: 'error',
      message: "Couldn't reach Wikidata. Try again in a moment.",
      retryable: true,
    });
  });

  it('gives the curated story when a live lookup found a show the pack curates', async () => {
    const db = freshDb();
    const liveSomos = contextFixture({ key: 'wd:Q990000099', title: 'Somos', year: 2021, kind: 'miniseries' });
    const resolver = createResolver({ pack, shows: createShowRepository(db), watchlist: createWatchlistRepository(db), now: () => 1, live: liveAnswering({ status: 'found', context: liveSomos }) });
    const thin = { site: 'netflix' as const, surface: 'card' as const, siteId: '80990017', title: 'Somos' };
    expect(await resolver.resolve(thin)).toMatchObject({ status: 'found', context: { key: 'pack:somos' } });
  });

  it('keeps the live story of a show the pack does not curate', async () => {
    const db = freshDb();
    const paperHarbor = contextFixture({ key: 'wd:Q990000001', title: 'Paper Harbor', year: 2023, kind: 'film' });
    const resolver = createResolver({ pack, shows: createShowRepository(db), watchlist: createWatchlistRepository(db), now: () => 1, live: liveAnswering({ status: 'found', context: paperHarbor }) });
    expect(await resolver.resolve({ site: 'netflix', surface: 'detail', siteId: '80990055', title: 'Paper Harbor', year: 2023, kind: 'film' })).toMatchObject({ context: { key: 'wd:Q990000001' } });
  });
});

describe('resolver: what is known without the network (resolveKnown, for cards)', () => {
  const somosCard: Sighting = { site: 'netflix', surface: 'card', siteId: SOMOS_TEST_ID, title: 'Somos.' };
  type Cached = Awaited<ReturnType<LiveService['cached']>>;

  function withLive(cached: Cached, db = freshDb()) {
    const live = {
      answer: vi.fn(async () => {
        throw new Error('resolveKnown must never run a live lookup');
      }),
      cached: vi.fn(async () => cached),
    };
    const shows = createShowRepository(db);
    const resolver = createResolver({ pack, shows, watchlist: createWatchlistRepository(db), now: () => 1, live: live as unknown as LiveService });
    return { resolver, live, shows };
  }

  it('says none for a card the pack knows by title only: a name without a year is too weak', async () => {
    const { resolver } = resolverOn();
    expect(await resolver.resolveKnown(somosCard)).toEqual({ status: 'none' });
  });

  it('finds a card by the ID a detail view taught, without asking the live cache', async () => {
    const { resolver, live } = withLive({ status: 'unasked' });
    expect(await resolver.resolveKnown(somosCard)).toEqual({ status: 'unasked' });
    await resolver.resolve(detail);
    live.cached.mockClear();
    expect(await resolver.resolveKnown(somosCard)).toEqual({ status: 'found', context: somos });
    expect(live.cached).not.toHaveBeenCalled();
    expect(live.answer).not.toHaveBeenCalled();
  });

  it("finds a card by the pack's own Netflix IDs", async () => {
    const listed = contextFixture({ key: 'pack:listed', ids: { netflix: ['80990600'] } });
    const db = freshDb();
    const resolver = createResolver({ pack: [...pack, listed], shows: createShowRepository(db), watchlist: createWatchlistRepository(db), now: () => 1 });
    expect(await resolver.resolveKnown({ site: 'netflix', surface: 'card', siteId: '80990600', title: 'The Lantern Test' })).toEqual({ status: 'found', context: listed });
  });

  it('finds a card by a strong enough title match, but learns no ID from a card', async () => {
    const { resolver, shows } = resolverOn();
    expect(await resolver.resolveKnown({ ...somosCard, kind: 'miniseries' })).toEqual({ status: 'found', context: somos });
    expect(await shows.keyForSiteId('netflix', SOMOS_TEST_ID)).toBeUndefined();
  });

  it('gives a card whose name does not fit a learned link nothing, but keeps the link (a card may be in another language)', async () => {
    const { resolver, shows } = resolverOn();
    await resolver.resolve(detail);
    expect(await resolver.resolveKnown({ ...somosCard, title: 'We Are' })).toEqual({ status: 'none' });
    expect(await shows.keyForSiteId('netflix', SOMOS_TEST_ID)).toBe('pack:somos');
    expect(await resolver.resolveKnown(somosCard)).toMatchObject({ status: 'found', context: { key: 'pack:somos' } });
  });

  it("passes the live cache's none and unasked on, asking it with the card itself", async () => {
    const card: Sighting = { site: 'netflix', surface: 'card', siteId: '80990055', title: 'Paper Harbor' };
    const unasked = withLive({ status: 'unasked' });
    expect(await unasked.resolver.resolveKnown(card)).toEqual({ status: 'unasked' });
    expect(unasked.live.cached).toHaveBeenCalledWith(card);
    expect(await withLive({ status: 'none' }).resolver.resolveKnown(card)).toEqual({ status: 'none' });
  });

  it('gives the live story a lookup cached, and the curated story when it found a show the pack curates', async () => {
    const paperHarbor = contextFixture({ key: 'wd:Q990000001', title: 'Paper Harbor', year: 2023, kind: 'film' });
    const card: Sighting = { site: 'netflix', surface: 'card', siteId: '80990055', title: 'Paper Harbor' };
    expect(await withLive({ status: 'found', context: paperHarbor }).resolver.resolveKnown(card)).toEqual({ status: 'found', context: paperHarbor });
    const liveSomos = contextFixture({ key: 'wd:Q990000099', title: 'Somos', year: 2021, kind: 'miniseries' });
    expect(await withLive({ status: 'found', context: liveSomos }).resolver.resolveKnown({ ...card, title: 'Somos' })).toEqual({ status: 'found', context: somos });
  });

  it('still answers from the pack when IndexedDB is unavailable, and says none rather than throwing', async () => {
    const { resolver, onStorageError } = resolverOn(brokenDb());
    expect(await resolver.resolveKnown({ ...somosCard, kind: 'miniseries' })).toEqual({ status: 'found', context: somos });
    expect(await resolver.resolveKnown(somosCard)).toEqual({ status: 'none' });
    expect(onStorageError).toHaveBeenCalled();
  });
});
