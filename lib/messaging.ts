/**
 * The one message protocol between Backstory's parts, named by what is asked.
 *
 * Content script → background: resolveSighting, resolveCards, injectPanel, setWatchlisted,
 *   openWatchlistPage.
 * Extension pages → background: setWatchlisted, updateWatchlistEntry, importWatchlist, clearCache,
 *   searchTitles.
 * Extension pages → content script (a tab): getTabShow, openPanel.
 * (The keyboard shortcut needs no message: the background calls the injected panel script's API
 * with scripting.executeScript, lib/background/panel-shortcut.ts.)
 * Background → content script: watchlistChanged, storyRefreshed, cardsAnswered.
 *
 * Types only here, so the always-on content script pays for no schema library; the receiving
 * side validates every payload (lib/messaging-guards.ts) because a sender's types prove nothing.
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { Resolution, ShowKey, ShowKind, Sighting } from './model';
import type { WatchlistEntry, WatchStatus } from './db/schema';

export type WatchlistChange = { key: ShowKey; saved: boolean; sighting?: Sighting };
export type WatchlistResult = { ok: true; saved: boolean } | { ok: false; message: string };
export type TabShow = { sighting: Sighting; resolution: Resolution | null } | null;
export type Done = { ok: true } | { ok: false; message: string };

/**
 * What a card's badge says, worded by the background in the browser's language: the always-on
 * script carries no texts of its own (each first `i18n.getMessage` in a page is a synchronous
 * call to the browser, and the wording would cost it bytes).
 */
export type CardStory = {
  key: ShowKey;
  title: string;
  /** The badge's visible word ("Real story"). */
  button: string;
  /** Its accessible name ("Real story: Somos."). */
  label: string;
  /** Its one line: the year the real events began, the work the show is based on. */
  teaser: string;
};

/** resolveSighting's answer: a show found comes with what its cards' badges say. */
export type SightingAnswer = Resolution & { badge?: CardStory };

/**
 * A card's answer, named by the card's ID and title (and `surface: 'mini'` for the hover preview,
 * which is asked about apart). `pending`: a live lookup was queued and its
 * answer comes later as `cardsAnswered`. `unknown`: nothing can be said now (the lookup failed or
 * the queue was full); the card may be asked about again when it next comes on screen.
 */
export type CardAnswer = { siteId: string; title: string; surface?: 'mini' } & (
  | { status: 'found'; story: CardStory }
  | { status: 'none' }
  | { status: 'pending' }
  | { status: 'unknown' }
);

/** A viewer's edit of a saved show: its status, its note (empty clears it). */
export type WatchlistEdit = { key: ShowKey; status?: WatchStatus; note?: string };

/** Entries an import writes (already validated and previewed by the page; the background checks them again). */
export type WatchlistImport = { entries: WatchlistEntry[] };
export type ImportResult = { ok: true; added: number; updated: number; unchanged: number } | { ok: false; message: string };

export type CacheCleared = { ok: true; removed: number } | { ok: false; message: string };

/** A title search from the popup: the pack and the cache always, the live sources when `live`. */
export type TitleQuery = { text: string; live: boolean };
export type TitleHit = { key: ShowKey; title: string; year?: number; kind: ShowKind; basedOn?: string; inspiredBy?: string; from: 'pack' | 'cache' | 'live' };
export type TitleSearchResult = { ok: true; hits: TitleHit[] } | { ok: false; message: string };

/** Most cards one `resolveCards` message may ask about. */
export const MAX_CARDS_PER_MESSAGE = 50;

export interface ProtocolMap {
  resolveSighting(sighting: Sighting): SightingAnswer;
  resolveCards(cards: Sighting[]): CardAnswer[];
  injectPanel(): Done;
  setWatchlisted(change: WatchlistChange): WatchlistResult;
  openWatchlistPage(): Done;
  updateWatchlistEntry(edit: WatchlistEdit): WatchlistResult;
  importWatchlist(batch: WatchlistImport): ImportResult;
  clearCache(): CacheCleared;
  searchTitles(query: TitleQuery): TitleSearchResult;
  getTabShow(): TabShow;
  openPanel(): Done;
  watchlistChanged(change: { key: ShowKey; saved: boolean }): void;
  storyRefreshed(change: { key: ShowKey }): void;
  cardsAnswered(answers: CardAnswer[]): void;
}

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();
