import type { Sighting } from '../model';
import { normalizeTitle } from './normalize-title';

/**
 * The cache key of a live lookup: everything that decides its outcome. The site's ID alone is not
 * enough: when Wikidata does not know the ID, the title, year and kind decide, and a player that
 * showed only the ID (no title yet) must not store "no story" for the detail view that has them.
 */
export function lookupKey(sighting: Sighting): string | undefined {
  // A card is looked up by its ID alone (identify-show), so its answer depends on nothing else;
  // and its "nothing found" must not stand for a detail view, where a search by name may still find it.
  if (sighting.surface === 'card') return cardLookupKey(sighting.site, sighting.siteId);
  const title = sighting.title ? normalizeTitle(sighting.title) : '';
  if (!sighting.siteId && !title) return undefined;
  return `${sighting.site}:${sighting.siteId ?? ''}:${title}|${sighting.year ?? ''}|${sighting.kind ?? ''}`;
}

/** The cache key of a card's lookup: the site's ID alone. */
export function cardLookupKey(site: Sighting['site'], siteId: string | undefined): string | undefined {
  return siteId ? `card:${site}:${siteId}` : undefined;
}
