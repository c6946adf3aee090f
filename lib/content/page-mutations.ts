/** Attributes that, when they change on a card element, may make it another title. */
const IDENTITY_ATTRIBUTES = ['href', 'aria-label'];

export type MutationListener = (records: readonly MutationRecord[]) => void;

export interface PageMutations {
  /** Hands `listener` every batch of the page's mutations (child lists, and IDENTITY_ATTRIBUTES); returns its removal. */
  subscribe(listener: MutationListener): () => void;
  /** Hands the listeners the mutations made so far in this task now, instead of in a callback of their own. */
  deliverNow(): void;
}

/**
 * One MutationObserver over the whole page for every watcher of this script: each observer's
 * callback is a call from the page into the content script's world, paid on every batch of page
 * changes (a row of cards loading, a badge placed), so the watchers share one.
 * It observes while anyone listens, and not after the last listener left.
 */
export function observePageMutations(doc: Document): PageMutations {
  const listeners = new Set<MutationListener>();
  const deliver = (records: MutationRecord[]) => listeners.forEach((listener) => listener(records));
  const observer = new MutationObserver(deliver);
  return {
    subscribe(listener) {
      if (listeners.size === 0) observer.observe(doc.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: IDENTITY_ATTRIBUTES });
      listeners.add(listener);
      return () => {
        if (listeners.delete(listener) && listeners.size === 0) observer.disconnect();
      };
    },
    deliverNow() {
      const records = observer.takeRecords();
      if (records.length > 0) deliver(records);
    },
  };
}
