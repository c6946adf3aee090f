import { ShowContextSchema, type ShowContext, type ShowKey, type Sighting } from '../model';
import type { LookupRepository } from '../db/lookups';
import type { ShowRepository } from '../db/shows';
import { SourceError } from '../sources/types';
import { cardLookupKey, lookupKey } from './lookup-key';
import { t } from '../i18n/t';

const DAY = 24 * 60 * 60 * 1000;

/**
 * How long answers count as fresh; past that they are still used while a refresh runs. A story
 * told without a part that failed for the moment (its reviews) is fresh only for an hour.
 */
export const FRESH_FOR = { found: 7 * DAY, partial: 60 * 60 * 1000, none: 3 * DAY } as const;

/** What one live lookup concluded (lib/resolve/live/ does the looking). */
export type LiveOutcome = { status: 'found'; context: ShowContext; partial?: true; byNetflixId?: true } | { status: 'none' };

export type LiveAnswer =
  | { status: 'found'; context: ShowContext }
  | { status: 'none' }
  | { status: 'error'; message: string; retryable: boolean };

export type CachedAnswer = { status: 'found'; context: ShowContext } | { status: 'none' } | { status: 'unasked' };

export interface LiveServiceDeps {
  shows: ShowRepository;
  lookups: LookupRepository;
  /** Runs the lookup against the live sources; throws SourceError when a source fails. */
  lookUp(sighting: Sighting): Promise<LiveOutcome>;
  /** The user's setting: when off, only the pack and the cache are used and nothing leaves the browser. */
  isAllowed(): Promise<boolean>;
  isOnline(): boolean;
  now(): number;
  /** A background refresh changed what we know about a show: open panels should show it. */
  onRefreshed?(key: ShowKey): void;
  onStorageError?(error: unknown): void;
  onLookupError?(error: unknown): void;
}

/** Whether a refresh brought anything new; the date the sources were read does not count. */
function sameStory(a: ShowContext, b: ShowContext | undefined): boolean {
  if (!b) return false;
  const withoutDates = (context: ShowContext) => JSON.stringify({ ...context, sources: context.sources.map(({ retrieved: _, ...rest }) => rest) });
  return withoutDates(a) === withoutDates(b);
}

/** What the panel says when a lookup fails, per kind of failure, in the browser's language. */
export function describeFailure(error: unknown): { message: string; retryable: boolean } {
  if (!(error instanceof SourceError)) return { message: t('panel_error_lookup'), retryable: true };
  switch (error.failure) {
    case 'offline':
      return { message: t('panel_error_offline'), retryable: true };
    case 'rate-limited':
      return { message: t('panel_error_rate_limited', error.source), retryable: true };
    case 'timeout':
    case 'unavailable':
      return { message: t('panel_error_unreachable', error.source), retryable: true };
    case 'malformed':
    case 'not-found':
      return { message: t('panel_error_unreadable', error.source), retryable: false };
  }
}

/**
 * Live lookups with a cache in front: fresh answers come from IndexedDB; stale ones too, while a
 * refresh runs in the background; concurrent sightings of the same title share one lookup; a
 * failed lookup stores nothing, so it never replaces a good answer.
 */
export function createLiveService(deps: LiveServiceDeps) {
  const inFlight = new Map<string, Promise<LiveOutcome>>();
  /** The first lookup under way per site ID (by its card key), whatever its own key (a card's, a detail view's). */
  const inFlightBySiteId = new Map<string, Promise<LiveOutcome>>();

  async function quietly<T>(work: () => Promise<T>): Promise<T | undefined> {
    try {
      return await work();
    } catch (error) {
      deps.onStorageError?.(error);
      return undefined;
    }
  }

  /**
   * One lookup per key at a time; its outcome is checked against the model's schema and stored
   * before anyone hears of it. A context that fails the schema is an unreadable answer, not a story.
   */
  function lookUpOnce(id: string, sighting: Sighting): Promise<LiveOutcome> {
    const running = inFlight.get(id);
    if (running) return running;
    const lookup = (async () => {
      const outcome = await deps.lookUp(sighting);
      if (outcome.status === 'found' && !ShowContextSchema.safeParse(outcome.context).success) {
        throw new SourceError('Wikidata', 'malformed', 'the story built from the live sources does not hold together');
      }
      await remember(id, outcome);
      // Identified by the page's Netflix ID: the cards with that ID have the same story.
      const cardId = outcome.status === 'found' && outcome.byNetflixId ? cardLookupKey(sighting.site, sighting.siteId) : undefined;
      if (cardId && cardId !== id) await remember(cardId, outcome);
      return outcome;
    })().finally(() => inFlight.delete(id));
    inFlight.set(id, lookup);
    const siteId = cardLookupKey(sighting.site, sighting.siteId);
    if (siteId && !inFlightBySiteId.has(siteId)) {
      inFlightBySiteId.set(siteId, lookup);
      lookup.finally(() => inFlightBySiteId.delete(siteId)).catch(() => {});
    }
    return lookup;
  }

  /**
   * Another lookup of the same site ID is under way under another key (a card's badge lookup, by
   * ID alone, and the detail view of that title): when it identifies the show by that ID, which is
   * certain, its story is this sighting's too, and the sources are asked once. Otherwise (found by
   * name, nothing found, failed) this sighting is looked up on its own.
   */
  async function sameIdLookup(id: string, sighting: Sighting): Promise<LiveOutcome | undefined> {
    const siteId = cardLookupKey(sighting.site, sighting.siteId);
    const other = siteId && !inFlight.has(id) ? inFlightBySiteId.get(siteId) : undefined;
    if (!other) return undefined;
    const outcome = await other.catch(() => undefined);
    if (outcome?.status !== 'found' || !outcome.byNetflixId) return undefined;
    // The kind the page shows decides only when Wikidata has none: then the two may differ.
    if (sighting.kind && outcome.context.kind !== sighting.kind) return undefined;
    await remember(id, outcome);
    return outcome;
  }

  async function remember(id: string, outcome: LiveOutcome): Promise<void> {
    const now = deps.now();
    const freshFor = outcome.status === 'none' ? FRESH_FOR.none : outcome.partial ? FRESH_FOR.partial : FRESH_FOR.found;
    if (outcome.status === 'found') await quietly(() => deps.shows.put(outcome.context, now, now + freshFor));
    const key = outcome.status === 'found' ? outcome.context.key : undefined;
    await quietly(() => deps.lookups.put({ id, outcome: outcome.status, key, storedAt: now, staleAt: now + freshFor }));
  }

  /** Stale answer shown, fresh one fetched quietly; a failure keeps the old answer. */
  function refreshInBackground(id: string, sighting: Sighting, previous: ShowContext | undefined): void {
    void lookUpOnce(id, sighting).then(
      (outcome) => {
        const changed = outcome.status === 'found' ? !sameStory(outcome.context, previous) : previous !== undefined;
        if (changed && previous) deps.onRefreshed?.(previous.key);
      },
      (error: unknown) => deps.onLookupError?.(error),
    );
  }

  /** A cached context is read back as untrusted too: one that no longer fits the schema is refetched. */
  async function cachedContext(key: ShowKey): Promise<ShowContext | undefined> {
    const stored = await quietly(() => deps.shows.get(key));
    return stored && ShowContextSchema.safeParse(stored).success ? stored : undefined;
  }

  /** The cached answer, if any (a stale one starts a quiet refresh); `unasked` when there is none. */
  async function fromCache(id: string, sighting: Sighting, allowed: boolean): Promise<CachedAnswer> {
    const cached = await quietly(() => deps.lookups.get(id));
    if (!cached) return { status: 'unasked' };
    const context = cached.outcome === 'found' && cached.key ? await cachedContext(cached.key) : undefined;
    if (cached.outcome !== 'none' && context === undefined) return { status: 'unasked' };
    if (cached.staleAt <= deps.now() && allowed && deps.isOnline()) refreshInBackground(id, sighting, context);
    return context ? { status: 'found', context } : { status: 'none' };
  }

  return {
    async answer(sighting: Sighting): Promise<LiveAnswer> {
      const id = lookupKey(sighting);
      if (!id) return { status: 'none' };
      const allowed = await deps.isAllowed();
      const cached = await fromCache(id, sighting, allowed);
      if (cached.status !== 'unasked') return cached;
      if (!allowed) return { status: 'none' };
      if (!deps.isOnline()) return { status: 'error', ...describeFailure(new SourceError('Wikidata', 'offline', 'offline')) };
      try {
        return (await sameIdLookup(id, sighting)) ?? (await lookUpOnce(id, sighting));
      } catch (error) {
        deps.onLookupError?.(error);
        return { status: 'error', ...describeFailure(error) };
      }
    },

    /**
     * What is known without asking the network: the cached answer, `none` when nothing may be
     * asked (live lookups off, offline), or `unasked` when a lookup would be needed.
     */
    async cached(sighting: Sighting): Promise<CachedAnswer> {
      const id = lookupKey(sighting);
      if (!id) return { status: 'none' };
      const allowed = await deps.isAllowed();
      const cached = await fromCache(id, sighting, allowed);
      if (cached.status === 'unasked' && (!allowed || !deps.isOnline())) return { status: 'none' };
      return cached;
    },
  };
}
export type LiveService = ReturnType<typeof createLiveService>;
