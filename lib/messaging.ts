/**
 * The one message protocol between Backstory's parts, named by what is asked.
 *
 * Content script → background: resolveSighting, injectPanel, setWatchlisted, openWatchlistPage.
 * Extension pages → background: setWatchlisted.
 * Extension pages → content script (a tab): getTabShow, openPanel.
 * Background → content script: watchlistChanged, storyRefreshed.
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

export interface ProtocolMap {
  resolveSighting(sighting: Sighting): Resolution;
  injectPanel(): Done;
  setWatchlisted(change: WatchlistChange): WatchlistResult;
  openWatchlistPage(): Done;
  getTabShow(): TabShow;
  openPanel(): Done;
  watchlistChanged(change: { key: ShowKey; saved: boolean }): void;
  storyRefreshed(change: { key: ShowKey }): void;
}

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();
