import type { ShowContext, ShowKey, Sighting } from '../model';
import { withReopen } from './reopen';
import type { BackstoryDb, WatchlistEntry } from './schema';

export function watchlistEntryFor(context: ShowContext, sighting: Sighting | undefined, now: number): WatchlistEntry {
  const basis = context.basedOn.find((work) => work.relation === 'basis');
  const inspiration = basis ? undefined : context.basedOn.find((work) => work.relation === 'inspiration');
  return {
    key: context.key,
    title: context.title,
    year: context.year,
    kind: context.kind,
    basedOn: basis ? describeWork(basis.title, basis.outlet, basis.published) : undefined,
    inspiredBy: inspiration ? describeWork(inspiration.title, inspiration.outlet, inspiration.published) : undefined,
    addedAt: now,
    status: 'to-watch',
    statusAt: now,
    updatedAt: now,
    where: {
      site: sighting?.site ?? context.platforms?.[0] ?? 'netflix',
      siteId: sighting?.siteId ?? context.ids.netflix?.[0],
      title: sighting?.title ?? context.title,
    },
  };
}

function describeWork(title: string, outlet: string | undefined, published: string | undefined): string {
  const byline = [outlet, published?.slice(0, 4)].filter(Boolean).join(', ');
  return byline ? `${title} · ${byline}` : title;
}

export function createWatchlistRepository(db: BackstoryDb) {
  const run = <T>(work: () => Promise<T>) => withReopen(db, work);
  return {
    async has(key: ShowKey): Promise<boolean> {
      return (await run(() => db.watchlist.get(key))) !== undefined;
    },
    /**
     * Saving again refreshes what the story says but keeps what the viewer made of it: the date
     * first saved, the status and the note.
     */
    async save(entry: WatchlistEntry): Promise<void> {
      await run(() =>
        db.transaction('rw', db.watchlist, async () => {
          const existing = await db.watchlist.get(entry.key);
          if (!existing) return void (await db.watchlist.put(entry));
          const { addedAt, status, statusAt, note } = existing;
          await db.watchlist.put({ ...entry, addedAt, status, statusAt, ...(note === undefined ? {} : { note }), updatedAt: existing.updatedAt });
        }),
      );
    },
    async remove(key: ShowKey): Promise<void> {
      await run(() => db.watchlist.delete(key));
    },
    /** Newest first. */
    async list(): Promise<WatchlistEntry[]> {
      return run(() => db.watchlist.orderBy('addedAt').reverse().toArray());
    },
  };
}
export type WatchlistRepository = ReturnType<typeof createWatchlistRepository>;
