import type { Sighting, ShowContext, ShowKind } from '../model';
import { normalizeTitle } from './normalize-title';

/**
 * Which curated entry, if any, a sighting is about.
 *
 * An ID match is certain. A title match (normalised, so "Somos." finds "Somos") must also be
 * backed by enough agreeing evidence and by nothing that contradicts it, and be the only entry
 * that fits: a same-name work from another year or of another kind gets nothing, because a
 * wrong story is worse than none. A matching year is strong evidence; the kind (series or film)
 * and the exact display title are weak, and it takes two weak ones to stand in for the year.
 */
export type PackMatch =
  | { entry: ShowContext; via: 'site-id' | 'title' }
  | { entry: null; reason: 'no-title' | 'no-candidate' | 'weak' | 'ambiguous' };

const YEAR_TOLERANCE = 1;
const STRONG = 2;
const WEAK = 1;
const ENOUGH = 2;

export function matchPack(sighting: Sighting, entries: readonly ShowContext[]): PackMatch {
  const { siteId } = sighting;
  if (siteId) {
    const byId = entries.find((entry) => entry.ids.netflix?.includes(siteId));
    if (byId) return { entry: byId, via: 'site-id' };
  }
  if (!sighting.title) return { entry: null, reason: 'no-title' };
  const wanted = normalizeTitle(sighting.title);
  if (!wanted) return { entry: null, reason: 'no-title' };

  const named = entries.filter((entry) => titlesOf(entry).includes(wanted));
  if (named.length === 0) return { entry: null, reason: 'no-candidate' };

  const fitting = named.filter((entry) => evidenceScore(sighting, entry) >= ENOUGH);
  if (fitting.length === 0) return { entry: null, reason: 'weak' };
  if (fitting.length > 1) return { entry: null, reason: 'ambiguous' };
  return { entry: fitting[0]!, via: 'title' };
}

/**
 * Whether a sighting says something that rules this entry out: a name that is none of its names,
 * another year, another kind, another site. Used to re-check a link learned earlier.
 */
export function contradicts(sighting: Sighting, entry: ShowContext): boolean {
  if (sighting.title && !titlesOf(entry).includes(normalizeTitle(sighting.title))) return true;
  return evidenceScore(sighting, entry) === -Infinity;
}

function titlesOf(entry: ShowContext): string[] {
  return [entry.title, entry.originalTitle, ...(entry.aliases ?? [])]
    .filter((title): title is string => Boolean(title))
    .map(normalizeTitle);
}

/** Points of agreeing evidence, or -Infinity when anything contradicts the entry. */
export function evidenceScore(sighting: Sighting, entry: ShowContext): number {
  if (entry.platforms && !entry.platforms.includes(sighting.site)) return -Infinity;
  let score = 0;
  if (sighting.year !== undefined && entry.year !== undefined) {
    if (Math.abs(sighting.year - entry.year) > YEAR_TOLERANCE) return -Infinity;
    score += STRONG;
  }
  if (sighting.kind !== undefined) {
    if (isSeries(sighting.kind) !== isSeries(entry.kind)) return -Infinity;
    score += WEAK;
  }
  if (sighting.title?.trim() === entry.title) score += WEAK;
  return score;
}

/** A streaming page can't tell a miniseries from a series; it can tell either from a film. */
function isSeries(kind: ShowKind): boolean {
  return kind !== 'film';
}
