/**
 * Scoring Wikidata items as the show a sighting is about (data-sources.md §7), and the rule that
 * decides whether the best one is good enough. Pure: the same items and evidence give the same
 * answer, which is what the tests pin down.
 *
 * The score has a core and tie-breakers. The core is evidence of identity: an ID, Netflix behind
 * the item, the exact title, the year, and every fact that rules the item out. The tie-breakers
 * (the kind agrees, an English article, a title one edit away) only rank items that are already
 * plausible; they never help an item over the bar. The bar is high on purpose: a label alone is 3
 * core points and the bar is 8, so a bare name never wins; found by search, an item needs Netflix,
 * the exact label and the year all at once, and a clear lead over the next item. A fact that rules
 * an item out (a film when the page shows a series, a film from another decade, a Netflix ID of
 * another title) costs more than any single agreement earns.
 */
import type { ShowKind } from '../../model';
import type { TvmazeShow, WikidataEntity } from '../../sources/types';
import { dates, hasItem, strings, yearOfDate } from './entity-values';
import { showKindOf } from './item-classes';
import { titleMatch } from './title-match';
import { NETFLIX, P } from './wikidata-ids';

/** What we know about the title on the page, and anything already matched to it. */
export interface MatchEvidence {
  siteId?: string;
  title?: string;
  year?: number;
  kind?: ShowKind;
  /** A TVmaze show already tied to the sighting: its IMDb and TVmaze IDs cross-check items. */
  tvmaze?: TvmazeShow;
}

export const SCORE = {
  /** P1874 equals the page's Netflix ID. */
  netflixId: 10,
  /** P345 equals the TVmaze show's IMDb ID, or P8600 its TVmaze ID. */
  crossId: 6,
  /** Netflix (Q907311) as original broadcaster (P449) or distributor (P750). */
  onNetflix: 3,
  /** A label in en, es or mul equals the title, normalised. */
  exactTitle: 3,
  /** Only an alias in en, es or mul does: weaker, aliases gather translations and nicknames. */
  exactAlias: 2,
  /** A label or alias is one edit away from it (a tie-breaker only). */
  nearTitle: 1,
  /** A start time (P580) or publication date (P577) within a year of the page's year. */
  year: 2,
  /** P31 says series when the page says series, film when it says film. */
  kindAgrees: 1,
  /** Has an English Wikipedia article. */
  enwiki: 1,
  /** P31 says film when the page says series, or the other way round. */
  kindContradicts: -5,
  /** Released more than a year after the page's year, or a film from another year. */
  yearContradicts: -5,
  /** Carries a Netflix, IMDb or TVmaze ID, and it is another title's. */
  idContradicts: -5,
} as const;

export type ScoreReason = keyof typeof SCORE;

/** Rows that only rank plausible items; every other row is core evidence. */
export const TIE_BREAKERS: ReadonlySet<ScoreReason> = new Set<ScoreReason>(['kindAgrees', 'enwiki', 'nearTitle']);

/** The best item needs at least this many core points… */
export const ACCEPT_AT = 8;
/** …and this many more points in all than the runner-up. */
export const LEAD_BY = 3;

const YEAR_TOLERANCE = 1;

export interface ScoredCandidate {
  qid: string;
  /** Every row that applied, tie-breakers included: ranks the items and decides the lead. */
  score: number;
  /** Only the core rows: decides whether the item can be accepted at all. */
  core: number;
  /** Which rows of SCORE applied, for tests and for explaining a decision. */
  reasons: ScoreReason[];
  /**
   * Whether the item may be accepted if it leads: its core reaches ACCEPT_AT and, when the page
   * gave a year and no ID ties the item to the page, the item's own year agrees with it.
   */
  acceptable: boolean;
  /**
   * Whether it counts as the runner-up of another item. An item whose title is only one edit away
   * and that no ID ties to the page is a namesake, not a rival: "Elites" must not make "Elite"
   * ambiguous. (It can never be accepted either: without an ID its core stays below the bar.)
   */
  rival: boolean;
}

export function scoreCandidate(entity: WikidataEntity, evidence: MatchEvidence): ScoredCandidate {
  const reasons: ScoreReason[] = [];

  const ids = idEvidence(entity, evidence);
  if (ids.netflix === 'match') reasons.push('netflixId');
  if (ids.cross === 'match') reasons.push('crossId');
  if (ids.netflix === 'contradicts' || ids.cross === 'contradicts') reasons.push('idContradicts');

  if (hasItem(entity, P.originalBroadcaster, NETFLIX) || hasItem(entity, P.distributedBy, NETFLIX)) reasons.push('onNetflix');

  if (evidence.title !== undefined) {
    const match = titleMatch(entity, evidence.title);
    if (match === 'label') reasons.push('exactTitle');
    if (match === 'alias') reasons.push('exactAlias');
    if (match === 'near') reasons.push('nearTitle');
  }

  const year = yearEvidence(entity, referenceYear(evidence));
  if (year === 'agrees') reasons.push('year');
  if (year === 'contradicts') reasons.push('yearContradicts');

  const kind = kindEvidence(entity, evidence.kind);
  if (kind === 'agrees') reasons.push('kindAgrees');
  if (kind === 'contradicts') reasons.push('kindContradicts');

  if (entity.sitelinks.enwiki) reasons.push('enwiki');

  const score = reasons.reduce((sum, reason) => sum + SCORE[reason], 0);
  const core = reasons.reduce((sum, reason) => sum + (TIE_BREAKERS.has(reason) ? 0 : SCORE[reason]), 0);
  const idMatch = reasons.includes('netflixId') || reasons.includes('crossId');
  // Found by search, an item must have the page's year itself: Netflix and the title are not
  // enough when the page says 2021 and the item is a 2006 telenovela.
  const yearHeld = evidence.year === undefined || idMatch || reasons.includes('year');
  const acceptable = core >= ACCEPT_AT && yearHeld;
  const rival = idMatch || !reasons.includes('nearTitle');
  return { qid: entity.id, score, core, reasons, acceptable, rival };
}

export type CandidatePick = { qid: string; score: number } | { qid: null; reason: 'no-candidate' | 'weak' | 'ambiguous' };

/**
 * The best item if its core clears the bar and its score leads the runner-up clearly; otherwise
 * why not. Near namesakes without an ID are left out of the ranking: they can neither win nor be
 * the runner-up.
 */
export function pickCandidate(scored: readonly ScoredCandidate[]): CandidatePick {
  if (scored.length === 0) return { qid: null, reason: 'no-candidate' };
  const ranked = scored.filter((candidate) => candidate.rival).sort((a, b) => b.score - a.score);
  const [best, runnerUp] = ranked;
  if (!best || !best.acceptable) return { qid: null, reason: 'weak' };
  if (runnerUp && best.score - runnerUp.score < LEAD_BY) return { qid: null, reason: 'ambiguous' };
  return { qid: best.qid, score: best.score };
}

/**
 * The most a rival can score with neither Netflix (P449/P750) nor an ID behind it: the exact
 * label, the year and kind when the page gave them, and an English article. A Netflix item that
 * beats this by LEAD_BY can't be made ambiguous by any such item, so there is no need to search
 * for them. (Items with a matching ID were already found by the ID lookups, which come first; a
 * name one edit away is no rival.)
 */
export function ceilingWithoutNetflixOrIds(evidence: MatchEvidence): number {
  const year = referenceYear(evidence) !== undefined ? SCORE.year : 0;
  const kind = evidence.kind !== undefined ? SCORE.kindAgrees : 0;
  return SCORE.exactTitle + year + kind + SCORE.enwiki;
}

type Agreement = 'agrees' | 'contradicts' | 'unknown';

function idEvidence(entity: WikidataEntity, evidence: MatchEvidence): { netflix: 'match' | 'contradicts' | 'unknown'; cross: 'match' | 'contradicts' | 'unknown' } {
  const netflixIds = strings(entity, P.netflixId);
  const netflix =
    evidence.siteId === undefined || netflixIds.length === 0 ? 'unknown' : netflixIds.includes(evidence.siteId) ? 'match' : 'contradicts';

  const show = evidence.tvmaze;
  if (!show) return { netflix, cross: 'unknown' };
  const imdbIds = strings(entity, P.imdbId);
  const tvmazeIds = strings(entity, P.tvmazeId);
  const imdb = show.externals.imdb;
  const imdbMatches = imdb !== undefined && imdbIds.includes(imdb);
  const tvmazeMatches = tvmazeIds.includes(String(show.id));
  // One matching ID is strong enough to outweigh a mismatch in the other (a stale ID on one side).
  if (imdbMatches || tvmazeMatches) return { netflix, cross: 'match' };
  const imdbDiffers = imdb !== undefined && imdbIds.length > 0;
  const tvmazeDiffers = tvmazeIds.length > 0;
  return { netflix, cross: imdbDiffers || tvmazeDiffers ? 'contradicts' : 'unknown' };
}

/** The page's year, else the premiere of the TVmaze show already tied to the sighting. */
function referenceYear(evidence: MatchEvidence): number | undefined {
  if (evidence.year !== undefined) return evidence.year;
  const premiered = evidence.tvmaze?.premiered;
  return premiered ? yearOfDate(premiered) : undefined;
}

/**
 * A series page may show the year of its latest season, so a series released years before the
 * page's year is not ruled out. Nothing can be released after the year the page shows, though,
 * and a film has a single year.
 */
function yearEvidence(entity: WikidataEntity, year: number | undefined): Agreement {
  const years = [...dates(entity, P.startTime), ...dates(entity, P.publicationDate)].map(yearOfDate);
  if (year === undefined || years.length === 0) return 'unknown';
  if (years.some((known) => Math.abs(known - year) <= YEAR_TOLERANCE)) return 'agrees';
  if (year < Math.min(...years) - YEAR_TOLERANCE) return 'contradicts';
  return showKindOf(entity) === 'film' ? 'contradicts' : 'unknown';
}

/** A streaming page can't tell a miniseries from a series; it can tell either from a film. */
function kindEvidence(entity: WikidataEntity, seen: ShowKind | undefined): Agreement {
  const kind = showKindOf(entity);
  if (seen === undefined || kind === undefined) return 'unknown';
  return (seen === 'film') === (kind === 'film') ? 'agrees' : 'contradicts';
}
