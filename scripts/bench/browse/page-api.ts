/** What page/synthetic-browse.js puts on the synthetic page's window (see there). */

export interface BadgeWatchEntry {
  /** The card's Netflix ID. */
  id: string;
  row: number;
  slot: number;
  /** performance.now() of the rendering update that first found the card in view (IntersectionObserver entry time). */
  visibleAt: number | null;
  /** The card was already in view when the watch began (not a "became visible" case). */
  visibleAtArm: boolean;
  /** When a backstory-badge was first seen inserted in the card's slot (MutationObserver). */
  badgeInsertedAt: number | null;
  /** The first animation frame at which that badge had a non-zero layout box. */
  badgeShownAt: number | null;
  showKey: string | null;
  siteId: string | null;
  /** backstory-badge elements in the slot when last seen (1 expected). */
  badges: number;
}

export interface BenchPageApi {
  cardCount(): number;
  rowCount(): number;
  burstsLeft(): number;
  /** Appends the next burst (4 rows of 50 cards), scrolls to it; returns the cards added. */
  burst(): number;
  watchBadges(ids: string[], maxRow: number): number;
  badgeResults(): BadgeWatchEntry[];
  stopWatchingBadges(): void;
  scrollToRow(row: number): boolean;
  badgeCount(): number;
}

export type BenchPageWindow = Window & { __backstoryBench: BenchPageApi };
