import type { Sighting, Site } from '../model';

/** Where the panel goes on the page. `overlay` docks it to the viewport edge inside `element`. */
export type PanelAnchor =
  | { element: Element; placement: 'before' | 'after' | 'prepend' | 'append' }
  | { element: Element; placement: 'overlay' };

/**
 * The title the user is looking at right now (detail modal, title page, player), plus where its
 * panel belongs. At most one per page.
 */
export interface FocusSighting {
  sighting: Sighting;
  anchor: PanelAnchor;
}

/** A title on a card (browse rows, search results, mini modal), with the element a badge attaches to. */
export interface CardSighting {
  sighting: Sighting;
  host: Element;
}

/**
 * A site adapter: pure functions of a Document and a URL. No messaging, storage or timers, so
 * each one is tested against saved pages.
 */
export interface SiteAdapter {
  site: Site;
  /** Hosts this adapter reads, e.g. "www.netflix.com". */
  hosts: readonly string[];
  /** The focused title, or null when the page shows none (browse rows, search, loading). */
  focus(doc: Document, url: URL): FocusSighting | null;
  /**
   * A selector for every element that may be a card (`readCard` decides), so a watcher can find
   * cards in the nodes a page adds without reading the whole document again.
   */
  cardElements: string;
  /**
   * A selector for the rows and galleries cards sit in, if the site has them: a watcher observes
   * the rows and only the cards of rows near the screen, instead of every card on a long page.
   */
  cardGroups?: string;
  /**
   * The card elements that may sit in those rows (cardElements without those that never do, such
   * as dialogs): each row that comes on screen is queried with it, which is cheaper.
   */
  groupCardElements?: string;
  /**
   * A selector for the elements that may be cards of these IDs (`readCard` decides), so a watcher
   * can find the cards of titles it knows among what the page adds, with one query.
   */
  cardsShowing?(ids: readonly string[]): string;
  /**
   * The title one card element shows, or null when it shows none we may badge. Cards read
   * together (those that came on screen at once) may share a `batch`, in which the adapter keeps
   * what their common ancestors told it; a new one each time, as the page changes in between.
   */
  readCard(element: Element, url: URL, batch?: CardBatch): CardSighting | null;
}

/** See SiteAdapter.readCard: what an adapter learnt of the page's elements while reading one batch of cards. */
export type CardBatch = Map<Element, boolean>;
