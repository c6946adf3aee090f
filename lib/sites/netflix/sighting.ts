import type { Sighting, Surface } from '../../model';

type SightingFields = Omit<Sighting, 'site' | 'surface'>;

/** A Netflix sighting without keys for what was not seen, so it survives structured cloning and strict equality. */
export function netflixSighting(surface: Surface, fields: SightingFields): Sighting {
  const sighting: Sighting = { site: 'netflix', surface };
  if (fields.siteId !== undefined) sighting.siteId = fields.siteId;
  if (fields.playableId !== undefined) sighting.playableId = fields.playableId;
  if (fields.title !== undefined) sighting.title = fields.title;
  if (fields.year !== undefined) sighting.year = fields.year;
  if (fields.kind !== undefined) sighting.kind = fields.kind;
  return sighting;
}

/** True when a sighting names something the resolver can work with. */
export function isUseful(sighting: Sighting): boolean {
  return sighting.siteId !== undefined || sighting.playableId !== undefined || sighting.title !== undefined;
}
