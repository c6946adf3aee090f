import { browser } from 'wxt/browser';

/**
 * The tab the popup is about: the active tab of its window, or the tab named in `?tabId=` when
 * the popup page was opened in a tab of its own (from the panel's "Your watchlist").
 */
export async function findTargetTabId(search: string): Promise<number | undefined> {
  const named = new URLSearchParams(search).get('tabId');
  if (named && /^\d{1,10}$/.test(named)) return Number(named);
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  return active?.id;
}
