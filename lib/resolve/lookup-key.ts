import type { Sighting } from '../model';
import { normalizeTitle } from './normalize-title';

/**
 * The cache key of a live lookup: the site's own ID when the page gave one (the same show on every
 * surface), else the normalised title with the year and kind that were seen, since those decide
 * the match too.
 */
export function lookupKey(sighting: Sighting): string | undefined {
  if (sighting.siteId) return `${sighting.site}:id:${sighting.siteId}`;
  if (!sighting.title) return undefined;
  const title = normalizeTitle(sighting.title);
  if (!title) return undefined;
  return `${sighting.site}:title:${title}|${sighting.year ?? ''}|${sighting.kind ?? ''}`;
}
