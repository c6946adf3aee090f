import { browser } from 'wxt/browser';
import { createBackgroundService } from '@/lib/background/service';
import { createBrowserEffects } from '@/lib/background/browser-effects';
import { createCardLookups } from '@/lib/background/card-lookups';
import { createLiveLookups } from '@/lib/background/live-lookups';
import { browserPanelShortcutDeps, createPanelShortcut } from '@/lib/background/panel-shortcut';
import { skipSwitchedOffSites } from '@/lib/background/site-guard';
import { openBackstoryDb } from '@/lib/db/schema';
import { createShowRepository } from '@/lib/db/shows';
import { createWatchlistRepository } from '@/lib/db/watchlist';
import { createWatchlistImporter } from '@/lib/db/watchlist-import';
import { createCacheRepository } from '@/lib/db/cache';
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
  const cardLookups = createCardLookups({ resolve: skipSwitchedOffSites((sighting) => resolver.resolve(sighting)), tell: effects.tellCards, log });
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
    importer: createWatchlistImporter(db),
    cache: createCacheRepository(db),
  });

  onMessage('resolveSighting', ({ data, sender }) => service.resolveSighting(data, sender));
  onMessage('resolveCards', ({ data, sender }) => service.resolveCards(data, sender));
  onMessage('injectPanel', ({ data, sender }) => service.injectPanel(data, sender));
  onMessage('setWatchlisted', ({ data, sender }) => service.setWatchlisted(data, sender));
  onMessage('updateWatchlistEntry', ({ data, sender }) => service.updateWatchlistEntry(data, sender));
  onMessage('searchTitles', ({ data, sender }) => service.searchTitles(data, sender));
  onMessage('openWatchlistPage', ({ data, sender }) => service.openWatchlistPage(data, sender));
  onMessage('importWatchlist', ({ data, sender }) => service.importWatchlist(data, sender));
  onMessage('clearCache', ({ data, sender }) => service.clearCache(data, sender));

  const panelShortcut = createPanelShortcut(browserPanelShortcutDeps());
  browser.commands.onCommand.addListener((command) => void panelShortcut.onCommand(command));
});
