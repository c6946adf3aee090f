import Dexie, { type DexieOptions, type EntityTable, type Table } from 'dexie';
import type { ShowContext, ShowKey, ShowKind, Site } from '../model';

/** A resolved context kept so seen titles open instantly and the popup can show saved ones. */
export interface CachedShow {
  key: ShowKey;
  context: ShowContext;
  origin: 'pack' | 'live';
  storedAt: number;
}

/** "This site's ID is that show": learned from a confident match, so later sightings by ID are instant. */
export interface SiteIdLink {
  site: Site;
  siteId: string;
  key: ShowKey;
  via: 'site-id' | 'title';
  learnedAt: number;
}

export interface WatchlistEntry {
  key: ShowKey;
  title: string;
  year?: number;
  kind: ShowKind;
  /** The story at a glance, e.g. "How the U.S. Triggered a Massacre in Mexico · ProPublica, 2017". */
  basedOn?: string;
  addedAt: number;
  /** Where it streams: enough to link back to the show's page on that site. */
  where: { site: Site; siteId?: string; title: string };
}

export type BackstoryDb = Dexie & {
  shows: EntityTable<CachedShow, 'key'>;
  siteIds: Table<SiteIdLink, [Site, string]>;
  watchlist: EntityTable<WatchlistEntry, 'key'>;
};

export const DB_NAME = 'backstory';

/**
 * Every schema version stays listed here forever: Dexie upgrades an old database step by step,
 * so a user's watchlist survives every extension update.
 */
export function openBackstoryDb(name = DB_NAME, options?: DexieOptions): BackstoryDb {
  const db = new Dexie(name, options) as BackstoryDb;
  db.version(1).stores({
    shows: 'key, storedAt',
    siteIds: '[site+siteId], key',
    watchlist: 'key, addedAt',
  });
  return db;
}
