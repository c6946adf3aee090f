import Dexie, { type DexieOptions, type EntityTable, type Table } from 'dexie';
import type { ShowContext, ShowKey, ShowKind, Site } from '../model';

/**
 * A context from live sources, kept so seen titles open instantly. Curated-pack entries are never
 * copied here: they ship with the extension, and a copy would outlive a corrected or removed entry.
 */
export interface CachedShow {
  key: ShowKey;
  context: ShowContext;
  storedAt: number;
}

/**
 * "This site's ID is that show": learned from a match backed by the year, so later sightings that
 * carry only the ID (a card, a player without its title) find the show too.
 */
export interface SiteIdLink {
  site: Site;
  siteId: string;
  key: ShowKey;
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
