import type { ZodType } from 'zod';
import { t } from '../i18n/t';
import type { CacheCleared, CardAnswer, Done, ImportResult, SightingAnswer, TitleSearchResult, WatchlistResult } from '../messaging';
import { cardStoryOf } from '../resolve/card-story';
import { cardName, type CardLookups } from './card-lookups';
import { checkSender, parsePayload, payloadSchemas, RejectedMessage, type SenderInfo, type SenderPolicy, type SenderRule } from '../messaging-guards';
import { watchlistEntryFor, type WatchlistRepository } from '../db/watchlist';
import type { Resolver } from '../resolve/resolver';
import type { ImportCounts, WatchlistImporter } from '../db/watchlist-import';
import type { CacheRepository } from '../db/cache';
import { isQuotaExceeded } from './storage-failure';
import type { WatchlistEdits } from '../db/watchlist-edits';
import type { TitleSearch } from '../search/title-search';

export interface BackgroundServiceDeps {
  resolver: Resolver;
  /** Live lookups for cards, queued; without it cards get only what is known offline. */
  cardLookups?: Pick<CardLookups, 'enqueue'>;
  watchlist: WatchlistRepository;
  /** Status and note edits of saved shows (the popup, the watchlist page, a panel). */
  watchlistEdits?: WatchlistEdits;
  /** The popup's title search. */
  titleSearch?: TitleSearch;
  policy: SenderPolicy;
  now: () => number;
  injectPanel(target: { tabId: number; frameId: number }): Promise<void>;
  openWatchlistPage(fromTabId: number | undefined): Promise<void>;
  /** Tell open pages that a show was saved or removed, so every panel stays truthful. */
  broadcastWatchlistChange(change: { key: string; saved: boolean }): Promise<void>;
  log?: (message: string, error?: unknown) => void;
  /** Writes an options-page import in one transaction; without it, imports are refused. */
  importer?: WatchlistImporter;
  /** The cache tables (never the watchlist); without it, clearing is refused. */
  cache?: Pick<CacheRepository, 'clear'>;
}

/** Said when the watchlist can't be written; in the viewer's language. */
export const storageUnavailable = (): string => t('background_storage_unavailable');

/** Said when the watchlist can't be written because the browser's storage for Backstory is full. */
export const storageFull = (): string => t('background_storage_full');

/** Tabs told about imported keys per batch, so a large import does not flood the message channel at once. */
const BROADCAST_BATCH = 200;

/**
 * What the background answers, one function per message. Each checks who is asking and parses
 * what was sent before doing anything; a rejected message throws, and the sender sees the error.
 */
export function createBackgroundService(deps: BackgroundServiceDeps) {
  function admit(sender: SenderInfo, rules: SenderRule[]): void {
    const problems: string[] = [];
    for (const rule of rules) {
      try {
        checkSender(sender, rule, deps.policy);
        return;
      } catch (error) {
        problems.push((error as Error).message);
      }
    }
    deps.log?.(`rejected a message: ${problems.join('; ')}`);
    throw new RejectedMessage(`Rejected: ${problems.join('; ')}`);
  }

  function parse<T>(schema: ZodType<T>, data: unknown): T {
    try {
      return parsePayload(schema, data);
    } catch (error) {
      deps.log?.('rejected a message', error);
      throw error;
    }
  }

  async function tellTabsSaved(keys: readonly string[]): Promise<void> {
    for (let start = 0; start < keys.length; start += BROADCAST_BATCH) {
      await Promise.all(keys.slice(start, start + BROADCAST_BATCH).map((key) => deps.broadcastWatchlistChange({ key, saved: true })));
    }
  }

  return {
    /** A found show comes with its badge's words, for the cards of that title on the page. */
    async resolveSighting(data: unknown, sender: SenderInfo): Promise<SightingAnswer> {
      admit(sender, ['supported-tab']);
      const sighting = parse(payloadSchemas.resolveSighting, data);
      const resolution = await deps.resolver.resolve(sighting);
      return resolution.status === 'found' ? { ...resolution, badge: cardStoryOf(resolution.context) } : resolution;
    },

    /**
     * Badges: what is known now (pack, learned links, cache) for each card; a card that needs a
     * live lookup is queued and answered later through `cardsAnswered`.
     */
    async resolveCards(data: unknown, sender: SenderInfo): Promise<CardAnswer[]> {
      admit(sender, ['supported-tab']);
      const cards = parse(payloadSchemas.resolveCards, data);
      const target = { tabId: sender.tab!.id!, frameId: sender.frameId ?? 0 };
      return Promise.all(
        cards.map(async (card): Promise<CardAnswer> => {
          const name = cardName(card);
          const known = await deps.resolver.resolveKnown(card);
          if (known.status === 'found') return { ...name, status: 'found', story: cardStoryOf(known.context) };
          if (known.status === 'none') return { ...name, status: 'none' };
          const queued = deps.cardLookups?.enqueue(card, target) ?? false;
          return { ...name, status: queued ? 'pending' : 'unknown' };
        }),
      );
    },

    async injectPanel(data: unknown, sender: SenderInfo): Promise<Done> {
      admit(sender, ['supported-tab']);
      parse(payloadSchemas.injectPanel, data);
      try {
        await deps.injectPanel({ tabId: sender.tab!.id!, frameId: sender.frameId ?? 0 });
        return { ok: true };
      } catch (error) {
        deps.log?.('could not inject the panel', error);
        return { ok: false, message: (error as Error).message ?? String(error) };
      }
    },

    async setWatchlisted(data: unknown, sender: SenderInfo): Promise<WatchlistResult> {
      admit(sender, ['supported-tab', 'extension-page']);
      const change = parse(payloadSchemas.setWatchlisted, data);
      try {
        if (change.saved) {
          const context = await deps.resolver.contextForKey(change.key);
          if (!context) return { ok: false, message: t('background_show_not_on_file') };
          await deps.watchlist.save(watchlistEntryFor(context, change.sighting, deps.now()));
        } else {
          await deps.watchlist.remove(change.key);
        }
      } catch (error) {
        deps.log?.('watchlist write failed', error);
        return { ok: false, message: isQuotaExceeded(error) ? storageFull() : storageUnavailable() };
      }
      // Not awaited: the user's button should not wait for every other Netflix tab to answer.
      void deps.broadcastWatchlistChange({ key: change.key, saved: change.saved }).catch((error: unknown) => deps.log?.('broadcast failed', error));
      return { ok: true, saved: change.saved };
    },

    /** A status or note change; the other pages and tabs hear of it, as they do of a save. */
    async updateWatchlistEntry(data: unknown, sender: SenderInfo): Promise<WatchlistResult> {
      admit(sender, ['extension-page', 'supported-tab']);
      const edit = parse(payloadSchemas.updateWatchlistEntry, data);
      if (!deps.watchlistEdits) return { ok: false, message: t('popup_error_edits_unavailable') };
      let outcome;
      try {
        outcome = await deps.watchlistEdits.edit(edit, deps.now());
      } catch (error) {
        deps.log?.('watchlist edit failed', error);
        return { ok: false, message: isQuotaExceeded(error) ? storageFull() : storageUnavailable() };
      }
      if (outcome.status === 'unknown-key') return { ok: false, message: t('popup_error_not_saved') };
      if (outcome.status === 'updated') {
        void deps.broadcastWatchlistChange({ key: edit.key, saved: true }).catch((error: unknown) => deps.log?.('broadcast failed', error));
      }
      return { ok: true, saved: true };
    },

    async searchTitles(data: unknown, sender: SenderInfo): Promise<TitleSearchResult> {
      admit(sender, ['extension-page']);
      const query = parse(payloadSchemas.searchTitles, data);
      if (!deps.titleSearch) return { ok: false, message: t('popup_error_search_unavailable') };
      return deps.titleSearch.search(query);
    },

    async openWatchlistPage(data: unknown, sender: SenderInfo): Promise<Done> {
      admit(sender, ['supported-tab']);
      parse(payloadSchemas.openWatchlistPage, data);
      await deps.openWatchlistPage(sender.tab?.id);
      return { ok: true };
    },

    /**
     * An import from the options page: the entries are checked again (a page's check proves
     * nothing here), merged by key and `updatedAt`, and written all at once or not at all.
     */
    async importWatchlist(data: unknown, sender: SenderInfo): Promise<ImportResult> {
      admit(sender, ['extension-page']);
      const { entries } = parse(payloadSchemas.importWatchlist, data);
      if (!deps.importer) return { ok: false, message: t('background_import_storage_unavailable') };
      let counts: ImportCounts;
      try {
        counts = await deps.importer.importEntries(entries);
      } catch (error) {
        deps.log?.('watchlist import failed', error);
        return { ok: false, message: isQuotaExceeded(error) ? t('background_import_storage_full') : t('background_import_storage_unavailable') };
      }
      void tellTabsSaved(counts.changedKeys).catch((error: unknown) => deps.log?.('broadcast failed', error));
      return { ok: true, added: counts.added, updated: counts.updated, unchanged: counts.unchanged };
    },

    /** Empties the cache (shows, lookup outcomes, learned site IDs); the watchlist stays. */
    async clearCache(data: unknown, sender: SenderInfo): Promise<CacheCleared> {
      admit(sender, ['extension-page']);
      parse(payloadSchemas.clearCache, data);
      if (!deps.cache) return { ok: false, message: t('background_cache_storage_unavailable') };
      try {
        return { ok: true, removed: await deps.cache.clear() };
      } catch (error) {
        deps.log?.('clearing the cache failed', error);
        return { ok: false, message: t('background_cache_storage_unavailable') };
      }
    },
  };
}
export type BackgroundService = ReturnType<typeof createBackgroundService>;
