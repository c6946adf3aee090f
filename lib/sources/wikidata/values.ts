/**
 * One Wikidata snak (a statement's main value or a qualifier) → a WikidataValue, or nothing.
 *
 * Reads both serialisations: item values with `id`, and the older ones with only `numeric-id`.
 * Dates are only as precise as Wikidata says (precision 9 year, 10 month, 11 day), read from the
 * string itself: `+1953-00-00T00:00:00Z` is the year 1953, not an Invalid Date. `somevalue` and
 * `novalue` snaks, datatypes we do not read (media, shapes, lexemes…) and values that do not fit
 * their datatype are skipped: they are not errors.
 */
import { z } from 'zod';
import type { WikidataValue } from '../types';
import { MAX_LABEL_CHARS, partialDate, plainText, webUrl } from '../parsing/clean';

export const ITEM_ID = /^Q[1-9]\d{0,11}$/;
export const PROPERTY_ID = /^P[1-9]\d{0,9}$/;
/** String values we keep (identifiers, review scores, titles): a sane upper bound, then cut. */
const MAX_STRING_CHARS = MAX_LABEL_CHARS;

const SnakSchema = z.object({
  snaktype: z.string(),
  datatype: z.string().optional(),
  datavalue: z.object({ type: z.string(), value: z.unknown() }).optional(),
});

const ItemValueSchema = z.object({
  id: z.string().optional(),
  'numeric-id': z.number().int().positive().optional(),
  'entity-type': z.string().optional(),
});

const TimeValueSchema = z.object({ time: z.string().max(64), precision: z.number().int() });

const CoordinateValueSchema = z.object({
  latitude: z.number().min(-90).max(90),
  longitude: z.number().min(-180).max(180),
  globe: z.string().optional().nullable(),
});

const QuantityValueSchema = z.object({ amount: z.string().max(64), unit: z.string().max(200).optional() });

const MonolingualSchema = z.object({ text: z.string(), language: z.string().max(20) });

/** When a snak has no `datatype` (some old dumps), what its datavalue type implies. */
const DATATYPE_OF_VALUE_TYPE: Record<string, string> = {
  'wikibase-entityid': 'wikibase-item',
  string: 'string',
  time: 'time',
  globecoordinate: 'globe-coordinate',
  quantity: 'quantity',
  monolingualtext: 'monolingualtext',
};

const EARTH = /\/entity\/Q2$/;

function itemValue(raw: unknown): WikidataValue | undefined {
  const parsed = ItemValueSchema.safeParse(raw);
  if (!parsed.success) return undefined;
  const { id, 'numeric-id': numericId, 'entity-type': entityType } = parsed.data;
  if (entityType !== undefined && entityType !== 'item') return undefined;
  const qid = id ?? (numericId !== undefined ? `Q${numericId}` : undefined);
  return qid !== undefined && ITEM_ID.test(qid) ? { type: 'item', id: qid } : undefined;
}

/** "+2011-03-18T00:00:00Z" at precision 11 → "2011-03-18"; BCE dates and decades are skipped. */
export function timeValue(raw: unknown): WikidataValue | undefined {
  const parsed = TimeValueSchema.safeParse(raw);
  if (!parsed.success) return undefined;
  const { time, precision } = parsed.data;
  const match = /^([+-]?)(\d{1,16})-(\d{2})-(\d{2})T/.exec(time);
  if (!match || match[1] === '-' || precision < 9) return undefined;
  const year = Number(match[2]);
  const month = precision >= 10 ? Number(match[3]) : undefined;
  const day = precision >= 11 ? Number(match[4]) : undefined;
  const date = partialDate(year, month, day);
  return date ? { type: 'time', date } : undefined;
}

function coordinateValue(raw: unknown): WikidataValue | undefined {
  const parsed = CoordinateValueSchema.safeParse(raw);
  if (!parsed.success) return undefined;
  const { latitude, longitude, globe } = parsed.data;
  // Coordinates on the Moon or Mars are not a place we can show on Earth.
  if (globe && !EARTH.test(globe)) return undefined;
  return { type: 'coordinates', lat: latitude, lon: longitude };
}

function quantityValue(raw: unknown): WikidataValue | undefined {
  const parsed = QuantityValueSchema.safeParse(raw);
  if (!parsed.success) return undefined;
  const { amount, unit } = parsed.data;
  if (!/^[+-]?\d+(\.\d+)?$/.test(amount)) return undefined;
  const value = Number(amount.replace(/^\+/, ''));
  if (!Number.isFinite(value)) return undefined;
  if (unit === undefined || unit === '1') return { type: 'quantity', amount: value };
  const unitId = /^https?:\/\/www\.wikidata\.org\/entity\/(Q[1-9]\d*)$/.exec(unit)?.[1];
  // A unit we cannot read would make the number mean something else: skip the value.
  return unitId ? { type: 'quantity', amount: value, unit: unitId } : undefined;
}

function stringValue(raw: unknown): WikidataValue | undefined {
  const value = plainText(raw, MAX_STRING_CHARS);
  return value ? { type: 'string', value } : undefined;
}

function urlValue(raw: unknown): WikidataValue | undefined {
  const value = webUrl(raw);
  return value ? { type: 'string', value } : undefined;
}

function monolingualValue(raw: unknown): WikidataValue | undefined {
  const parsed = MonolingualSchema.safeParse(raw);
  if (!parsed.success || !/^[a-z]{2,3}(-[a-z0-9]{1,8})*$/i.test(parsed.data.language)) return undefined;
  const value = plainText(parsed.data.text, MAX_STRING_CHARS);
  return value ? { type: 'string', value, language: parsed.data.language.toLowerCase() } : undefined;
}

const READERS: Record<string, { valueType: string; read: (raw: unknown) => WikidataValue | undefined }> = {
  'wikibase-item': { valueType: 'wikibase-entityid', read: itemValue },
  time: { valueType: 'time', read: timeValue },
  'globe-coordinate': { valueType: 'globecoordinate', read: coordinateValue },
  quantity: { valueType: 'quantity', read: quantityValue },
  string: { valueType: 'string', read: stringValue },
  'external-id': { valueType: 'string', read: stringValue },
  url: { valueType: 'string', read: urlValue },
  monolingualtext: { valueType: 'monolingualtext', read: monolingualValue },
};

/** A snak's value, or undefined when it has none we read. */
export function snakValue(raw: unknown): WikidataValue | undefined {
  const parsed = SnakSchema.safeParse(raw);
  if (!parsed.success) return undefined;
  const { snaktype, datavalue } = parsed.data;
  if (snaktype !== 'value' || !datavalue) return undefined;
  const datatype = parsed.data.datatype ?? DATATYPE_OF_VALUE_TYPE[datavalue.type];
  const reader = datatype === undefined ? undefined : READERS[datatype];
  if (!reader || reader.valueType !== datavalue.type) return undefined;
  return reader.read(datavalue.value);
}

/** `{"P447": [snak…], …}` → the readable values by property; empty properties left out. */
export function qualifierValues(raw: unknown): Record<string, WikidataValue[]> | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return undefined;
  const out: Record<string, WikidataValue[]> = {};
  for (const [property, snaks] of Object.entries(raw)) {
    if (!PROPERTY_ID.test(property) || !Array.isArray(snaks)) continue;
    const found = snaks.map(snakValue).filter((value): value is WikidataValue => value !== undefined);
    if (found.length > 0) out[property] = found;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}
