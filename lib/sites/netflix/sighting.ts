import type { Sighting, Surface } from '../../model';

type SightingFields = Omit<Sighting, 'site' | 'surface'>;

/** A Netflix sighting without keys for what was not seen, so it survives structured cloning and strict equality. */
export function netflixSighting(surface: Surface, fields: SightingFields): Sighting {
  const sighting: Sighting = { site: 'netflix', surface, ...fields };
  for (const key of Object.keys(sighting) as (keyof Sighting)[]) if (sighting[key] === undefined) delete sighting[key];
  return sighting;
}

/** True when a sighting names something the resolver can work with. */
export function isUseful(sighting: Sighting): boolean {
  return sighting.siteId !== undefined || sighting.playableId !== undefined || sighting.title !== undefined;
}
