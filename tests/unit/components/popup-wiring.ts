import { createBackgroundService } from '../../../lib/background/service';
import { createShowRepository } from '../../../lib/db/shows';
import type { BackstoryDb } from '../../../lib/db/schema';
import { createWatchlistRepository } from '../../../lib/db/watchlist';
import { createWatchlistEdits } from '../../../lib/db/watchlist-edits';
import { createResolver } from '../../../lib/resolve/resolver';
import { createCachedShowIndex } from '../../../lib/search/cached-shows';
import { createTitleSearch } from '../../../lib/search/title-search';
import { loadPack } from '../../../lib/sources/pack';

const ORIGIN = 'chrome-extension://popup-test';

/**
 * The background's real answers to the popup, on the popup's own database, as `sendMessage` would
 * bring them: what the popup shows after an edit is what the background wrote.
 */
export function backgroundFor(db: BackstoryDb, now: () => number) {
  const pack = loadPack();
  const watchlist = createWatchlistRepository(db);
  const resolver = createResolver({ pack, shows: createShowRepository(db), watchlist, now });
  const service = createBackgroundService({
    resolver,
    watchlist,
    watchlistEdits: createWatchlistEdits(db),
    titleSearch: createTitleSearch({ pack, cachedShows: createCachedShowIndex(db).shows, resolver, liveAllowed: async () => false }),
    now,
    policy: { extensionId: 'popup-test', extensionOrigin: ORIGIN, isSupportedPage: () => false },
    injectPanel: async () => {},
    openWatchlistPage: async () => {},
    broadcastWatchlistChange: async () => {},
  });
  const sender = { id: 'popup-test', url: `${ORIGIN}/popup.html` };
  return async (type: string, data: unknown): Promise<unknown> => {
    switch (type) {
      case 'setWatchlisted':
        return service.setWatchlisted(data, sender);
      case 'updateWatchlistEntry':
        return service.updateWatchlistEntry(data, sender);
      case 'searchTitles':
        return service.searchTitles(data, sender);
      default:
        throw new Error(`no answer for ${type} in this test`);
    }
  };
}
