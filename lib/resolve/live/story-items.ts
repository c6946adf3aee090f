/**
 * Which linked items make up a show's real story, and which items to fetch to tell it.
 *
 * Editors model adaptations three ways (data-sources.md §1): P144 based on (the article or book),
 * P941 inspired by, and P921 main subject (often the event). Each link is read for what its
 * target is, not for which property was used: a P941 that points at a massacre is an event, a
 * P144 that points at a person is neither (a biography is modelled through P921 to the person,
 * and a person is not an event). A P144/P941 target is a work only when something says it is
 * one (a work class, an author, a publication date…): an organisation, a place or a concept is
 * skipped rather than shown as "based on". What the show is only inspired by stays an
 * inspiration, never a basis. A work's own P921 is read too (article → the event it reports).
 */
import type { WikidataEntity } from '../../sources/types';
import { itemIds, labelOf } from './entity-values';
import { isWork, looksLikeEvent } from './item-classes';
import { P } from './wikidata-ids';

export interface StoryEvent {
  entity: WikidataEntity;
  /** The show and/or works whose statements name this event (each is cited for it). */
  linkedFrom: string[];
}

export interface StoryWork {
  entity: WikidataEntity;
  /** `basis` through P144 (based on), `inspiration` through P941 (inspired by) only. */
  relation: 'basis' | 'inspiration';
}

export interface StoryItems {
  /** What the show is based on or inspired by. */
  works: StoryWork[];
  events: StoryEvent[];
}

/** First batch: the items the show itself links to. */
export function linksOfShow(show: WikidataEntity): string[] {
  return unique([P.basedOn, P.inspiredBy, P.mainSubject].flatMap((property) => itemIds(show, property)));
}

/**
 * Second batch: the works' authors, outlets, publishers and subjects, and the places of the
 * events found so far. Places of events found only in this batch are not fetched: that would be
 * a third batch, over the request budget; those events go without a named place.
 */
export function linksOfStory(items: StoryItems): string[] {
  const ofWorks = (property: string) => items.works.flatMap(({ entity }) => itemIds(entity, property));
  // Most telling first, in case a batch has to be cut short: events, places, outlets, authors.
  return unique([
    ...ofWorks(P.mainSubject),
    ...items.events.flatMap(({ entity }) => placeIds(entity)),
    ...ofWorks(P.publishedIn),
    ...ofWorks(P.publisher),
    ...ofWorks(P.author),
  ]);
}

export function placeIds(event: WikidataEntity): string[] {
  return [P.location, P.locatedInAdminEntity, P.country].flatMap((property) => itemIds(event, property));
}

/** The works and events among what was fetched; items without any label are left out. */
export function storyItems(show: WikidataEntity, related: ReadonlyMap<string, WikidataEntity>): StoryItems {
  const works = new Map<string, StoryWork>();
  const events = new Map<string, StoryEvent>();

  const addEvent = (entity: WikidataEntity, from: string) => {
    const known = events.get(entity.id);
    if (known) {
      if (!known.linkedFrom.includes(from)) known.linkedFrom.push(from);
    } else {
      events.set(entity.id, { entity, linkedFrom: [from] });
    }
  };
  const linked = (from: WikidataEntity, property: string) =>
    itemIds(from, property).flatMap((qid) => {
      const entity = related.get(qid);
      return entity && entity.id !== show.id && labelOf(entity) ? [entity] : [];
    });

  // Based on first, so a work the show is both based on and inspired by is its basis.
  const sources = [
    ...linked(show, P.basedOn).map((entity) => ({ entity, relation: 'basis' as const })),
    ...linked(show, P.inspiredBy).map((entity) => ({ entity, relation: 'inspiration' as const })),
  ];
  for (const { entity, relation } of sources) {
    if (looksLikeEvent(entity)) addEvent(entity, show.id);
    else if (isWork(entity) && !works.has(entity.id)) works.set(entity.id, { entity, relation });
  }
  for (const entity of linked(show, P.mainSubject)) {
    if (looksLikeEvent(entity)) addEvent(entity, show.id);
  }
  for (const { entity: work } of works.values()) {
    for (const entity of linked(work, P.mainSubject)) {
      if (looksLikeEvent(entity)) addEvent(entity, work.id);
    }
  }
  return { works: [...works.values()], events: [...events.values()] };
}

function unique(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}
