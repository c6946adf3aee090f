import type { CardSighting, SiteAdapter } from './types';

/**
 * Every card title on a page at once, one per surface and ID, in document order. The content
 * script reads cards one at a time as they come on screen; this is for tests and tools.
 *
 * Saved pages re-parse with duplicated links (HTML cannot nest `<a>`, so the parser clones the
 * card link around nested ones) and carousels repeat cards to wrap around: hence the first of
 * each ID only. The hover preview of a card is its own surface, so both are kept.
 */
export function cardsOnPage(adapter: Pick<SiteAdapter, 'cardElements' | 'readCard'>, doc: Document, url: URL): CardSighting[] {
  const seen = new Set<string>();
  const cards: CardSighting[] = [];
  for (const element of doc.querySelectorAll(adapter.cardElements)) {
    const card = adapter.readCard(element, url);
    if (!card) continue;
    const key = `${card.sighting.surface}:${card.sighting.siteId ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    cards.push(card);
  }
  return cards;
}
