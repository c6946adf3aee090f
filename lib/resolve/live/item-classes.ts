/**
 * What kind of thing a Wikidata item is, read from its P31 (instance of) against our small tables.
 * An item whose classes we don't know gets `undefined`: unknown stays unknown.
 */
import type { ShowKind, SourceWork } from '../../model';
import type { WikidataEntity } from '../../sources/types';
import { dates, itemIds } from './entity-values';
import { EVENT_CLASSES, HUMAN, NEVER_A_SHOW, P, SHOW_KIND_BY_CLASS, WORK_KIND_BY_CLASS } from './wikidata-ids';

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
 * Whether an item reads as something that happened: it has a date of its own (a point in time, a
 * start or an end) or one of the event classes. Works (which have start dates too, as series do)
 * and people are never events.
 */
export function looksLikeEvent(entity: WikidataEntity): boolean {
  if (isPerson(entity) || isKnownWork(entity)) return false;
  const dated = [P.pointInTime, P.startTime, P.endTime].some((property) => dates(entity, property).length > 0);
  return dated || classesOf(entity).some((qid) => EVENT_CLASSES.has(qid));
}
