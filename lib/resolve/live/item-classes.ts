/**
 * What kind of thing a Wikidata item is, read from its P31 (instance of) against our small tables.
 * An item whose classes we don't know gets `undefined`: unknown stays unknown.
 */
import type { ShowKind, SourceWork } from '../../model';
import type { WikidataEntity } from '../../sources/types';
import { dates, itemIds, values } from './entity-values';
import { CREATIVE_WORK_SIGNALS, EVENT_CLASSES, HUMAN, NEVER_A_SHOW, P, SHOW_KIND_BY_CLASS, SPECIFIC_PLACE, WORK_KIND_BY_CLASS } from './wikidata-ids';

function classesOf(entity: WikidataEntity): string[] {
  return itemIds(entity, P.instanceOf);
}

/**
 * Film, series or miniseries. Miniseries wins over series (an item often has both), and an item
 * that is both a film and a series in our table is left unknown rather than picked one way.
 */
export function showKindOf(entity: WikidataEntity): ShowKind | undefined {
  const kinds = new Set(classesOf(entity).flatMap((qid) => (SHOW_KIND_BY_CLASS[qid] ? [SHOW_KIND_BY_CLASS[qid]] : [])));
  const isFilm = kinds.has('film');
  const isSeries = kinds.has('series') || kinds.has('miniseries');
  if (isFilm && isSeries) return undefined;
  if (kinds.has('miniseries')) return 'miniseries';
  if (kinds.has('series')) return 'series';
  return isFilm ? 'film' : undefined;
}

/** A disambiguation page, a season, an episode or a person: never the show itself. */
export function isNeverAShow(entity: WikidataEntity): boolean {
  return classesOf(entity).some((qid) => NEVER_A_SHOW.has(qid));
}

export function isPerson(entity: WikidataEntity): boolean {
  return classesOf(entity).includes(HUMAN);
}

/** The kind of a work the show is based on; the first matching row of the table wins. */
export function workKindOf(entity: WikidataEntity): SourceWork['kind'] {
  const classes = classesOf(entity);
  return WORK_KIND_BY_CLASS.find(([qid]) => classes.includes(qid))?.[1] ?? 'other';
}

/** A creative work we recognise (a film, a series, an article, a book…), which is never an event. */
export function isKnownWork(entity: WikidataEntity): boolean {
  return showKindOf(entity) !== undefined || workKindOf(entity) !== 'other';
}

/**
 * Whether anything about the item says it is a creative work: an author, a director, a cast, a
 * creator, a publication date or publisher, a genre, a language, a country of origin, a full-text
 * URL (CREATIVE_WORK_SIGNALS). Any value counts, linked or not.
 */
export function hasCreativeWorkSignal(entity: WikidataEntity): boolean {
  return CREATIVE_WORK_SIGNALS.some((property) => values(entity, property).length > 0);
}

/**
 * A work a show can be based on or inspired by: of a work class we know, or with a statement only
 * a work has. An organisation, a place or a concept is none of these, and a person never is (a
 * musician has a genre, P136, too).
 */
export function isWork(entity: WikidataEntity): boolean {
  return !isPerson(entity) && (isKnownWork(entity) || hasCreativeWorkSignal(entity));
}

/**
 * Whether an item reads as something that happened. Either it is of an event class, or it has a
 * date of its own (a point in time, a start or an end), a specific place (a location, an area,
 * coordinates) and nothing that makes it a work. A date alone is not enough: a manga series, a
 * film series or a period ("Victorian era") has a start and an end too. People and works we
 * recognise are never events.
 */
export function looksLikeEvent(entity: WikidataEntity): boolean {
  if (isPerson(entity) || isKnownWork(entity)) return false;
  if (classesOf(entity).some((qid) => EVENT_CLASSES.has(qid))) return true;
  const dated = [P.pointInTime, P.startTime, P.endTime].some((property) => dates(entity, property).length > 0);
  const placed = SPECIFIC_PLACE.some((property) => values(entity, property).length > 0);
  return dated && placed && !hasCreativeWorkSignal(entity);
}
