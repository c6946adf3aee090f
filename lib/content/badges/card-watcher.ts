import type { CardBatch, CardSighting, SiteAdapter } from '../../sites/types';
import { isOwnElement } from '../own-elements';

export interface SeenCard {
  /** The element the adapter read (a card link, the mini modal). */
  element: Element;
  card: CardSighting;
}

type Observer = Pick<IntersectionObserver, 'observe' | 'unobserve' | 'disconnect'>;

export interface CardWatcherOptions {
  doc: Document;
  adapter: Pick<SiteAdapter, 'cardElements' | 'cardGroups' | 'groupCardElements' | 'readCard'>;
  readUrl: () => URL;
  /** Runs the handling of a batch of mutations once per animation frame in the page. */
  schedule: (run: () => void) => void;
  /** Cards that came on screen, read now (one call per batch of the intersection observer). */
  onVisible(cards: SeenCard[]): void;
  /** A card element reported visible left the page, or changed to show another title: its badge must go. */
  onGone(element: Element): void;
  /** For tests: stands in for the browser's IntersectionObserver (called twice: groups, then cards). */
  createIntersectionObserver?: (callback: IntersectionObserverCallback) => Observer;
}

/** Attributes that, when they change on a card element, may make it another title. */
const IDENTITY_ATTRIBUTES = ['href', 'aria-label'];

/**
 * Finds card elements as the page adds them and reads each only when it comes on screen.
 *
 * Two levels of intersection observers keep the cost proportional to what is on screen, not to
 * what the page holds: the rows (the adapter's card groups) are always observed, and their cards
 * only while the row is on screen. Cards outside any row are observed themselves. After the first
 * pass only added subtrees are queried (one pass per animation frame); removed cards and rows are
 * unobserved, so nothing detached is kept alive.
 */
export function followCards(options: CardWatcherOptions) {
  const { doc, adapter, readUrl, schedule, onVisible, onGone } = options;
  const groupSelector = adapter.cardGroups;
  const groupCards = adapter.groupCardElements ?? adapter.cardElements;
  const observing = new WeakSet<Element>();
  const reported = new WeakSet<Element>();
  const watchedGroups = new WeakSet<Element>();
  /** Rows that have come on screen: their cards are observed. */
  const openedGroups = new WeakSet<Element>();
  let addedNodes: Node[] = [];
  let removed: Node[] = [];
  let changed = new Set<Element>();
  let pending = false;
  let stopped = false;

  const createObserver = options.createIntersectionObserver ?? ((callback: IntersectionObserverCallback) => new IntersectionObserver(callback));

  // Only the rows on screen have their cards watched: the browser computes every observed card's
  // intersection in every frame that changes layout, and on a page of thousands of cards that
  // cost more than all of our scripts (issue #4's benchmark, "intersection observers").
  const groupObserver = createObserver((entries) => {
    if (stopped) return;
    for (const { target, isIntersecting } of entries) {
      if (!target.isConnected || isIntersecting === openedGroups.has(target)) continue;
      const cards = target.querySelectorAll(groupCards);
      if (isIntersecting) {
        openedGroups.add(target);
        cards.forEach(observe);
      } else {
        openedGroups.delete(target);
        cards.forEach(unobserve);
      }
    }
  });

  const cardObserver = createObserver((entries) => {
    if (stopped) return;
    const url = readUrl();
    const batch: CardBatch = new Map();
    const seen: SeenCard[] = [];
    for (const entry of entries) {
      if (!entry.isIntersecting || !entry.target.isConnected) continue;
      const card = readSafely(entry.target, url, batch);
      if (!card) continue;
      reported.add(entry.target);
      seen.push({ element: entry.target, card });
    }
    if (seen.length > 0) onVisible(seen);
  });

  /** Page markup is untrusted: whatever a card holds, the page never sees an error from us. */
  function readSafely(element: Element, url: URL, batch: CardBatch): CardSighting | null {
    try {
      return adapter.readCard(element, url, batch);
    } catch {
      return null;
    }
  }

  function observe(card: Element): void {
    if (observing.has(card)) return;
    observing.add(card);
    cardObserver.observe(card);
  }

  function unobserve(card: Element): void {
    if (observing.delete(card)) cardObserver.unobserve(card);
  }

  function forget(card: Element): void {
    unobserve(card);
    if (reported.delete(card)) onGone(card);
  }

  function watchGroup(group: Element): void {
    if (watchedGroups.has(group)) return;
    watchedGroups.add(group);
    groupObserver.observe(group);
  }

  function unwatchGroup(group: Element): void {
    if (watchedGroups.delete(group)) groupObserver.unobserve(group);
  }

  /** Cards outside any row: observed themselves. */
  const rowlessCards = groupSelector ? `:is(${adapter.cardElements}):not(:is(${groupSelector}) *)` : adapter.cardElements;

  /** A card found in the page: watched now if it has no row or its row is near, else when its row comes near. */
  function consider(card: Element): void {
    const group = groupSelector ? card.closest(groupSelector) : null;
    if (!group || openedGroups.has(group)) observe(card);
    else watchGroup(group);
  }

  /**
   * What the page added: inside a row, its cards are watched if the row is near (else the row
   * brings them when it comes near); elsewhere, the rows it holds are watched, and its cards
   * outside rows. One query per added node, never one per card.
   */
  function added(node: Element): void {
    const group = groupSelector ? node.closest(groupSelector) : null;
    if (group) {
      if (openedGroups.has(group)) within(node, groupCards).forEach(observe);
      else watchGroup(group);
      return;
    }
    if (groupSelector) within(node, groupSelector).forEach(watchGroup);
    within(node, rowlessCards).forEach(observe);
  }

  function within(node: Node, selector: string): Element[] {
    if (!isElement(node) || isOwnElement(node)) return [];
    const inside = Array.from(node.querySelectorAll(selector));
    return node.matches(selector) ? [node, ...inside] : inside;
  }

  function handleMutations(): void {
    pending = false;
    if (stopped) return;
    const [nowAdded, nowRemoved, nowChanged] = [addedNodes, removed, changed];
    addedNodes = [];
    removed = [];
    changed = new Set();
    for (const node of nowRemoved) {
      // A node moved within the page is removed and added again: it is still there.
      if (node.isConnected) continue;
      within(node, adapter.cardElements).forEach(forget);
      if (groupSelector) within(node, groupSelector).forEach(unwatchGroup);
    }
    for (const element of nowChanged) {
      // Same element, maybe another title now: forget what it showed and read it afresh.
      if (!element.isConnected) continue;
      forget(element);
      if (element.matches(adapter.cardElements)) consider(element);
    }
    for (const node of nowAdded) {
      if (node.isConnected && isElement(node) && !isOwnElement(node)) added(node);
    }
  }

  const mutations = new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'attributes') {
        if (isElement(record.target) && (observing.has(record.target) || reported.has(record.target))) changed.add(record.target);
        continue;
      }
      record.addedNodes.forEach((node) => addedNodes.push(node));
      record.removedNodes.forEach((node) => removed.push(node));
    }
    if (pending || stopped || (addedNodes.length === 0 && removed.length === 0 && changed.size === 0)) return;
    pending = true;
    schedule(handleMutations);
  });

  mutations.observe(doc.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: IDENTITY_ATTRIBUTES });
  added(doc.documentElement);

  return {
    /** Disconnects every observer; nothing is read or reported afterwards. */
    stop(): void {
      stopped = true;
      mutations.disconnect();
      groupObserver.disconnect();
      cardObserver.disconnect();
      addedNodes = [];
      removed = [];
      changed.clear();
    },
  };
}

function isElement(node: Node): node is Element {
  return node.nodeType === 1;
}
