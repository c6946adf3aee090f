import Dexie, { type DexieOptions, type EntityTable, type Table } from 'dexie';
import type { ShowContext, ShowKey, ShowKind, Site } from '../model';

/**
 * A context from live sources, kept so seen titles open instantly. Curated-pack entries are never
 * copied here: they ship with the extension, and a copy would outlive a corrected or removed entry.
 * Past `staleAt` it is still shown, while a refresh runs in the background.
 */
export interface CachedShow {
  key: ShowKey;
  context: ShowContext;
  storedAt: number;
  staleAt: number;
}

/**
 * What a live lookup for one sighting concluded: the show it found, or that there is no story.
 * "None" is kept for a shorter time, so a title that gains a story on Wikidata shows it soon.
 */
export interface LookupOutcome {
  /** lib/resolve/lookup-key.ts: the site's ID when there is one, else title, year and kind. */
  id: string;
  outcome: 'found' | 'none';
  key?: ShowKey;
  storedAt: number;
  staleAt: number;
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

/** Where a viewer is with a saved show. */
export const WATCH_STATUSES = ['to-watch', 'watching', 'watched'] as const;
export type WatchStatus = (typeof WATCH_STATUSES)[number];

/** Longest private note kept with a watchlist entry. */
export const MAX_NOTE_LENGTH = 2_000;

export interface WatchlistEntry {
  key: ShowKey;
  title: string;
  year?: number;
  kind: ShowKind;
  /** The story at a glance, e.g. "How the U.S. Triggered a Massacre in Mexico · ProPublica, 2017". */
  basedOn?: string;
  /** The same for a show only inspired by a work (never shown as "based on"). */
  inspiredBy?: string;
  addedAt: number;
  /** Where it streams: enough to link back to the show's page on that site. */
  where: { site: Site; siteId?: string; title: string };
  status: WatchStatus;
  /** When the status was last set ("watched on …"). */
  statusAt: number;
  /** The viewer's own words; plain text, never markup. */
  note?: string;
  /** The last change the viewer made (save, status, note, import): on import the newer side wins. */
  updatedAt: number;
}

export type BackstoryDb = Dexie & {
  shows: EntityTable<CachedShow, 'key'>;
  siteIds: Table<SiteIdLink, [Site, string]>;
  watchlist: EntityTable<WatchlistEntry, 'key'>;
  lookups: EntityTable<LookupOutcome, 'id'>;
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
  // 2: live lookups. Outcomes per sighting; cached shows get a refresh date. Version 1 cached
  // copies of curated entries (origin 'pack'); those must go, the pack itself is the truth.
  db.version(2)
    .stores({ shows: 'key, storedAt, staleAt', lookups: 'id, staleAt' })
    .upgrade(async (tx) => {
      await tx.table('shows').filter((row: { origin?: string }) => row.origin === 'pack').delete();
      await tx
        .table('shows')
        .toCollection()
        .modify((row: { storedAt: number; staleAt?: number; origin?: string }) => {
          row.staleAt ??= row.storedAt;
          delete row.origin;
        });
    });
  // 3: watchlist statuses and notes. Every show saved before was "to watch", since it was saved.
  db.version(3)
    .stores({ watchlist: 'key, addedAt, status, updatedAt' })
    .upgrade(async (tx) => {
      await tx
        .table('watchlist')
        .toCollection()
        .modify((row: { addedAt: number; status?: string; statusAt?: number; updatedAt?: number }) => {
          row.status ??= 'to-watch';
          row.statusAt ??= row.addedAt;
          row.updatedAt ??= row.addedAt;
        });
    });
  return db;
}
