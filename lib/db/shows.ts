import type { ShowContext, ShowKey, Site } from '../model';
import type { BackstoryDb, CachedShow, SiteIdLink } from './schema';

export function createShowRepository(db: BackstoryDb) {
  return {
    async get(key: ShowKey): Promise<CachedShow | undefined> {
      return db.shows.get(key);
    },
    async put(context: ShowContext, origin: CachedShow['origin'], now: number): Promise<void> {
      await db.shows.put({ key: context.key, context, origin, storedAt: now });
    },
    async keyForSiteId(site: Site, siteId: string): Promise<ShowKey | undefined> {
      const link = await db.siteIds.get({ site, siteId });
      return link?.key;
    },
    async linkSiteId(link: SiteIdLink): Promise<void> {
      await db.siteIds.put(link);
    },
  };
}
export type ShowRepository = ReturnType<typeof createShowRepository>;
