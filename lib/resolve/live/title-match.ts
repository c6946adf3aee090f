/**
 * How well a title seen on a page matches an item's names (labels and aliases in en, es, mul),
 * compared after normalisation, so "Somos." matches "Somos" and accents or quotes don't matter.
 */
import type { WikidataEntity } from '../../sources/types';
import { normalizeTitle } from '../normalize-title';
import { LABEL_LANGUAGES, namesOf } from './entity-values';

/**
 * `label`: a label equals the title; `alias`: only an alias does (weaker: aliases collect
 * translations, former names and nicknames); `near`: a name is one edit away; `none`.
 */
export type TitleMatch = 'label' | 'alias' | 'near' | 'none';

export function titleMatch(entity: WikidataEntity, seenTitle: string): TitleMatch {
  const wanted = normalizeTitle(seenTitle);
  if (!wanted) return 'none';
  const labels = LABEL_LANGUAGES.flatMap((language) => entity.labels[language] ?? []).map(normalizeTitle);
  if (labels.includes(wanted)) return 'label';
  const names = namesOf(entity).map(normalizeTitle);
  if (names.includes(wanted)) return 'alias';
  return names.some((name) => isOneEditAway(name, wanted)) ? 'near' : 'none';
}

/**
 * True when one insertion, deletion or substitution turns `a` into `b`. Catches a typo or a
 * dropped letter between the page and Wikidata; a tie-breaker only, never evidence of identity.
 */
export function isOneEditAway(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1) return false;
  const [shorter, longer] = a.length <= b.length ? [a, b] : [b, a];
  let i = 0;
  while (i < shorter.length && shorter[i] === longer[i]) i++;
  // Past the first difference, the rest must line up: skip one char of the longer (insertion)
  // or of both (substitution).
  const rest = shorter.length === longer.length ? shorter.slice(i + 1) : shorter.slice(i);
  return rest === longer.slice(i + 1);
}
