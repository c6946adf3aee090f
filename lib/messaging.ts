/**
 * The one message protocol between Backstory's parts, named by what is asked.
 *
 * Content script → background: resolveSighting, resolveCards, injectPanel, setWatchlisted,
 *   openWatchlistPage.
 * Extension pages → background: setWatchlisted.
 * Extension pages → content script (a tab): getTabShow, openPanel.
 * Background → content script: watchlistChanged, storyRefreshed, cardsAnswered.
 *
 * Types only here, so the always-on content script pays for no schema library; the receiving
 * side validates every payload (lib/messaging-guards.ts) because a sender's types prove nothing.
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { Resolution, ShowKey, Sighting } from './model';

export type WatchlistChange = { key: ShowKey; saved: boolean; sighting?: Sighting };
export type WatchlistResult = { ok: true; saved: boolean } | { ok: false; message: string };
export type TabShow = { sighting: Sighting; resolution: Resolution | null } | null;
export type Done = { ok: true } | { ok: false; message: string };

/** What a card's badge says: which show, and a one-line teaser (the work it is based on, when the events began). */
export type CardStory = {
  key: ShowKey;
  title: string;
  relation?: 'basis' | 'inspiration';
  /** The work: its title, with its outlet or first author. */
  work?: { title: string; by?: string };
  /** The year the real events began. */
  eventYear?: number;
};

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

/** Most cards one `resolveCards` message may ask about. */
export const MAX_CARDS_PER_MESSAGE = 50;

export interface ProtocolMap {
  resolveSighting(sighting: Sighting): Resolution;
  resolveCards(cards: Sighting[]): CardAnswer[];
  injectPanel(): Done;
  setWatchlisted(change: WatchlistChange): WatchlistResult;
  openWatchlistPage(): Done;
  getTabShow(): TabShow;
  openPanel(): Done;
  watchlistChanged(change: { key: ShowKey; saved: boolean }): void;
  storyRefreshed(change: { key: ShowKey }): void;
  cardsAnswered(answers: CardAnswer[]): void;
}

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();
