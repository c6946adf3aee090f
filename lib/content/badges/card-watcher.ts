import type { CardBatch, CardSighting, SiteAdapter } from '../../sites/types';
import { isOwnElement } from '../own-elements';
import { observePageMutations, type PageMutations } from '../page-mutations';

export interface SeenCard {
  /** The element the adapter read (a card link, the mini modal). */
  element: Element;
  card: CardSighting;
}

type Observer = Pick<IntersectionObserver, 'observe' | 'unobserve' | 'disconnect'>;

export interface CardWatcherOptions {
  doc: Document;
  adapter: Pick<SiteAdapter, 'cardElements' | 'cardGroups' | 'groupCardElements' | 'readCard' | 'cardsShowing'>;
  readUrl: () => URL;
  /** Runs the handling of a batch of mutations once per animation frame in the page. */
  schedule: (run: () => void) => void;
  /** Cards that came on screen, read now (one call per batch of the intersection observer), and cards of known titles the page added. */
  onVisible(cards: SeenCard[]): void;
  /** A card element reported visible left the page, or changed to show another title: its badge must go. */
  onGone(element: Element): void;
  /** Titles known to have a story (their IDs, and whether a card is one): their cards are reported as the page adds them. */
  known?: { ids(): readonly string[]; has(card: CardSighting): boolean };
  /** The page's mutations, shared with the other watchers (default: its own observer). */
  mutations?: PageMutations;
  /** For tests: stands in for the browser's IntersectionObserver (called once: rows and cards share it). */
  createIntersectionObserver?: (callback: IntersectionObserverCallback) => Observer;
}

/**
 * A row that comes on screen has its first ROW_WINDOW cards observed and its last ROW_TAIL: a
 * carousel shows at most ROW_VIEW of them before anyone moves along it, and wraps around to its
 * end. A card after ROW_VIEW or of the tail on screen means the viewer moves along the row: from
 * then on all its cards are observed.
 */
export const ROW_VIEW = 8;
export const ROW_WINDOW = 12;
export const ROW_TAIL = 2;

/**
 * Rows added in one frame that are taken as on screen at once (the first in the page's order): a
 * screen shows three or four; the rest wait for the row observer, so a whole new page of rows does
 * not observe every row's cards only to let them go.
 */
export const ROWS_SOON = 4;

/**
 * Finds card elements as the page adds them and reads each only when it comes on screen.
 *
 * Two levels of intersection observation keep the cost proportional to what is on screen, not to
 * what the page holds: the rows (the adapter's card groups) are always observed, and their cards
 * only while the row is on screen, a long row's only in its window until the viewer moves along it
 * (ROW_WINDOW). Cards outside any row are observed themselves. After the first
 * pass only added subtrees are queried (one pass per animation frame); removed cards and rows are
 * unobserved, so nothing detached is kept alive. Cards of titles already known to have a story are
 * the exception: they are read in the frame the page adds them (`known`).
 */
export function followCards(options: CardWatcherOptions) {
  const { doc, adapter, readUrl, schedule, onVisible, onGone } = options;
  const mutations = options.mutations ?? observePageMutations(doc);
  const groupSelector = adapter.cardGroups;
  const groupCards = adapter.groupCardElements ?? adapter.cardElements;
  const observing = new WeakSet<Element>();
  const reported = new WeakSet<Element>();
  const watchedGroups = new WeakSet<Element>();
  /** Rows on screen, with the cards observed in them: let go when the row leaves. */
  const rowsOnScreen = new WeakMap<Element, Element[]>();
  /** Rows the viewer moved along: all their cards are observed whenever they are on screen. */
  const wholeRows = new WeakSet<Element>();
  /** Cards whose coming on screen makes their row whole. */
  const windowEnds = new WeakSet<Element>();
  let addedNodes: Node[] = [];
  let removed: Node[] = [];
  let changed = new Set<Element>();
  let pending = false;
  let stopped = false;
  /** Rows the page may still add in this frame that are taken as on screen until the row observer says. */
  let soon = 0;

  // Only the rows on screen have cards watched, and of a row first only its window: the browser
  // computes every observed card's intersection in every frame that changes layout, and observing
  // or letting go of a card costs a few microseconds; on a page of thousands of cards that cost more
  // than all of our scripts (issue #4's benchmark). Rows and cards share one observer: one call into
  // this script per rendering update that moves them, not one per kind.
  const observer = (options.createIntersectionObserver ?? ((callback: IntersectionObserverCallback) => new IntersectionObserver(callback)))((entries) => {
    if (stopped) return;
    const onScreen: Element[] = [];
    for (const { target, isIntersecting } of entries) {
      if (!target.isConnected) continue;
      if (watchedGroups.has(target)) {
        if (isIntersecting === rowsOnScreen.has(target)) continue;
        if (isIntersecting) enter(target);
        else {
          rowsOnScreen.get(target)!.forEach(unobserve);
          rowsOnScreen.delete(target);
        }
      } else if (isIntersecting && observing.has(target)) {
        if (windowEnds.has(target)) widen(target);
        onScreen.push(target);
      }
    }
    if (onScreen.length > 0) readCards(onScreen);
  });

  /** A row on screen: its window's cards are observed (all of them once the viewer moved along it). */
  function enter(row: Element): void {
    const observed: Element[] = [];
    rowsOnScreen.set(row, observed);
    // Read by index: only the cards taken get a wrapper in this script's world.
    const cards = row.querySelectorAll(groupCards);
    const whole = wholeRows.has(row);
    for (let i = 0; i < cards.length; i++) {
      if (!whole && i >= ROW_WINDOW && i < cards.length - ROW_TAIL) continue;
      if (!whole && i >= ROW_VIEW) windowEnds.add(cards[i]!);
      observeIn(observed, cards[i]!);
    }
  }

  /**
   * Reads these cards as one batch and reports those it finds a title on (and, given `wanted`,
   * only those it wants). Read once is enough: only a change of its attributes or its removal
   * (both seen by the mutation observer) can make a card another title, so it is let go.
   */
  function readCards(elements: readonly Element[], wanted?: (card: CardSighting) => boolean): void {
    const url = readUrl();
    const batch: CardBatch = new Map();
    const seen: SeenCard[] = [];
    for (const element of elements) {
      const card = readSafely(element, url, batch);
      if (!card || (wanted && !wanted(card))) continue;
      unobserve(element);
      reported.add(element);
      seen.push({ element, card });
    }
    if (seen.length === 0) return;
    onVisible(seen);
    // The badges this placed are ours: the page's observer hears of them now, not in a call of its own.
    mutations.deliverNow();
  }

  /** The card's row has all of its cards observed from now on. */
  function widen(card: Element): void {
    const row = groupSelector && card.closest(groupSelector);
    const observed = row && rowsOnScreen.get(row);
    if (!observed || wholeRows.has(row)) return;
    wholeRows.add(row);
    row.querySelectorAll(groupCards).forEach((card) => observeIn(observed, card));
  }

  /** Observes a card of a row on screen; the row's list holds only what this started observing. */
  function observeIn(observed: Element[], card: Element): void {
    if (observe(card)) observed.push(card);
  }

  /** Page markup is untrusted: whatever a card holds, the page never sees an error from us. */
  function readSafely(element: Element, url: URL, batch: CardBatch): CardSighting | null {
    try {
      return adapter.readCard(element, url, batch);
    } catch {
      return null;
    }
  }

  /** Whether this started observing the card (not already observed, not read already). */
  function observe(card: Element): boolean {
    if (observing.has(card) || reported.has(card)) return false;
    observing.add(card);
    observer.observe(card);
    return true;
  }

  function unobserve(card: Element): void {
    if (observing.delete(card)) observer.unobserve(card);
  }

  function forget(card: Element): void {
    unobserve(card);
    if (reported.delete(card)) onGone(card);
  }

  function watchGroup(group: Element): void {
    if (watchedGroups.has(group)) return;
    watchedGroups.add(group);
    observer.observe(group);
    // Rows the page adds mostly come on screen (infinite scroll, a new page of rows): their cards
    // are observed in this frame, so the observers' first report needs no frame of its own; the row
    // observer lets them go if the row is not on screen.
    if (soon > 0) {
      soon--;
      enter(group);
    }
  }

  function unwatchGroup(group: Element): void {
    if (watchedGroups.delete(group)) observer.unobserve(group);
  }

  /** Cards outside any row: observed themselves. */
  const rowlessCards = groupSelector ? `:is(${adapter.cardElements}):not(:is(${groupSelector}) *)` : adapter.cardElements;

  /** A card found in the page: watched now if it has no row or its row is near, else when its row comes near. */
  function consider(card: Element): void {
    const group = groupSelector ? card.closest(groupSelector) : null;
    const observed = group && rowsOnScreen.get(group);
    if (observed) observeIn(observed, card);
    else if (group) watchGroup(group);
    else observe(card);
  }

  /**
   * What the page added: inside a row, its cards are watched if the row is near (else the row
   * brings them when it comes near); elsewhere, the rows it holds are watched, and its cards
   * outside rows. One query per added node, never one per card.
   */
  function added(node: Element): void {
    const group = groupSelector ? node.closest(groupSelector) : null;
    if (group) {
      const observed = rowsOnScreen.get(group);
      if (observed) within(node, groupCards).forEach((card) => observeIn(observed, card));
      else watchGroup(group);
      return;
    }
    if (groupSelector) within(node, groupSelector).forEach(watchGroup);
    within(node, rowlessCards).forEach(observe);
  }

  function within(node: Node, selector: string): Element[] {
    if (!isElement(node)) return [];
    const inside = Array.from(node.querySelectorAll(selector));
    return node.matches(selector) ? [node, ...inside] : inside;
  }

  function handleMutations(): void {
    pending = false;
    if (stopped) return;
    soon = ROWS_SOON;
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
    if (nowAdded.length === 0) return;
    // Cards of titles known to have a story are read as the page adds them, on screen or not: their
    // badge is laid out with them, not a frame later (a frame that lays out and paints the whole
    // page again, issue #4's benchmark).
    const ids = options.known?.ids();
    const known = ids?.length && adapter.cardsShowing ? adapter.cardsShowing(ids) : '';
    const knownCards: Element[] = [];
    for (const node of nowAdded) {
      if (!node.isConnected || !isElement(node)) continue;
      added(node);
      if (known) for (const card of within(node, known)) if (!reported.has(card)) knownCards.push(card);
    }
    if (knownCards.length > 0) readCards(knownCards, options.known!.has);
  }

  // Our own badges and panel coming and going are no cards: they are dropped here, once, so a batch
  // of only those (each badge placed is one) schedules nothing and no later step looks at them.
  const unsubscribe = mutations.subscribe((records) => {
    for (const record of records) {
      if (record.type === 'attributes') {
        if (isElement(record.target) && (observing.has(record.target) || reported.has(record.target))) changed.add(record.target);
        continue;
      }
      record.addedNodes.forEach((node) => isOwnElement(node) || addedNodes.push(node));
      record.removedNodes.forEach((node) => isOwnElement(node) || removed.push(node));
    }
    if (pending || stopped || (addedNodes.length === 0 && removed.length === 0 && changed.size === 0)) return;
    pending = true;
    schedule(handleMutations);
  });

  added(doc.documentElement);

  return {
    /** Disconnects every observer; nothing is read or reported afterwards. */
    stop(): void {
      stopped = true;
      unsubscribe();
      observer.disconnect();
      addedNodes = [];
      removed = [];
      changed.clear();
    },
  };
}

function isElement(node: Node): node is Element {
  return node.nodeType === 1;
}
