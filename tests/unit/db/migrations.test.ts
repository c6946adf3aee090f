import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { openBackstoryDb } from '../../../lib/db/schema';
import { loadPack } from '../../../lib/sources/pack';

const somos = loadPack().find((entry) => entry.key === 'pack:somos')!;

/** Writes a database exactly as version 1 of Backstory left it. */
async function version1Database(name: string): Promise<void> {
  const v1 = new Dexie(name);
  v1.version(1).stores({ shows: 'key, storedAt', siteIds: '[site+siteId], key', watchlist: 'key, addedAt' });
  await v1.table('watchlist').put({
    key: 'pack:somos',
    title: 'Somos.',
    year: 2021,
    kind: 'miniseries',
    basedOn: 'How the U.S. Triggered a Massacre in Mexico · ProPublica, 2017',
    addedAt: 1_700_000_000_000,
    where: { site: 'netflix', siteId: '80990017', title: 'Somos.' },
  });
  await v1.table('siteIds').put({ site: 'netflix', siteId: '80990017', key: 'pack:somos', via: 'title', learnedAt: 1 });
  await v1.table('shows').put({ key: 'pack:somos', context: somos, origin: 'pack', storedAt: 5 });
  await v1.table('shows').put({ key: 'wd:Q990000001', context: { ...somos, key: 'wd:Q990000001' }, origin: 'live', storedAt: 7 });
  v1.close();
}

describe('database upgrades', () => {
  it('1 → 2 keeps the watchlist and the learned links, drops cached copies of curated entries', async () => {
    const name = `backstory-upgrade-${Date.now()}`;
    await version1Database(name);
    const db = openBackstoryDb(name);
    await db.open();
    expect(db.verno).toBe(3);
    expect(await db.watchlist.toArray()).toEqual([
      expect.objectContaining({ key: 'pack:somos', addedAt: 1_700_000_000_000, where: { site: 'netflix', siteId: '80990017', title: 'Somos.' } }),
    ]);
    expect(await db.siteIds.get({ site: 'netflix', siteId: '80990017' })).toMatchObject({ key: 'pack:somos' });
    expect(await db.shows.get('pack:somos')).toBeUndefined();
    expect(await db.shows.get('wd:Q990000001')).toMatchObject({ storedAt: 7, staleAt: 7 });
    expect(await db.shows.get('wd:Q990000001')).not.toHaveProperty('origin');
    expect(await db.lookups.count()).toBe(0);
  });

  it('2 → 3 gives every saved show a status ("to watch", since the day it was saved) and keeps the rest', async () => {
    const name = `backstory-upgrade-v2-${Date.now()}`;
    const v2 = new Dexie(name);
    v2.version(1).stores({ shows: 'key, storedAt', siteIds: '[site+siteId], key', watchlist: 'key, addedAt' });
    v2.version(2).stores({ shows: 'key, storedAt, staleAt', lookups: 'id, staleAt' });
    const saved = {
      key: 'wd:Q990000001',
      title: 'Paper Harbor',
      year: 2023,
      kind: 'series',
      inspiredBy: 'The Harbor Files · The Coastline Ledger, 2019',
      addedAt: 1_710_000_000_000,
      where: { site: 'netflix', siteId: '81000001', title: 'Paper Harbor' },
    };
    await v2.table('watchlist').bulkPut([saved, { ...saved, key: 'pack:somos', title: 'Somos.', addedAt: 1_700_000_000_000 }]);
    await v2.table('lookups').put({ id: 'netflix:81000001', outcome: 'found', key: 'wd:Q990000001', storedAt: 3, staleAt: 9 });
    v2.close();

    const db = openBackstoryDb(name);
    await db.open();
    expect(db.verno).toBe(3);
    expect(await db.watchlist.get('wd:Q990000001')).toEqual({ ...saved, status: 'to-watch', statusAt: saved.addedAt, updatedAt: saved.addedAt });
    expect(await db.watchlist.where('status').equals('to-watch').primaryKeys()).toEqual(['pack:somos', 'wd:Q990000001']);
    expect(await db.lookups.get('netflix:81000001')).toMatchObject({ key: 'wd:Q990000001' });
  });
});
