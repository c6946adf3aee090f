import { describe, expect, it } from 'vitest';
import { createWatchlistRepository, watchlistEntryFor } from '../../../lib/db/watchlist';
import { loadPack } from '../../../lib/sources/pack';
import { freshDb } from '../support/databases';

const somos = loadPack().find((entry) => entry.key === 'pack:somos')!;

describe('watchlist repository', () => {
  it('saves, lists newest first, and removes', async () => {
    const watchlist = createWatchlistRepository(freshDb());
    await watchlist.save({ ...watchlistEntryFor(somos, undefined, 1000) });
    await watchlist.save({ key: 'pack:other', title: 'Other', kind: 'film', addedAt: 2000, status: 'to-watch', statusAt: 2000, updatedAt: 2000, where: { site: 'netflix', title: 'Other' } });
    expect((await watchlist.list()).map((entry) => entry.key)).toEqual(['pack:other', 'pack:somos']);
    expect(await watchlist.has('pack:somos')).toBe(true);
    await watchlist.remove('pack:somos');
    expect(await watchlist.has('pack:somos')).toBe(false);
    expect((await watchlist.list()).map((entry) => entry.key)).toEqual(['pack:other']);
  });

  it('keeps the first date added when a show is saved again', async () => {
    const watchlist = createWatchlistRepository(freshDb());
    await watchlist.save(watchlistEntryFor(somos, undefined, 1000));
    await watchlist.save(watchlistEntryFor(somos, undefined, 5000));
    expect((await watchlist.list())[0]!.addedAt).toBe(1000);
  });

  it('keeps the status and the note when a show is saved again', async () => {
    const db = freshDb();
    const watchlist = createWatchlistRepository(db);
    await watchlist.save(watchlistEntryFor(somos, undefined, 1000));
    await db.watchlist.update('pack:somos', { status: 'watched', statusAt: 3000, note: 'With Mum', updatedAt: 3000 });
    await watchlist.save(watchlistEntryFor(somos, undefined, 5000));
    expect(await db.watchlist.get('pack:somos')).toMatchObject({ addedAt: 1000, status: 'watched', statusAt: 3000, note: 'With Mum', updatedAt: 3000 });
  });

  it('remembers where the show streams and what it is based on', () => {
    const entry = watchlistEntryFor(somos, { site: 'netflix', surface: 'detail', siteId: '80990017', title: 'Somos.', year: 2021 }, 42);
    expect(entry).toMatchObject({
      key: 'pack:somos',
      title: 'Somos.',
      year: 2021,
      kind: 'miniseries',
      basedOn: 'How the U.S. Triggered a Massacre in Mexico · ProPublica, 2017',
      addedAt: 42,
      where: { site: 'netflix', siteId: '80990017', title: 'Somos.' },
    });
  });

  it('survives closing and reopening the database (a browser restart)', async () => {
    const db = freshDb();
    await createWatchlistRepository(db).save(watchlistEntryFor(somos, undefined, 1));
    db.close();
    const { openBackstoryDb } = await import('../../../lib/db/schema');
    const reopened = openBackstoryDb(db.name);
    expect(await createWatchlistRepository(reopened).has('pack:somos')).toBe(true);
  });
});
