import type { Sighting } from './model';

/**
 * A sighting we can look up: it names the show by ID or by title (a bare episode ID does not).
 * Kept out of model.ts so the always-on content script can use it without bundling the schemas.
 */
export function canIdentify(sighting: Pick<Sighting, 'siteId' | 'title'>): boolean {
  return Boolean(sighting.siteId || sighting.title);
}

/** One string per sighting: equal exactly when the page shows the same title in the same way. */
export function sightingIdentity({ surface, siteId, playableId, title, year, kind }: Sighting): string {
  return [surface, siteId, playableId, title, year, kind].join('|');
}
