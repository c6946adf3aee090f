import type { CardSighting, SiteAdapter } from '../../sites/types';

export interface SeenCard {
  /** The element the adapter read (a card link, the mini modal). */
  element: Element;
  card: CardSighting;
}

export interface CardWatcherOptions {
  doc: Document;
  adapter: Pick<SiteAdapter, 'cardElements' | 'readCard'>;
  readUrl: () => URL;
  /** Runs the handling of a batch of mutations once per animation frame in the page. */
  schedule: (run: () => void) => void;
  /** Cards that came on screen, read now (one call per batch of the intersection observer). */
  onVisible(cards: SeenCard[]): void;
  /** A card element left the page, or changed to show another title: its badge must go. */
  onGone(element: Element): void;
  /** For tests: stands in for the browser's IntersectionObserver. */
  createIntersectionObserver?: (callback: IntersectionObserverCallback) => Pick<IntersectionObserver, 'observe' | 'unobserve' | 'disconnect'>;
}

/** Attributes that, when they change on a card element, may make it another title. */
const IDENTITY_ATTRIBUTES = ['href', 'aria-label'];

/**
 * Finds card elements as the page adds them and reads each only when it comes on screen.
 *
 * Costs stay proportional to what changed: the first pass queries the document once; after that
 * only added subtrees are queried (one `querySelectorAll` each, in one pass per animation frame),
 * and nothing is read until the intersection observer reports a card visible. Removed cards are
 * unobserved, so the observer never keeps a detached element alive.
 */
export function followCards(options: CardWatcherOptions) {
  const { doc, adapter, readUrl, schedule, onVisible, onGone } = options;
  const tracked = new WeakSet<Element>();
  let added: Node[] = [];
  let removed: Node[] = [];
  let changed = new Set<Element>();
  let pending = false;
  let stopped = false;

  const intersections = (options.createIntersectionObserver ?? ((callback) => new IntersectionObserver(callback)))((entries) => {
    if (stopped) return;
    const url = readUrl();
    const seen: SeenCard[] = [];
    for (const entry of entries) {
      if (!entry.isIntersecting || !entry.target.isConnected) continue;
      const card = readSafely(entry.target, url);
      if (card) seen.push({ element: entry.target, card });
    }
    if (seen.length > 0) onVisible(seen);
  });

  /** Page markup is untrusted: whatever a card holds, the page never sees an error from us. */
  function readSafely(element: Element, url: URL): CardSighting | null {
    try {
      return adapter.readCard(element, url);
    } catch {
      return null;
    }
  }

  function track(element: Element): void {
    if (tracked.has(element)) return;
    tracked.add(element);
    intersections.observe(element);
  }

  function untrack(element: Element): void {
    if (!tracked.has(element)) return;
    tracked.delete(element);
    intersections.unobserve(element);
    onGone(element);
  }

  function cardsIn(node: Node): Element[] {
    if (!isElement(node) || isOurs(node)) return [];
    const inside = Array.from(node.querySelectorAll(adapter.cardElements));
    return node.matches(adapter.cardElements) ? [node, ...inside] : inside;
  }

  function handleMutations(): void {
    pending = false;
    if (stopped) return;
    const [nowAdded, nowRemoved, nowChanged] = [added, removed, changed];
    added = [];
    removed = [];
    changed = new Set();
    for (const node of nowRemoved) {
      // A node moved within the page is removed and added again: it is still a card.
      if (!node.isConnected) cardsIn(node).forEach(untrack);
    }
    for (const element of nowChanged) {
      // Same element, maybe another title now: forget what it showed and read it afresh.
      if (!element.isConnected) continue;
      untrack(element);
      if (element.matches(adapter.cardElements)) track(element);
    }
    for (const node of nowAdded) {
      if (node.isConnected) cardsIn(node).forEach(track);
    }
  }

  const mutations = new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'attributes') {
        if (isElement(record.target) && tracked.has(record.target)) changed.add(record.target);
        continue;
      }
      record.addedNodes.forEach((node) => added.push(node));
      record.removedNodes.forEach((node) => removed.push(node));
    }
    if (pending || stopped || (added.length === 0 && removed.length === 0 && changed.size === 0)) return;
    pending = true;
    schedule(handleMutations);
  });

  mutations.observe(doc.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: IDENTITY_ATTRIBUTES });
  doc.querySelectorAll(adapter.cardElements).forEach(track);

  return {
    /** Disconnects both observers; nothing is read or reported afterwards. */
    stop(): void {
      stopped = true;
      mutations.disconnect();
      intersections.disconnect();
      added = [];
      removed = [];
      changed.clear();
    },
  };
}

function isElement(node: Node): node is Element {
  return node.nodeType === 1;
}

/** Our own badges and panel: never cards, and never worth a query. */
function isOurs(element: Element): boolean {
  return element.localName.startsWith('backstory-');
}
