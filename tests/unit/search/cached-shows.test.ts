import { describe, expect, it, vi } from 'vitest';
import { createCachedShowIndex } from '../../../lib/search/cached-shows';
import { contextFixture } from '../support/contexts';
import { brokenDb, freshDb } from '../support/databases';

describe('the cached shows the title search reads', () => {
  it('reads the table once, and again only after it changed', async () => {
    const db = freshDb();
    const first = contextFixture({ key: 'wd:Q1', title: 'First' });
    await db.shows.put({ key: first.key, context: first, storedAt: 10, staleAt: 20 });
    const index = createCachedShowIndex(db);
    const reads = vi.spyOn(db.shows, 'toArray');

    expect((await index.shows()).map((show) => show.key)).toEqual(['wd:Q1']);
    expect((await index.shows()).map((show) => show.key)).toEqual(['wd:Q1']);
    expect(reads).toHaveBeenCalledTimes(1);

    const second = contextFixture({ key: 'wd:Q2', title: 'Second' });
    await db.shows.put({ key: second.key, context: second, storedAt: 30, staleAt: 40 });
    expect((await index.shows()).map((show) => show.key).sort()).toEqual(['wd:Q1', 'wd:Q2']);

    // A refresh of a show stores it again with a new date.
    await db.shows.put({ key: first.key, context: { ...first, title: 'First, renamed' }, storedAt: 50, staleAt: 60 });
    expect((await index.shows()).find((show) => show.key === 'wd:Q1')!.title).toBe('First, renamed');

    await db.shows.delete('wd:Q2');
    expect((await index.shows()).map((show) => show.key)).toEqual(['wd:Q1']);
    expect(reads).toHaveBeenCalledTimes(4);
  });

  it('leaves out a cached show that no longer fits the schema', async () => {
    const db = freshDb();
    await db.shows.put({ key: 'wd:Q5', context: { key: 'wd:Q5', title: '<b>broken</b>' } as never, storedAt: 1, staleAt: 2 });
    expect(await createCachedShowIndex(db).shows()).toEqual([]);
  });

  it('fails when storage is unavailable (the search then says so)', async () => {
    await expect(createCachedShowIndex(brokenDb()).shows()).rejects.toThrow();
  });
});
