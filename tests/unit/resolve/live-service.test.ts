import { describe, expect, it, vi } from 'vitest';
import { createLookupRepository } from '../../../lib/db/lookups';
import { createShowRepository } from '../../../lib/db/shows';
import type { Sighting } from '../../../lib/model';
import { createLiveService, FRESH_FOR, type LiveOutcome } from '../../../lib/resolve/live-service';
import { SourceError } from '../../../lib/sources/types';
import { contextFixture } from '../support/contexts';
import { brokenDb, freshDb } from '../support/databases';

const paperHarbor = contextFixture({ key: 'wd:Q990000001', title: 'Paper Harbor', year: 2023, kind: 'film' });
const sighting: Sighting = { site: 'netflix', surface: 'detail', siteId: '80990055', title: 'Paper Harbor', year: 2023, kind: 'film' };
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

function serviceWith(lookUp: (sighting: Sighting) => Promise<LiveOutcome>, options: { db?: ReturnType<typeof freshDb>; allowed?: boolean; online?: boolean; now?: () => number } = {}) {
  const db = options.db ?? freshDb();
  let allowed = options.allowed ?? true;
  let online = options.online ?? true;
  let clock = 1_000_000;
  const onRefreshed = vi.fn();
  const onLookupError = vi.fn();
  const lookUpSpy = vi.fn(lookUp);
  const service = createLiveService({
    shows: createShowRepository(db),
    lookups: createLookupRepository(db),
    lookUp: lookUpSpy,
    isAllowed: async () => allowed,
    isOnline: () => online,
    now: options.now ?? (() => clock),
    onRefreshed,
    onLookupError,
  });
  return {
    service,
    lookUp: lookUpSpy,
    onRefreshed,
    onLookupError,
    advance: (ms: number) => (clock += ms),
    setAllowed: (value: boolean) => (allowed = value),
    setOnline: (value: boolean) => (online = value),
  };
}

describe('live lookups with their cache', () => {
  it('looks a new title up once, then answers from the cache', async () => {
    const { service, lookUp } = serviceWith(async () => ({ status: 'found', context: paperHarbor }));
    expect(await service.answer(sighting)).toEqual({ status: 'found', context: paperHarbor });
    expect(await service.answer(sighting)).toEqual({ status: 'found', context: paperHarbor });
    expect(lookUp).toHaveBeenCalledOnce();
  });

  it('shares one lookup among concurrent sightings of the same title', async () => {
    let finish!: (outcome: LiveOutcome) => void;
    const { service, lookUp } = serviceWith(() => new Promise((resolve) => (finish = resolve)));
    // Any surface but a card shares the key (a card's lookup is by ID alone: see lookup-key.test.ts).
    const answers = Promise.all([service.answer(sighting), service.answer(sighting), service.answer({ ...sighting, surface: 'mini' })]);
    await vi.waitFor(() => expect(lookUp).toHaveBeenCalled());
    await flush();
    finish({ status: 'found', context: paperHarbor });
    expect((await answers).map((answer) => answer.status)).toEqual(['found', 'found', 'found']);
    expect(lookUp).toHaveBeenCalledOnce();
  });

  it('remembers "no story" for a shorter time, then asks again', async () => {
    const { service, lookUp, advance } = serviceWith(async () => ({ status: 'none' }));
    expect(await service.answer(sighting)).toEqual({ status: 'none' });
    advance(FRESH_FOR.none - 1);
    expect(await service.answer(sighting)).toEqual({ status: 'none' });
    expect(lookUp).toHaveBeenCalledOnce();
    advance(2);
    await service.answer(sighting);
    await vi.waitFor(() => expect(lookUp).toHaveBeenCalledTimes(2));
  });

  it('shows a stale answer at once and refreshes it in the background, telling open panels when it changed', async () => {
    const updated = { ...paperHarbor, tagline: 'A newer description.' };
    const outcomes: LiveOutcome[] = [{ status: 'found', context: paperHarbor }, { status: 'found', context: updated }];
    const { service, lookUp, advance, onRefreshed } = serviceWith(async () => outcomes.shift()!);
    await service.answer(sighting);
    advance(FRESH_FOR.found + 1);
    expect(await service.answer(sighting)).toEqual({ status: 'found', context: paperHarbor });
    await vi.waitFor(() => expect(onRefreshed).toHaveBeenCalledWith('wd:Q990000001'));
    expect(lookUp).toHaveBeenCalledTimes(2);
    expect(await service.answer(sighting)).toEqual({ status: 'found', context: updated });
  });

  it('keeps the good cached answer when the refresh fails', async () => {
    const { service, advance, onLookupError } = serviceWith(
      vi
        .fn<(s: Sighting) => Promise<LiveOutcome>>()
        .mockResolvedValueOnce({ status: 'found', context: paperHarbor })
        .mockRejectedValueOnce(new SourceError('Wikipedia', 'unavailable', 'Wikipedia answered 503')),
    );
    await service.answer(sighting);
    advance(FRESH_FOR.found + 1);
    await service.answer(sighting);
    await vi.waitFor(() => expect(onLookupError).toHaveBeenCalledOnce());
    expect(await service.answer(sighting)).toEqual({ status: 'found', context: paperHarbor });
  });

  it('stores nothing from a failed lookup and says which source failed, with a retry', async () => {
    const { service, lookUp } = serviceWith(async () => {
      throw new SourceError('Wikipedia', 'timeout', 'Wikipedia did not answer in time');
    });
    expect(await service.answer(sighting)).toEqual({ status: 'error', message: "Couldn't reach Wikipedia. Try again in a moment.", retryable: true });
    await service.answer(sighting);
    expect(lookUp).toHaveBeenCalledTimes(2);
  });

  it('does not offer a retry for an answer it could not read', async () => {
    const { service } = serviceWith(async () => {
      throw new SourceError('Wikidata', 'malformed', 'not JSON');
    });
    expect(await service.answer(sighting)).toMatchObject({ status: 'error', retryable: false });
  });

  it('with live lookups off, uses only the cache and sends nothing', async () => {
    const { service, lookUp, setAllowed } = serviceWith(async () => ({ status: 'found', context: paperHarbor }));
    await service.answer(sighting);
    setAllowed(false);
    expect(await service.answer(sighting)).toEqual({ status: 'found', context: paperHarbor });
    expect(await service.answer({ ...sighting, siteId: '80990099', title: 'Another Title' })).toEqual({ status: 'none' });
    expect(lookUp).toHaveBeenCalledOnce();
  });

  it('offline: cached titles still work, new ones say they need the network', async () => {
    const { service, lookUp, setOnline } = serviceWith(async () => ({ status: 'found', context: paperHarbor }));
    await service.answer(sighting);
    setOnline(false);
    expect(await service.answer(sighting)).toEqual({ status: 'found', context: paperHarbor });
    expect(await service.answer({ ...sighting, siteId: '80990099', title: 'Another Title' })).toMatchObject({ status: 'error', message: expect.stringMatching(/needs the network/) });
    expect(lookUp).toHaveBeenCalledOnce();
  });

  it('still answers when IndexedDB fails, it just cannot remember', async () => {
    const { service, lookUp } = serviceWith(async () => ({ status: 'found', context: paperHarbor }), { db: brokenDb() });
    expect(await service.answer(sighting)).toEqual({ status: 'found', context: paperHarbor });
    expect(await service.answer(sighting)).toEqual({ status: 'found', context: paperHarbor });
    expect(lookUp).toHaveBeenCalledTimes(2);
  });

  it('a sighting without ID or title is not looked up', async () => {
    const { service, lookUp } = serviceWith(async () => ({ status: 'found', context: paperHarbor }));
    expect(await service.answer({ site: 'netflix', surface: 'watch', playableId: '80990101' })).toEqual({ status: 'none' });
    expect(lookUp).not.toHaveBeenCalled();
  });
});

describe('live lookups: what gets stored, and for how long', () => {
  it('keeps a story told without its reviews for an hour only', async () => {
    const { service, lookUp, advance } = serviceWith(async () => ({ status: 'found', context: paperHarbor, partial: true }));
    await service.answer(sighting);
    advance(FRESH_FOR.partial - 1);
    await service.answer(sighting);
    expect(lookUp).toHaveBeenCalledOnce();
    advance(2);
    await service.answer(sighting);
    await vi.waitFor(() => expect(lookUp).toHaveBeenCalledTimes(2));
  });

  it('refuses a story that does not hold together, and stores nothing', async () => {
    const broken = { ...paperHarbor, sources: [] };
    const db = freshDb();
    const { service } = serviceWith(async () => ({ status: 'found', context: broken }), { db });
    expect(await service.answer(sighting)).toMatchObject({ status: 'error', retryable: false });
    expect(await db.lookups.count()).toBe(0);
    expect(await db.shows.count()).toBe(0);
  });

  it('does not call a refresh a change when only the date the sources were read changed', async () => {
    const read = (retrieved: string) => ({ ...paperHarbor, sources: paperHarbor.sources.map((source) => ({ ...source, retrieved })) });
    const outcomes: LiveOutcome[] = [{ status: 'found', context: read('2026-11-01') }, { status: 'found', context: read('2026-11-24') }];
    const { service, lookUp, advance, onRefreshed } = serviceWith(async () => outcomes.shift()!);
    await service.answer(sighting);
    advance(FRESH_FOR.found + 1);
    await service.answer(sighting);
    await vi.waitFor(() => expect(lookUp).toHaveBeenCalledTimes(2));
    await flush();
    expect(onRefreshed).not.toHaveBeenCalled();
  });

  it('keeps apart what a player without a title and a detail view with one have found', async () => {
    const outcomes: LiveOutcome[] = [{ status: 'none' }, { status: 'found', context: paperHarbor }];
    const { service } = serviceWith(async () => outcomes.shift()!);
    expect(await service.answer({ site: 'netflix', surface: 'watch', siteId: '80990055', playableId: '80990055' })).toEqual({ status: 'none' });
    expect(await service.answer(sighting)).toEqual({ status: 'found', context: paperHarbor });
  });
});

describe('live lookups: what is known without asking (cards)', () => {
  const card: Sighting = { site: 'netflix', surface: 'card', siteId: '80990055', title: 'Paper Harbor' };
  const never = async (): Promise<LiveOutcome> => {
    throw new Error('cached() must not look anything up');
  };

  it('says "unasked" for a title never looked up, and asks no one', async () => {
    const { service, lookUp } = serviceWith(never);
    expect(await service.cached(card)).toEqual({ status: 'unasked' });
    expect(await service.cached(sighting)).toEqual({ status: 'unasked' });
    await flush();
    expect(lookUp).not.toHaveBeenCalled();
  });

  it('says "none" instead of "unasked" when nothing may be asked: live lookups off, or offline', async () => {
    const { service, lookUp, setAllowed, setOnline } = serviceWith(never);
    setAllowed(false);
    expect(await service.cached(card)).toEqual({ status: 'none' });
    setAllowed(true);
    setOnline(false);
    expect(await service.cached(card)).toEqual({ status: 'none' });
    setOnline(true);
    expect(await service.cached(card)).toEqual({ status: 'unasked' });
    expect(lookUp).not.toHaveBeenCalled();
  });

  it('says "none" for a sighting with neither ID nor title', async () => {
    const { service, lookUp } = serviceWith(never);
    expect(await service.cached({ site: 'netflix', surface: 'card' })).toEqual({ status: 'none' });
    expect(lookUp).not.toHaveBeenCalled();
  });

  it("gives a card's cached answer, found or none, once a lookup has stored it", async () => {
    const outcomes: LiveOutcome[] = [{ status: 'found', context: paperHarbor }, { status: 'none' }];
    const { service, lookUp } = serviceWith(async () => outcomes.shift()!);
    const other: Sighting = { site: 'netflix', surface: 'card', siteId: '80990099', title: 'Another Title' };
    await service.answer(card);
    await service.answer(other);
    expect(lookUp).toHaveBeenCalledTimes(2);
    expect(await service.cached(card)).toEqual({ status: 'found', context: paperHarbor });
    expect(await service.cached(other)).toEqual({ status: 'none' });
    await flush();
    expect(lookUp).toHaveBeenCalledTimes(2);
  });

  it('gives the cached answer even when live lookups are off or the browser is offline', async () => {
    const { service, setAllowed, setOnline } = serviceWith(async () => ({ status: 'found', context: paperHarbor }));
    await service.answer(card);
    setAllowed(false);
    expect(await service.cached(card)).toEqual({ status: 'found', context: paperHarbor });
    setAllowed(true);
    setOnline(false);
    expect(await service.cached(card)).toEqual({ status: 'found', context: paperHarbor });
  });

  it("answers a card from a detail view's lookup that identified the show by its Netflix ID", async () => {
    const { service, lookUp } = serviceWith(async () => ({ status: 'found', context: paperHarbor, byNetflixId: true }));
    await service.answer(sighting);
    expect(await service.cached({ ...card, title: 'Paper Harbour' })).toEqual({ status: 'found', context: paperHarbor });
    expect(await service.cached({ ...card, siteId: '80990056' })).toEqual({ status: 'unasked' });
    await flush();
    expect(lookUp).toHaveBeenCalledOnce();
  });

  it("does not take a detail view's answer for a card's when it was found by name, or found nothing", async () => {
    const outcomes: LiveOutcome[] = [{ status: 'found', context: paperHarbor }, { status: 'none' }];
    const { service } = serviceWith(async () => outcomes.shift()!);
    await service.answer(sighting);
    expect(await service.cached(card)).toEqual({ status: 'unasked' });
    await service.answer({ ...sighting, siteId: '80990099', title: 'Another Title' });
    expect(await service.cached({ ...card, siteId: '80990099', title: 'Another Title' })).toEqual({ status: 'unasked' });
  });

  it("does not take a detail view's answer for a card's (nor the other way round)", async () => {
    const { service } = serviceWith(async () => ({ status: 'found', context: paperHarbor }));
    await service.answer({ ...sighting, year: undefined, kind: undefined });
    expect(await service.cached(card)).toEqual({ status: 'unasked' });
    await service.answer({ ...card, title: 'Card Only' });
    expect(await service.cached({ ...card, surface: 'detail', title: 'Card Only' })).toEqual({ status: 'unasked' });
  });

  it('treats a cached "found" whose story is gone or unreadable as unasked, or none when nothing may be asked', async () => {
    const db = freshDb();
    const { service, setAllowed } = serviceWith(async () => ({ status: 'found', context: paperHarbor }), { db });
    await service.answer(card);
    await db.shows.update('wd:Q990000001', { context: { ...paperHarbor, sources: [] } });
    expect(await service.cached(card)).toEqual({ status: 'unasked' });
    setAllowed(false);
    expect(await service.cached(card)).toEqual({ status: 'none' });
  });

  it('refreshes a stale answer in the background, but only when live lookups are allowed and online', async () => {
    const updated = { ...paperHarbor, tagline: 'A newer description.' };
    const outcomes: LiveOutcome[] = [{ status: 'found', context: paperHarbor }, { status: 'found', context: updated }];
    const { service, lookUp, advance, setAllowed, setOnline, onRefreshed } = serviceWith(async () => outcomes.shift()!);
    await service.answer(card);
    expect(await service.cached(card)).toEqual({ status: 'found', context: paperHarbor });
    await flush();
    expect(lookUp).toHaveBeenCalledOnce(); // fresh: no refresh

    advance(FRESH_FOR.found + 1);
    setAllowed(false);
    expect(await service.cached(card)).toEqual({ status: 'found', context: paperHarbor });
    setAllowed(true);
    setOnline(false);
    expect(await service.cached(card)).toEqual({ status: 'found', context: paperHarbor });
    await flush();
    expect(lookUp).toHaveBeenCalledOnce();

    setOnline(true);
    expect(await service.cached(card)).toEqual({ status: 'found', context: paperHarbor });
    await vi.waitFor(() => expect(onRefreshed).toHaveBeenCalledWith('wd:Q990000001'));
    expect(lookUp).toHaveBeenCalledTimes(2);
    expect(await service.cached(card)).toEqual({ status: 'found', context: updated });
  });

  it('still answers when IndexedDB fails: nothing is cached, so unasked (or none when live is off)', async () => {
    const { service, lookUp, setAllowed } = serviceWith(never, { db: brokenDb() });
    expect(await service.cached(card)).toEqual({ status: 'unasked' });
    setAllowed(false);
    expect(await service.cached(card)).toEqual({ status: 'none' });
    expect(lookUp).not.toHaveBeenCalled();
  });
});

describe('live lookups: one Netflix ID looked up once at a time', () => {
  const card: Sighting = { site: 'netflix', surface: 'card', siteId: '80990055', title: 'Paper Harbor' };

  /** Each lookup waits for the test to finish it, in the order they were asked. */
  function heldLookups() {
    const waiting: { sighting: Sighting; finish: (outcome: LiveOutcome) => void; fail: (error: Error) => void }[] = [];
    const harness = serviceWith((asked) => new Promise((finish, fail) => waiting.push({ sighting: asked, finish, fail })));
    return { ...harness, waiting };
  }

  it("lets a detail view wait for its card's lookup instead of asking the sources again", async () => {
    const { service, lookUp, waiting } = heldLookups();
    const badge = service.answer(card);
    await vi.waitFor(() => expect(waiting).toHaveLength(1));
    const detail = service.answer(sighting);
    await flush();
    waiting[0]!.finish({ status: 'found', context: paperHarbor, byNetflixId: true });
    expect(await badge).toMatchObject({ status: 'found', context: paperHarbor });
    expect(await detail).toMatchObject({ status: 'found', context: paperHarbor });
    expect(lookUp).toHaveBeenCalledOnce();
    expect(await service.cached(sighting)).toEqual({ status: 'found', context: paperHarbor });
  });

  it("lets a card wait for the detail view's lookup of the same ID", async () => {
    const { service, lookUp, waiting } = heldLookups();
    const detail = service.answer(sighting);
    await vi.waitFor(() => expect(waiting).toHaveLength(1));
    const badge = service.answer(card);
    await flush();
    waiting[0]!.finish({ status: 'found', context: paperHarbor, byNetflixId: true });
    expect((await Promise.all([detail, badge])).map((answer) => answer.status)).toEqual(['found', 'found']);
    expect(lookUp).toHaveBeenCalledOnce();
  });

  it('looks the detail view up on its own when the other lookup found nothing, found by name, or failed', async () => {
    const endings: ((held: ReturnType<typeof heldLookups>['waiting'][number]) => void)[] = [
      (held) => held.finish({ status: 'none' }),
      (held) => held.finish({ status: 'found', context: paperHarbor }),
      (held) => held.fail(new SourceError('Wikidata', 'unavailable', '503')),
    ];
    for (const end of endings) {
      const { service, lookUp, waiting } = heldLookups();
      void service.answer(card).catch(() => {});
      await vi.waitFor(() => expect(waiting).toHaveLength(1));
      const detail = service.answer(sighting);
      await flush();
      end(waiting[0]!);
      await vi.waitFor(() => expect(waiting).toHaveLength(2));
      expect(waiting[1]!.sighting).toEqual(sighting);
      waiting[1]!.finish({ status: 'found', context: paperHarbor, byNetflixId: true });
      expect(await detail).toMatchObject({ status: 'found', context: paperHarbor });
      expect(lookUp).toHaveBeenCalledTimes(2);
    }
  });

  it('looks the detail view up on its own when the page shows another kind than the story found for the card', async () => {
    const { service, waiting } = heldLookups();
    void service.answer(card);
    await vi.waitFor(() => expect(waiting).toHaveLength(1));
    const detail = service.answer({ ...sighting, kind: 'series' });
    await flush();
    waiting[0]!.finish({ status: 'found', context: paperHarbor, byNetflixId: true });
    await vi.waitFor(() => expect(waiting).toHaveLength(2));
    waiting[1]!.finish({ status: 'found', context: { ...paperHarbor, kind: 'series' }, byNetflixId: true });
    expect(await detail).toMatchObject({ status: 'found', context: { kind: 'series' } });
  });

  it('does not wait for a lookup of another ID', async () => {
    const { service, waiting } = heldLookups();
    void service.answer(card);
    await vi.waitFor(() => expect(waiting).toHaveLength(1));
    void service.answer({ ...sighting, siteId: '80990056' });
    await vi.waitFor(() => expect(waiting).toHaveLength(2));
  });
});

