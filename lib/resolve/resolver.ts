import type { Resolution, ShowContext, ShowKey, Sighting, StorageState } from '../model';
import type { ShowRepository } from '../db/shows';
import type { WatchlistRepository } from '../db/watchlist';
import { matchPack } from './match-pack';

export interface ResolverDeps {
  pack: readonly ShowContext[];
  shows: ShowRepository;
  watchlist: WatchlistRepository;
  now: () => number;
  /** Told about storage failures, which never stop the pack's story from showing. */
  onStorageError?: (error: unknown) => void;
}

/**
 * Sighting in, story out: the site-ID links learned before, then the curated pack.
 *
 * Storage is an optimisation and the watchlist's home, never a condition for showing what the
 * pack knows: if IndexedDB fails, the pack's context still comes back, marked so the panel can
 * say that saving is not possible right now.
 */
export function createResolver(deps: ResolverDeps) {
  const packByKey = new Map(deps.pack.map((entry) => [entry.key, entry]));

  async function attempt<T>(work: () => Promise<T>, storage: { state: StorageState }): Promise<T | undefined> {
    try {
      return await work();
    } catch (error) {
      storage.state = 'unavailable';
      deps.onStorageError?.(error);
      return undefined;
    }
  }

  async function contextForKey(key: ShowKey, storage: { state: StorageState }): Promise<ShowContext | undefined> {
    const fromPack = packByKey.get(key);
    if (fromPack) return fromPack;
    const cached = await attempt(() => deps.shows.get(key), storage);
    return cached?.context;
  }

  return {
    /** The context behind a key (the pack's own entry wins over any cached copy), if any. */
    async contextForKey(key: ShowKey): Promise<ShowContext | undefined> {
      return contextForKey(key, { state: 'ok' });
    },

    async resolve(sighting: Sighting): Promise<Resolution> {
      const storage = { state: 'ok' as StorageState };
      const { siteId } = sighting;

      const linkedKey = siteId ? await attempt(() => deps.shows.keyForSiteId(sighting.site, siteId), storage) : undefined;
      let context = linkedKey ? await contextForKey(linkedKey, storage) : undefined;

      if (!context) {
        const match = matchPack(sighting, deps.pack);
        if (!match.entry) return { status: 'none' };
        context = match.entry;
        const found = context;
        if (siteId) {
          await attempt(
            () => deps.shows.linkSiteId({ site: sighting.site, siteId, key: found.key, via: match.via, learnedAt: deps.now() }),
            storage,
          );
        }
        await attempt(() => deps.shows.put(found, 'pack', deps.now()), storage);
      }

      const key = context.key;
      const saved = (await attempt(() => deps.watchlist.has(key), storage)) ?? false;
      return { status: 'found', context, saved, storage: storage.state };
    },
  };
}
export type Resolver = ReturnType<typeof createResolver>;
