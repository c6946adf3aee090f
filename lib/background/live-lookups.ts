import { browser } from 'wxt/browser';
import type { BackstoryDb } from '../db/schema';
import { createLookupRepository } from '../db/lookups';
import type { ShowRepository } from '../db/shows';
import type { PartialDate } from '../model';
import { createLiveService, type LiveService } from '../resolve/live-service';
import { lookUpLive } from '../resolve/live/look-up-live';
import { hasLiveSourceAccess } from '../permissions/live-sources';
import { liveLookupsEnabled } from '../settings';
import { createHttpClient, type FetchFunction } from '../sources/http';
import { createTvmazeClient } from '../sources/tvmaze';
import type { LiveSources } from '../sources/types';
import { createWikidataClient } from '../sources/wikidata';
import { createWikipediaClient } from '../sources/wikipedia';

/** Today as the sources' "retrieved" date. */
function today(now: number): PartialDate {
  return new Date(now).toISOString().slice(0, 10);
}

/**
 * The live sources as the background uses them: one HTTP client for all three, so each host has
 * one queue and one rate however many lookups run.
 */
export function createLiveSources(version: string, isSwitchedOn: () => boolean = () => true): LiveSources {
  const http = createHttpClient({ version, fetch: switchableFetch(isSwitchedOn) });
  return { wikidata: createWikidataClient(http), wikipedia: createWikipediaClient(http), tvmaze: createTvmazeClient(http) };
}

/**
 * The off switch reaches lookups already under way (a badge queue, a retry waiting its turn):
 * every request checks it just before it would leave, and fails as a network error when it is off.
 */
export function switchableFetch(isSwitchedOn: () => boolean): FetchFunction {
  return (input, init) => (isSwitchedOn() ? globalThis.fetch(input, init) : Promise.reject(new TypeError('Backstory: live lookups are switched off')));
}

/** The live-lookups setting, kept in memory so every request can check it without waiting. */
function followLiveSwitch(): () => boolean {
  let on = true;
  void liveLookupsEnabled.getValue().then((value) => (on = value));
  liveLookupsEnabled.watch((value) => (on = value));
  return () => on;
}

export function createLiveLookups(options: {
  db: BackstoryDb;
  shows: ShowRepository;
  onRefreshed(key: string): void;
  log(message: string, error?: unknown): void;
}): LiveService {
  const sources = createLiveSources(browser.runtime.getManifest().version, followLiveSwitch());
  return createLiveService({
    shows: options.shows,
    lookups: createLookupRepository(options.db),
    lookUp: (sighting) => lookUpLive(sighting, sources, { today: today(Date.now()) }),
    isAllowed: async () => (await liveLookupsEnabled.getValue()) && (await hasLiveSourceAccess()),
    // navigator.onLine only knows for sure when it says false.
    isOnline: () => navigator.onLine !== false,
    now: Date.now,
    onRefreshed: options.onRefreshed,
    onStorageError: (error) => options.log('storage unavailable for live lookups', error),
    onLookupError: (error) => options.log('live lookup failed', error),
  });
}
