import type { Resolution, ShowContext, ShowKey, Sighting, StorageState } from '../model';
import type { ShowRepository } from '../db/shows';
import type { WatchlistRepository } from '../db/watchlist';
import type { CachedAnswer, LiveService } from './live-service';
import { contradicts, matchPack, type PackMatch } from './match-pack';

/** What is known about a title without asking the network. */
export type KnownResolution = { status: 'found'; context: ShowContext } | Exclude<CachedAnswer, { status: 'found' }>;

export interface ResolverDeps {
  pack: readonly ShowContext[];
  shows: ShowRepository;
  watchlist: WatchlistRepository;
  now: () => number;
  /** Told about storage failures, which never stop the pack's story from showing. */
  onStorageError?: (error: unknown) => void;
  /** Live lookups (with their cache) for titles the pack does not know. */
  live?: LiveService;
}

/** Where a sighting's ID and its text can be trusted to be about the same title. */
const LEARNING_SURFACES = new Set<Sighting['surface']>(['detail', 'title-page']);

/**
 * Sighting in, story out: the pack's own Netflix IDs, then the ID links learned before, then the
 * pack by title, then live lookups (cached). The pack wins wherever it has an entry.
 *
 * A link is learned only from a title match backed by the year on a detail view, and it is
 * re-checked on every use: a sighting that contradicts it (another name, year or kind) drops it.
 * Storage is an optimisation and the watchlist's home, never a condition for showing what the pack
 * knows: if IndexedDB fails, the pack's context still comes back, marked so the panel can say that
 * saving is not possible right now.
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
    return packByKey.get(key) ?? (await attempt(() => deps.shows.get(key), storage));
  }

  async function fromLearnedLink(sighting: Sighting, storage: { state: StorageState }): Promise<ShowContext | undefined> {
    const { site, siteId } = sighting;
    if (!siteId) return undefined;
    const key = await attempt(() => deps.shows.keyForSiteId(site, siteId), storage);
    if (!key) return undefined;
    const context = await contextForKey(key, storage);
    if (context && !contradicts(sighting, context)) return context;
    // A card's name alone (maybe in the profile's language) is no reason to drop what a detail view
    // taught; a link to a story no longer on file goes whoever finds it.
    if (!context || sighting.surface !== 'card') await attempt(() => deps.shows.unlinkSiteId(site, siteId), storage);
    return undefined;
  }

  /**
   * The pack wins wherever it has an entry: a live lookup that found a show the pack curates
   * (the page gave too little to match the pack directly) gets the curated story.
   */
  function curatedTwin(live: ShowContext, site: Sighting['site']): ShowContext | undefined {
    const asSeen: Sighting = { site, surface: 'detail', title: live.title, year: live.year, kind: live.kind };
    const twin = matchPack(asSeen, deps.pack);
    if (twin.entry) return twin.entry;
    if (!live.originalTitle) return undefined;
    return matchPack({ ...asSeen, title: live.originalTitle }, deps.pack).entry ?? undefined;
  }

  function worthLearning(sighting: Sighting, match: PackMatch): boolean {
    return match.entry !== null && match.via === 'title' && sighting.year !== undefined && LEARNING_SURFACES.has(sighting.surface);
  }

  return {
    /** The context behind a key (the pack's own entry wins over any cached copy), if any. */
    async contextForKey(key: ShowKey): Promise<ShowContext | undefined> {
      return contextForKey(key, { state: 'ok' });
    },

    async resolve(sighting: Sighting): Promise<Resolution> {
      const storage = { state: 'ok' as StorageState };
      let context = await offline(sighting, storage);
      if (!context && deps.live) {
        const answer = await deps.live.answer(sighting);
        if (answer.status === 'error') return answer;
        if (answer.status === 'found') context = curatedTwin(answer.context, sighting.site) ?? answer.context;
      }
      if (!context) return { status: 'none' };

      const key = context.key;
      const saved = (await attempt(() => deps.watchlist.has(key), storage)) ?? false;
      return { status: 'found', context, saved, storage: storage.state };
    },

    /**
     * A card's story as far as it is known without the network: the pack, learned links, the
     * cache. `unasked` means a live lookup (`resolve`) could still find one.
     */
    async resolveKnown(sighting: Sighting): Promise<KnownResolution> {
      const context = await offline(sighting, { state: 'ok' });
      if (context) return { status: 'found', context };
      if (!deps.live) return { status: 'none' };
      const answer = await deps.live.cached(sighting);
      if (answer.status !== 'found') return answer;
      return { status: 'found', context: curatedTwin(answer.context, sighting.site) ?? answer.context };
    },
  };

  /** The pack by ID, a learned link, the pack by title (learning the ID when the match is strong). */
  async function offline(sighting: Sighting, storage: { state: StorageState }): Promise<ShowContext | undefined> {
    const match = matchPack(sighting, deps.pack);
    if (match.entry && match.via === 'site-id') return match.entry;
    const linked = await fromLearnedLink(sighting, storage);
    if (linked || !match.entry) return linked;
    const { siteId } = sighting;
    if (siteId && worthLearning(sighting, match)) {
      const link = { site: sighting.site, siteId, key: match.entry.key, learnedAt: deps.now() };
      await attempt(() => deps.shows.linkSiteId(link), storage);
    }
    return match.entry;
  }
}
export type Resolver = ReturnType<typeof createResolver>;
