/**
 * Card titles on browse and search pages, plus the hover (mini) modal. Cards are read from their
 * link: `aria-label` is the title (the image alt is empty), the href holds the ID.
 *
 * `readCard` reads one element, so the content script can read only the cards that come on screen
 * (lib/sites/cards-on-page.ts reads a whole page).
 */
import type { CardBatch, CardSighting } from '../types';
import { isExcluded, isExcludedIn } from './dom';
import { jbvId, linkJbvId, linkTarget, tctxVideoId, titlePathId, watchPathId } from './ids';
import { isMiniDialog, miniModalCard } from './modal';
import {
  CARD_CAROUSEL,
  CARD_GAME,
  CARD_HOSTS,
  CARD_LEGACY_IN_CONTAINER,
  CARD_LEGACY_SLIDER_REFOCUS,
  CONTINUE_WATCHING_ROW,
  MODAL_DIALOG,
  MODAL_MINI_BY_CLASS,
} from './selectors';
import { netflixSighting } from './sighting';
import { titleFromCardLabel } from './text';

const LEGACY_CARD = `${CARD_LEGACY_IN_CONTAINER}, ${CARD_LEGACY_SLIDER_REFOCUS}`;

/** Card links of both eras: what rows and galleries hold. */
export const CARD_LINKS = `${CARD_CAROUSEL}, ${LEGACY_CARD}`;

/** Every element `readCard` may find a title on: card links and the mini modal. */
export const CARD_ELEMENTS = [CARD_LINKS, MODAL_DIALOG, MODAL_MINI_BY_CLASS].join(', ');

/** The title one card element shows, or null (a game, a region naming other titles, no ID or title). */
export function readCard(element: Element, url: URL, batch?: CardBatch): CardSighting | null {
  if (batch ? isExcludedIn(element, batch) : isExcluded(element)) return null;
  if (element.matches(CARD_CAROUSEL)) return carouselCard(element, url);
  if (element.matches(LEGACY_CARD)) return legacyCard(element, url);
  if (isMiniDialog(element)) return miniModalCard(element.ownerDocument, url, element) ?? null;
  return null;
}

/** 2026 carousel rows and search results: the ID is the link's `jbv`. */
function carouselCard(link: Element, url: URL): CardSighting | null {
  if (isInGameRow(link)) return null;
  const siteId = linkJbvId(link, url);
  const title = titleFromCardLabel(link.getAttribute('aria-label'));
  if (siteId === undefined || title === undefined) return null;
  return { sighting: netflixSighting('card', { siteId, title }), host: badgeHost(link) };
}

/**
 * Legacy lolomo rows link to `/watch/ID`. `tctx` names the show even on a Continue Watching card
 * that resumes an episode. Without `tctx`, a browse card's `/watch/` ID is the title's own, except
 * in Continue Watching, where it is the episode to resume and must not stand for the show.
 */
function legacyCard(link: Element, url: URL): CardSighting | null {
  const target = linkTarget(link, url);
  if (!target) return null;
  const watchId = watchPathId(target);
  const resumesEpisode = link.closest(CONTINUE_WATCHING_ROW) !== null;
  const siteId = tctxVideoId(target) ?? jbvId(target) ?? titlePathId(target) ?? (resumesEpisode ? undefined : watchId);
  const title = titleFromCardLabel(link.getAttribute('aria-label'));
  if (siteId === undefined || title === undefined) return null;
  return { sighting: netflixSighting('card', { siteId, playableId: watchId, title }), host: badgeHost(link) };
}

/** Game rows are games throughout; a row with a single game tile is skipped whole. */
function isInGameRow(link: Element): boolean {
  if (link.matches(CARD_GAME)) return true;
  return link.closest('section')?.querySelector(CARD_GAME) != null;
}

function badgeHost(link: Element): Element {
  for (const selector of CARD_HOSTS) {
    const host = link.closest(selector);
    if (host) return host;
  }
  return link;
}
