import { browser } from 'wxt/browser';
import { onMessage, type CardAnswer } from '../messaging';
import { parseCardAnswers } from './badges/card-answers';
import type { PageController } from './page-controller';

/**
 * Requests from our own popup and background to this page. Only our extension can reach a content
 * script's runtime.onMessage, but the ID is checked anyway and payloads are checked by hand
 * (no schema library in the always-on script).
 */
export interface ExtensionRequestOptions {
  readPageNow?: () => void;
  /** Badge answers that arrive after their lookups ran. */
  onCardAnswers?: (answers: CardAnswer[]) => void;
}

export function listenForExtensionRequests(controller: PageController, options: ExtensionRequestOptions = {}): () => void {
  // One helper for every refusal: each distinct string is paid for in the always-on script's budget.
  const malformed = (): never => {
    throw new Error('Rejected: malformed payload');
  };
  const fromUs = (sender: { id?: string }) => {
    if (sender.id !== browser.runtime.id) throw new Error('Rejected: not from Backstory');
  };
  const removers = [
    onMessage('getTabShow', async ({ sender }) => {
      fromUs(sender);
      // The popup may open before the next animation frame has read a change to the page.
      options.readPageNow?.();
      return controller.tabShow();
    }),
    onMessage('openPanel', ({ sender }) => {
      fromUs(sender);
      return controller.reveal() ? { ok: true } : { ok: false, message: 'There is no real story to show on this page.' };
    }),
    onMessage('watchlistChanged', ({ data, sender }) => {
      fromUs(sender);
      if (typeof data?.key !== 'string' || typeof data.saved !== 'boolean') malformed();
      controller.watchlistChanged(data.key, data.saved);
    }),
    onMessage('storyRefreshed', ({ data, sender }) => {
      fromUs(sender);
      if (typeof data?.key !== 'string') malformed();
      void controller.storyRefreshed(data.key);
    }),
    onMessage('cardsAnswered', ({ data, sender }) => {
      fromUs(sender);
      options.onCardAnswers?.(parseCardAnswers(data) ?? malformed());
    }),
  ];
  return () => removers.forEach((remove) => remove());
}
