import { describe, expect, it } from 'vitest';
import { createWatchlistRepository, watchlistEntryFor } from '../../../lib/db/watchlist';
import { createWatchlistEdits } from '../../../lib/db/watchlist-edits';
import { loadPack } from '../../../lib/sources/pack';
import { brokenDb, freshDb } from '../support/databases';

const somos = loadPack().find((entry) => entry.key === 'pack:somos')!;

async function savedSomos() {
  const db = freshDb();
  await createWatchlistRepository(db).save(watchlistEntryFor(somos, undefined, 1_000));
  return { db, edits: createWatchlistEdits(db) };
}

describe('watchlist edits', () => {
  it('a status change sets the status, when it was set, and when the entry last changed', async () => {
    const { db, edits } = await savedSomos();
    expect(await edits.edit({ key: 'pack:somos', status: 'watched' }, 5_000)).toMatchObject({ status: 'updated' });
    expect(await db.watchlist.get('pack:somos')).toMatchObject({ status: 'watched', statusAt: 5_000, updatedAt: 5_000, addedAt: 1_000 });
  });

  it('setting the status an entry already has changes nothing, not even its dates', async () => {
    const { db, edits } = await savedSomos();
    await edits.edit({ key: 'pack:somos', status: 'watching' }, 2_000);
    expect(await edits.edit({ key: 'pack:somos', status: 'watching' }, 9_000)).toMatchObject({ status: 'unchanged' });
    expect(await db.watchlist.get('pack:somos')).toMatchObject({ status: 'watching', statusAt: 2_000, updatedAt: 2_000 });
  });

  it('a note change sets the note and updatedAt but not statusAt; an empty note removes it', async () => {
    const { db, edits } = await savedSomos();
    await edits.edit({ key: 'pack:somos', note: '  With Mum, Sunday  ' }, 3_000);
    expect(await db.watchlist.get('pack:somos')).toMatchObject({ note: 'With Mum, Sunday', statusAt: 1_000, updatedAt: 3_000 });
    await edits.edit({ key: 'pack:somos', note: '   ' }, 4_000);
    const cleared = (await db.watchlist.get('pack:somos'))!;
    expect('note' in cleared).toBe(false);
    expect(cleared.updatedAt).toBe(4_000);
  });

  it('keeps a note as plain text, markup and all', async () => {
    const { db, edits } = await savedSomos();
    await edits.edit({ key: 'pack:somos', note: '<img src=x onerror=alert(1)>' }, 3_000);
    expect((await db.watchlist.get('pack:somos'))!.note).toBe('<img src=x onerror=alert(1)>');
  });

  it('changes both at once, and leaves the story and where it streams alone', async () => {
    const { db, edits } = await savedSomos();
    const before = (await db.watchlist.get('pack:somos'))!;
    await edits.edit({ key: 'pack:somos', status: 'watching', note: 'Episode 3' }, 6_000);
    expect(await db.watchlist.get('pack:somos')).toEqual({ ...before, status: 'watching', statusAt: 6_000, note: 'Episode 3', updatedAt: 6_000 });
  });

  it('two edits of different fields at once both stick', async () => {
    const { db, edits } = await savedSomos();
    await Promise.all([edits.edit({ key: 'pack:somos', status: 'watched' }, 7_000), edits.edit({ key: 'pack:somos', note: 'Loved it' }, 7_001)]);
    expect(await db.watchlist.get('pack:somos')).toMatchObject({ status: 'watched', note: 'Loved it' });
  });

  it('says so for a show that is not saved, and writes nothing', async () => {
    const db = freshDb();
    expect(await createWatchlistEdits(db).edit({ key: 'pack:somos', status: 'watched' }, 1)).toEqual({ status: 'unknown-key' });
    expect(await db.watchlist.count()).toBe(0);
  });

  it('fails loudly when storage is unavailable', async () => {
    await expect(createWatchlistEdits(brokenDb()).edit({ key: 'pack:somos', status: 'watched' }, 1)).rejects.toThrow();
  });
});
