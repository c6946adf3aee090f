import type { Sighting } from '../model';
import { normalizeTitle } from './normalize-title';

/**
 * The cache key of a live lookup: everything that decides its outcome. The site's ID alone is not
 * enough: when Wikidata does not know the ID, the title, year and kind decide, and a player that
 * showed only the ID (no title yet) must not store "no story" for the detail view that has them.
 */
export function lookupKey(sighting: Sighting): string | undefined {
  const title = sighting.title ? normalizeTitle(sighting.title) : '';
  if (!sighting.siteId && !title) return undefined;
  return `${sighting.site}:${sighting.siteId ?? ''}:${title}|${sighting.year ?? ''}|${sighting.kind ?? ''}`;
}
