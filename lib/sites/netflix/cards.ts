/**
 * Card titles on browse and search pages, plus the hover (mini) modal. Cards are read from their
 * link: `aria-label` is the title (the image alt is empty), the href holds the ID.
 *
 * Saved pages re-parse with duplicated links (HTML cannot nest `<a>`, so the parser clones the
 * card link around nested ones) and carousels repeat cards to wrap around: hence one sighting per
 * ID, the first in document order.
 */
import type { CardSighting } from '../types';
import { allIncluded } from './dom';
import { jbvId, linkTarget, tctxVideoId, titlePathId, watchPathId } from './ids';
import { findMiniDialog, miniModalCard } from './modal';
import { CARD } from './selectors';
import { netflixSighting } from './sighting';
import { titleFromCardLabel } from './text';

/** `Node.DOCUMENT_POSITION_FOLLOWING`, spelled out so this file needs no DOM globals. */
const FOLLOWING = 4;

interface Found {
  card: CardSighting;
  /** What was read, for document order (the host may be shared or far up). */
  source: Element;
}

export function cardSightings(doc: Document, url: URL): CardSighting[] {
  const found = [...carouselCards(doc, url), ...legacyCards(doc, url)];
  const mini = findMiniDialog(doc);
  const miniCard = mini && miniModalCard(doc, url, mini);
  if (mini && miniCard) found.push({ card: miniCard, source: mini });
  found.sort((a, b) => (a.source === b.source ? 0 : a.source.compareDocumentPosition(b.source) & FOLLOWING ? -1 : 1));
  return dedupe(found.map(({ card }) => card));
}

/** 2026 carousel rows and search results: the ID is the link's `jbv`. */
function carouselCards(doc: Document, url: URL): Found[] {
  return allIncluded(doc, CARD.carousel)
    .filter((link) => !isInGameRow(link))
    .flatMap((link) => {
      const target = linkTarget(link, url);
      const siteId = target && jbvId(target);
      const title = titleFromCardLabel(link.getAttribute('aria-label'));
      if (siteId === undefined || title === undefined) return [];
      return [{ card: { sighting: netflixSighting('card', { siteId, title }), host: badgeHost(link) }, source: link }];
    });
}

/**
 * Legacy lolomo rows link to `/watch/ID`. `tctx` names the show even on a Continue Watching card
 * that resumes an episode. Without `tctx`, a browse card's `/watch/` ID is the title's own, except
 * in Continue Watching, where it is the episode to resume and must not stand for the show.
 */
function legacyCards(doc: Document, url: URL): Found[] {
  return allIncluded(doc, `${CARD.legacyInContainer}, ${CARD.legacySliderRefocus}`).flatMap((link) => {
    const target = linkTarget(link, url);
    if (!target) return [];
    const watchId = watchPathId(target);
    const resumesEpisode = link.closest(CARD.continueWatchingRow) !== null;
    const siteId = tctxVideoId(target) ?? jbvId(target) ?? titlePathId(target) ?? (resumesEpisode ? undefined : watchId);
    const title = titleFromCardLabel(link.getAttribute('aria-label'));
    if (siteId === undefined || title === undefined) return [];
    const sighting = netflixSighting('card', { siteId, playableId: watchId, title });
    return [{ card: { sighting, host: badgeHost(link) }, source: link }];
  });
}

/** Game rows are games throughout; a row with a single game tile is skipped whole. */
function isInGameRow(link: Element): boolean {
  if (link.matches(CARD.gameCard)) return true;
  return link.closest('section')?.querySelector(CARD.gameCard) != null;
}

function badgeHost(link: Element): Element {
  for (const selector of CARD.hosts) {
    const host = link.closest(selector);
    if (host) return host;
  }
  return link;
}

function dedupe(cards: CardSighting[]): CardSighting[] {
  const seen = new Set<string>();
  return cards.filter(({ sighting }) => {
    // The mini modal previews a card on the same page: both need their badge.
    const key = `${sighting.surface}:${sighting.siteId ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
