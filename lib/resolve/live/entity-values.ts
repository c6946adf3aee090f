/**
 * Reading values out of a parsed Wikidata entity: item links, strings, dates, coordinates, labels.
 * The client already keeps only truthy statements, so every value here is one Wikidata stands by.
 */
import type { PartialDate } from '../../model';
import type { WikidataEntity, WikidataValue } from '../../sources/types';
import { P } from './wikidata-ids';

/** Label languages in the order we prefer them: English, Spanish, then the language-free default. */
export const LABEL_LANGUAGES = ['en', 'es', 'mul'] as const;

export function wikidataUrl(qid: string): string {
  return `https://www.wikidata.org/wiki/${qid}`;
}

export function values(entity: WikidataEntity, property: string): WikidataValue[] {
  return entity.claims[property] ?? [];
}

/** The QIDs a property points to, in statement order, without repeats. */
export function itemIds(entity: WikidataEntity, property: string): string[] {
  const ids = values(entity, property).flatMap((value) => (value.type === 'item' ? [value.id] : []));
  return [...new Set(ids)];
}

export function hasItem(entity: WikidataEntity, property: string, qid: string): boolean {
  return itemIds(entity, property).includes(qid);
}

export function strings(entity: WikidataEntity, property: string): string[] {
  const found = values(entity, property).flatMap((value) => (value.type === 'string' ? [value.value.trim()] : []));
  return [...new Set(found.filter(Boolean))];
}

export function dates(entity: WikidataEntity, property: string): PartialDate[] {
  return values(entity, property).flatMap((value) => (value.type === 'time' ? [value.date] : []));
}

/**
 * The earliest of these dates, as precise as Wikidata gave it ("2017" stays "2017"). A year-only
 * date sorts before any month of that year, which is the honest reading of "some time in 2017".
 */
export function earliest(found: readonly PartialDate[]): PartialDate | undefined {
  return [...found].sort((a, b) => a.localeCompare(b))[0];
}

export function yearOfDate(date: PartialDate): number {
  return Number(date.slice(0, 4));
}

export function firstCoordinates(entity: WikidataEntity): { lat: number; lon: number } | undefined {
  for (const value of values(entity, P.coordinates)) {
    if (value.type === 'coordinates') return { lat: value.lat, lon: value.lon };
  }
  return undefined;
}

/** The display name: English label, else Spanish, else the language-independent one. */
export function labelOf(entity: WikidataEntity): string | undefined {
  for (const language of LABEL_LANGUAGES) {
    const text = entity.labels[language]?.trim();
    if (text) return text;
  }
  return undefined;
}

/** Every name an item goes by in the languages we read: labels and aliases in en, es and mul. */
export function namesOf(entity: WikidataEntity): string[] {
  return LABEL_LANGUAGES.flatMap((language) => [entity.labels[language], ...(entity.aliases[language] ?? [])]).filter(
    (name): name is string => typeof name === 'string' && name.trim() !== '',
  );
}
