import { browser } from 'wxt/browser';
import { sendMessage } from '../messaging';
import { supportedMatchPatterns } from '../sites/registry';
import type { BackgroundServiceDeps } from './service';

/** The file WXT builds from entrypoints/panel.content (registration: 'runtime'). */
export const PANEL_SCRIPT = '/content-scripts/panel.js';

/** The background's side effects on the browser, kept apart so the service is testable without one. */
export function createBrowserEffects(): Pick<BackgroundServiceDeps, 'injectPanel' | 'openWatchlistPage' | 'broadcastWatchlistChange'> {
  return {
    async injectPanel({ tabId, frameId }) {
      await browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: [PANEL_SCRIPT] });
    },
    async openWatchlistPage(fromTabId) {
      const query = fromTabId === undefined ? '' : `?tabId=${fromTabId}`;
      await browser.tabs.create({ url: browser.runtime.getURL(`/popup.html${query}`) });
    },
    async broadcastWatchlistChange(change) {
      const tabs = await browser.tabs.query({ url: supportedMatchPatterns() });
      await Promise.allSettled(tabs.map((tab) => (tab.id === undefined ? undefined : sendMessage('watchlistChanged', change, tab.id))));
    },
  };
}
