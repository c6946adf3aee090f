import { describe, expect, it, vi } from 'vitest';
import { createLookupRepository } from '../../../lib/db/lookups';
import { createShowRepository } from '../../../lib/db/shows';
import { createWatchlistRepository } from '../../../lib/db/watchlist';
import { createLiveService } from '../../../lib/resolve/live-service';
import { lookUpLive } from '../../../lib/resolve/live/look-up-live';
import { createResolver } from '../../../lib/resolve/resolver';
import { fitOf, matchTitles } from '../../../lib/search/match-titles';
import { createCachedShowIndex } from '../../../lib/search/cached-shows';
import { createTitleSearch, sightingOf } from '../../../lib/search/title-search';
import { loadPack } from '../../../lib/sources/pack';
import { createTvmazeClient } from '../../../lib/sources/tvmaze';
import { createWikidataClient } from '../../../lib/sources/wikidata';
import { createWikipediaClient } from '../../../lib/sources/wikipedia';
import { fixtureHttpClient } from '../../harness/api-fixtures';
import { contextFixture } from '../support/contexts';
import { brokenDb, freshDb } from '../support/databases';

/**
 * The search as the background builds it: the real pack, the real resolver and live service on a
 * fresh database, the live sources answering from the recorded-shape fixtures.
 */
function searchOn(options: { liveAllowed?: boolean; db?: ReturnType<typeof freshDb> } = {}) {
  const db = options.db ?? freshDb();
  const http = fixtureHttpClient();
  const sources = { wikidata: createWikidataClient(http), wikipedia: createWikipediaClient(http), tvmaze: createTvmazeClient(http) };
  const shows = createShowRepository(db);
  const lookUp = vi.fn((sighting: Parameters<typeof lookUpLive>[0]) => lookUpLive(sighting, sources, { today: '2026-11-24' }));
  const live = createLiveService({
    shows,
    lookups: createLookupRepository(db),
    lookUp,
    isAllowed: async () => options.liveAllowed ?? true,
    isOnline: () => true,
    now: () => 1_000,
  });
  const pack = loadPack();
  const resolver = createResolver({ pack, shows, watchlist: createWatchlistRepository(db), now: () => 1_000, live });
  const search = createTitleSearch({
    pack,
    cachedShows: createCachedShowIndex(db).shows,
    resolver,
    liveAllowed: async () => options.liveAllowed ?? true,
  });
  return { search, db, lookUp, http };
}

describe('title matching', () => {
  it('matches whole titles, their beginnings and the beginnings of their words, whatever the accents and stops', () => {
    expect(fitOf('Somos.', 'somos')).toBe('exact');
    expect(fitOf('Somos.', 'som')).toBe('prefix');
    expect(fitOf('Las hermanas Niebla', 'herm')).toBe('word');
    expect(fitOf('Somos.', 'mos')).toBeUndefined();
    expect(fitOf('Sómos', 'somos')).toBe('exact');
  });

  it('puts the best fits first and keeps to the limit', () => {
    const shows = [
      contextFixture({ key: 'pack:a', title: 'The Harbor Road' }),
      contextFixture({ key: 'pack:b', title: 'Harbor' }),
      contextFixture({ key: 'pack:c', title: 'Harbor Lights' }),
      contextFixture({ key: 'pack:d', title: 'Unrelated', originalTitle: 'Harbor des Fous' }),
    ];
    expect(matchTitles(shows, 'harbor', 10).map((show) => show.key)).toEqual(['pack:b', 'pack:c', 'pack:d', 'pack:a']);
    expect(matchTitles(shows, 'harbor', 2)).toHaveLength(2);
    expect(matchTitles(shows, '  ', 10)).toEqual([]);
  });

  it('reads a year at the end of the text as the year, not as part of the title', () => {
    expect(sightingOf('Paper Harbor 2023')).toEqual({ site: 'netflix', surface: 'detail', title: 'Paper Harbor', year: 2023 });
    expect(sightingOf('Paper Harbor (2023)')).toMatchObject({ title: 'Paper Harbor', year: 2023 });
    expect(sightingOf('1917')).toEqual({ site: 'netflix', surface: 'detail', title: '1917' });
    expect(sightingOf('Blade Runner 2049')).toMatchObject({ title: 'Blade Runner', year: 2049 });
  });
});

describe('title search', () => {
  it('finds Somos. in the pack at once, with what it is based on, and asks no live source', async () => {
    const { search, lookUp } = searchOn();
    const result = await search.search({ text: 'som', live: false });
    expect(result).toEqual({
      ok: true,
      hits: [
        {
          key: 'pack:somos',
          title: 'Somos.',
          year: 2021,
          kind: 'miniseries',
          basedOn: 'How the U.S. Triggered a Massacre in Mexico · ProPublica, 2017',
          from: 'pack',
        },
      ],
    });
    expect(lookUp).not.toHaveBeenCalled();
  });

  it('filters the pack by a year typed after the title', async () => {
    const { search } = searchOn();
    expect(await search.search({ text: 'Somos 2021', live: false })).toMatchObject({ ok: true, hits: [{ key: 'pack:somos' }] });
    expect(await search.search({ text: 'Somos 1999', live: false })).toEqual({ ok: true, hits: [] });
  });

  it('finds shows the live sources found before, from the cache, without the network', async () => {
    const { search, db, lookUp } = searchOn();
    const cached = contextFixture({ key: 'wd:Q123', title: 'Tidewater Letters', year: 2019 });
    await db.shows.put({ key: cached.key, context: cached, storedAt: 1, staleAt: 2 });
    const result = await search.search({ text: 'letters', live: false });
    expect(result).toMatchObject({ ok: true, hits: [{ key: 'wd:Q123', title: 'Tidewater Letters', year: 2019, from: 'cache', basedOn: 'An Invented Book · 2015' }] });
    expect(lookUp).not.toHaveBeenCalled();
  });

  it('skips a cached show that no longer fits the schema', async () => {
    const { search, db } = searchOn();
    await db.shows.put({ key: 'wd:Q5', context: { key: 'wd:Q5', title: 'Letters From Nowhere' } as never, storedAt: 1, staleAt: 2 });
    expect(await search.search({ text: 'letters', live: false })).toEqual({ ok: true, hits: [] });
  });

  it('adds a live match when the text names the title and its year, and caches it for the next search', async () => {
    const { search, lookUp } = searchOn();
    const result = await search.search({ text: 'Paper Harbor 2023', live: true });
    expect(result).toMatchObject({ ok: true, hits: [{ key: 'wd:Q990000001', title: 'Paper Harbor', year: 2023, kind: 'film', from: 'live' }] });
    expect(lookUp).toHaveBeenCalledTimes(1);
    expect(await search.search({ text: 'paper', live: false })).toMatchObject({ ok: true, hits: [{ key: 'wd:Q990000001', from: 'cache' }] });
  });

  it('shows nothing for a live match too weak to trust (a title alone, no year)', async () => {
    const { search, lookUp } = searchOn();
    expect(await search.search({ text: 'Paper Harbor', live: true })).toEqual({ ok: true, hits: [] });
    expect(await search.search({ text: 'Night Ferry', live: true })).toEqual({ ok: true, hits: [] });
    expect(lookUp).toHaveBeenCalledTimes(2);
  });

  it('asks no live source when live lookups are off, even when the popup asks for live', async () => {
    const { search, lookUp, http } = searchOn({ liveAllowed: false });
    expect(await search.search({ text: 'Paper Harbor 2023', live: true })).toEqual({ ok: true, hits: [] });
    expect(lookUp).not.toHaveBeenCalled();
    expect(http.urls).toEqual([]);
  });

  it('still searches the pack when storage is broken, and says so when that leaves nothing', async () => {
    const db = brokenDb();
    const { search } = searchOn({ db, liveAllowed: false });
    expect(await search.search({ text: 'somos', live: false })).toMatchObject({ ok: true, hits: [{ key: 'pack:somos' }] });
    expect(await search.search({ text: 'paper', live: false })).toMatchObject({ ok: false, message: expect.stringMatching(/can't be read right now/) });
  });
});
