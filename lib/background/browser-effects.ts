import { browser } from 'wxt/browser';
import { sendMessage, type CardAnswer } from '../messaging';
import type { TabTarget } from './card-lookups';
import { supportedMatchPatterns } from '../sites/registry';
import type { BackgroundServiceDeps } from './service';

/** The file WXT builds from entrypoints/panel.content (registration: 'runtime'). */
export const PANEL_SCRIPT = '/content-scripts/panel.js';

/** Sends to every open tab of a supported site; a tab without our script just does not answer. */
async function toSupportedTabs(send: (tabId: number) => Promise<unknown>): Promise<void> {
  const tabs = await browser.tabs.query({ url: supportedMatchPatterns() });
  await Promise.allSettled(tabs.map((tab) => (tab.id === undefined ? undefined : send(tab.id))));
}

/** The background's side effects on the browser, kept apart so the service is testable without one. */
export function createBrowserEffects(): Pick<BackgroundServiceDeps, 'injectPanel' | 'openWatchlistPage' | 'broadcastWatchlistChange'> & {
  broadcastStoryRefreshed(key: string): Promise<void>;
  tellCards(target: TabTarget, answers: CardAnswer[]): Promise<void>;
} {
  return {
    async injectPanel({ tabId, frameId }) {
      await browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: [PANEL_SCRIPT] });
    },
    async openWatchlistPage(fromTabId) {
      const query = fromTabId === undefined ? '' : `?tabId=${fromTabId}`;
      await browser.tabs.create({ url: browser.runtime.getURL(`/popup.html${query}`) });
    },
    async broadcastWatchlistChange(change) {
      await toSupportedTabs((tabId) => sendMessage('watchlistChanged', change, tabId));
    },
    async tellCards({ tabId, frameId }, answers) {
      await sendMessage('cardsAnswered', answers, { tabId, frameId });
    },
    async broadcastStoryRefreshed(key) {
      await toSupportedTabs((tabId) => sendMessage('storyRefreshed', { key }, tabId));
    },
  };
}
