/**
 * One RealEvent from a Wikidata item that reads as an event (see looksLikeEvent): its name, dates
 * as precise as Wikidata gives them, its place, and a short Wikipedia summary when there is one.
 */
import type { PartialDate, Place, RealEvent } from '../../model';
import type { WikidataEntity, WikipediaSummary } from '../../sources/types';
import { dates, earliest, firstCoordinates, itemIds, labelOf } from './entity-values';
import { truncate } from '../../sources/parsing/clean';
import { leadingSentences } from './plain-text';
import type { SourceList } from './source-list';
import type { StoryEvent } from './story-items';
import { usableSummary } from './usable-summary';
import { P } from './wikidata-ids';

const SUMMARY_SENTENCES = 3;
const SUMMARY_CHARS = 1200;
const MAX_NAME = 200;
const MAX_PLACE_PART = 120;

export interface EventInputs {
  /** The show and the works, by QID: the items that link to events. */
  linkers: ReadonlyMap<string, WikidataEntity>;
  related: ReadonlyMap<string, WikidataEntity>;
  summaries: ReadonlyMap<string, WikipediaSummary>;
  sources: SourceList;
}

export function buildEvent({ entity: event, linkedFrom }: StoryEvent, { linkers, related, summaries, sources }: EventInputs): RealEvent | undefined {
  const name = labelOf(event);
  if (!name) return undefined;

  const citedBy: string[] = [];
  for (const qid of linkedFrom) {
    const linker = linkers.get(qid);
    const label = linker ? labelOf(linker) : undefined;
    if (label) citedBy.push(sources.wikidata(qid, label));
  }
  citedBy.push(sources.wikidata(event.id, name));

  const usable = usableSummary(summaries, event.id);
  const summary = usable && leadingSentences(usable.text, SUMMARY_SENTENCES, SUMMARY_CHARS);
  const wikipediaPage = summary && usable ? sources.wikipediaText(usable.summary) : undefined;
  if (wikipediaPage) citedBy.push(wikipediaPage);

  const result: RealEvent = { name: truncate(name, MAX_NAME), citedBy };
  const { start, end } = spanOf(event);
  if (start) result.start = start;
  if (end) result.end = end;
  const place = placeOf(event, related, sources);
  if (place) result.place = place;
  if (summary && wikipediaPage) result.summary = summary;
  const url = wikipediaPage ?? sources.sitelinkPage(event);
  if (url) result.url = url;
  return result;
}

/**
 * Start and end: P580/P582 for something that lasted, P585 for a point in time. An end before
 * the start is a contradiction in the data; we keep the start and drop the end.
 */
function spanOf(event: WikidataEntity): { start?: PartialDate; end?: PartialDate } {
  const start = earliest(dates(event, P.startTime)) ?? earliest(dates(event, P.pointInTime));
  const end = dates(event, P.endTime).sort((a, b) => b.localeCompare(a))[0];
  if (start && end) {
    const n = Math.min(start.length, end.length);
    if (end.slice(0, n) < start.slice(0, n)) return { start };
  }
  return { start, end };
}

/**
 * Where it happened: the location (P276) or, failing that, the administrative area (P131) as
 * the name; the area as the region when both are given; the country (P17); coordinates from the
 * event, else from the named place. Only places whose items were fetched have a name; without a
 * name there is no place.
 */
function placeOf(event: WikidataEntity, related: ReadonlyMap<string, WikidataEntity>, sources: SourceList): Place | undefined {
  const location = firstLabelled(event, P.location, related);
  const area = firstLabelled(event, P.locatedInAdminEntity, related);
  const country = firstLabelled(event, P.country, related);
  const named = location ?? area ?? country;
  if (!named) return undefined;

  const eventLabel = labelOf(event)!;
  const citedBy = [sources.wikidata(event.id, eventLabel), sources.wikidata(named.entity.id, named.label)];
  const place: Place = { name: named.label, citedBy };
  if (location && area && area.label !== location.label) {
    place.region = area.label;
    citedBy.push(sources.wikidata(area.entity.id, area.label));
  }
  if (country && country.label !== named.label) {
    place.country = country.label;
    citedBy.push(sources.wikidata(country.entity.id, country.label));
  }
  const coordinates = firstCoordinates(event) ?? (named !== country ? firstCoordinates(named.entity) : undefined);
  if (coordinates && Math.abs(coordinates.lat) <= 90 && Math.abs(coordinates.lon) <= 180) {
    place.lat = coordinates.lat;
    place.lon = coordinates.lon;
  }
  return place;
}

function firstLabelled(entity: WikidataEntity, property: string, related: ReadonlyMap<string, WikidataEntity>): { entity: WikidataEntity; label: string } | undefined {
  for (const qid of itemIds(entity, property)) {
    const linked = related.get(qid);
    const label = linked ? labelOf(linked) : undefined;
    if (linked && label && label.length <= MAX_PLACE_PART) return { entity: linked, label };
  }
  return undefined;
}
