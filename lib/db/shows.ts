import type { ShowContext, ShowKey, Site } from '../model';
import { withReopen } from './reopen';
import type { BackstoryDb, SiteIdLink } from './schema';

/** Contexts found by live lookups, and the site-ID links learned from confident matches. */
export function createShowRepository(db: BackstoryDb) {
  const run = <T>(work: () => Promise<T>) => withReopen(db, work);
  return {
    async get(key: ShowKey): Promise<ShowContext | undefined> {
      return (await run(() => db.shows.get(key)))?.context;
    },
    async put(context: ShowContext, now: number, staleAt: number): Promise<void> {
      await run(() => db.shows.put({ key: context.key, context, storedAt: now, staleAt }));
    },
    async keyForSiteId(site: Site, siteId: string): Promise<ShowKey | undefined> {
      return (await run(() => db.siteIds.get({ site, siteId })))?.key;
    },
    async linkSiteId(link: SiteIdLink): Promise<void> {
      await run(() => db.siteIds.put(link));
    },
    async unlinkSiteId(site: Site, siteId: string): Promise<void> {
      await run(() => db.siteIds.delete([site, siteId]));
    },
  };
}
export type ShowRepository = ReturnType<typeof createShowRepository>;
