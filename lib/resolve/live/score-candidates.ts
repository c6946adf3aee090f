/**
 * Scoring Wikidata items as the show a sighting is about (data-sources.md §7), and the rule that
 * decides whether the best one is good enough. Pure: the same items and evidence give the same
 * answer, which is what the tests pin down.
 *
 * The bar is high on purpose: a title alone is 3 points and the bar is 8, so a bare name never
 * wins; it needs Netflix, the year, or an ID behind it, and a clear lead over the next item. A
 * fact that rules an item out (a film when the page shows a series, a film from another decade,
 * a Netflix ID of another title) costs more than any single agreement earns.
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
  /** A label or alias in en, es or mul equals the title, normalised. */
  exactTitle: 3,
  /** …or is one edit away from it. */
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

/** The best item needs at least this many points… */
export const ACCEPT_AT = 8;
/** …and this many more than the runner-up. */
export const LEAD_BY = 3;

const YEAR_TOLERANCE = 1;

export interface ScoredCandidate {
  qid: string;
  score: number;
  /** Which rows of SCORE applied, for tests and for explaining a decision. */
  reasons: ScoreReason[];
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
    if (match === 'exact') reasons.push('exactTitle');
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
  return { qid: entity.id, score, reasons };
}

export type CandidatePick = { qid: string; score: number } | { qid: null; reason: 'no-candidate' | 'weak' | 'ambiguous' };

/** The best item if it clears the bar and leads the runner-up clearly; otherwise why not. */
export function pickCandidate(scored: readonly ScoredCandidate[]): CandidatePick {
  const ranked = [...scored].sort((a, b) => b.score - a.score);
  const [best, runnerUp] = ranked;
  if (!best) return { qid: null, reason: 'no-candidate' };
  if (best.score < ACCEPT_AT) return { qid: null, reason: 'weak' };
  if (runnerUp && best.score - runnerUp.score < LEAD_BY) return { qid: null, reason: 'ambiguous' };
  return { qid: best.qid, score: best.score };
}

/**
 * The most an item can score with neither Netflix (P449/P750) nor an ID behind it: the title, the
 * year and kind when the page gave them, and an English article. A Netflix item that beats this
 * by LEAD_BY can't be made ambiguous by any such item, so there is no need to search for them.
 * (Items with a matching ID were already found by the ID lookups, which come first.)
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
