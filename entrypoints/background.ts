import { browser } from 'wxt/browser';
import { createBackgroundService } from '@/lib/background/service';
import { createBrowserEffects } from '@/lib/background/browser-effects';
import { createCardLookups } from '@/lib/background/card-lookups';
import { createLiveLookups } from '@/lib/background/live-lookups';
import { openBackstoryDb } from '@/lib/db/schema';
import { createShowRepository } from '@/lib/db/shows';
import { createWatchlistRepository } from '@/lib/db/watchlist';
import { createWatchlistEdits } from '@/lib/db/watchlist-edits';
import { createCachedShowIndex } from '@/lib/search/cached-shows';
import { createTitleSearch } from '@/lib/search/title-search';
import { hasLiveSourceAccess } from '@/lib/permissions/live-sources';
import { liveLookupsEnabled } from '@/lib/settings';
import { onMessage } from '@/lib/messaging';
import { createResolver } from '@/lib/resolve/resolver';
import { adapterForUrl } from '@/lib/sites/registry';
import { loadPack } from '@/lib/sources/pack';

export default defineBackground(() => {
  const log = (message: string, error?: unknown) => console.warn(`Backstory: ${message}`, error ?? '');
  const db = openBackstoryDb();
  const watchlist = createWatchlistRepository(db);
  const shows = createShowRepository(db);
  const effects = createBrowserEffects();
  const pack = loadPack();
  const cachedShows = createCachedShowIndex(db);
  const resolver = createResolver({
    pack,
    shows,
    watchlist,
    now: Date.now,
    onStorageError: (error) => log('storage unavailable', error),
    live: createLiveLookups({ db, shows, log, onRefreshed: (key) => void effects.broadcastStoryRefreshed(key) }),
  });
  const cardLookups = createCardLookups({ resolve: (sighting) => resolver.resolve(sighting), tell: effects.tellCards, log });
  browser.tabs.onRemoved.addListener((tabId) => cardLookups.forgetTab(tabId));
  const extensionRoot = new URL(browser.runtime.getURL('/'));
  const service = createBackgroundService({
    resolver,
    cardLookups,
    watchlist,
    watchlistEdits: createWatchlistEdits(db),
    titleSearch: createTitleSearch({
      pack,
      cachedShows: () => cachedShows.shows(),
      resolver,
      liveAllowed: async () => (await liveLookupsEnabled.getValue()) && (await hasLiveSourceAccess()),
    }),
    now: Date.now,
    policy: {
      extensionId: browser.runtime.id,
      extensionOrigin: `${extensionRoot.protocol}//${extensionRoot.host}`,
      isSupportedPage: (url) => adapterForUrl(url) !== undefined,
    },
    ...effects,
    log,
  });

  onMessage('resolveSighting', ({ data, sender }) => service.resolveSighting(data, sender));
  onMessage('resolveCards', ({ data, sender }) => service.resolveCards(data, sender));
  onMessage('injectPanel', ({ data, sender }) => service.injectPanel(data, sender));
  onMessage('setWatchlisted', ({ data, sender }) => service.setWatchlisted(data, sender));
  onMessage('updateWatchlistEntry', ({ data, sender }) => service.updateWatchlistEntry(data, sender));
  onMessage('searchTitles', ({ data, sender }) => service.searchTitles(data, sender));
  onMessage('openWatchlistPage', ({ data, sender }) => service.openWatchlistPage(data, sender));
});
