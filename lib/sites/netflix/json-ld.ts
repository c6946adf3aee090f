/**
 * Schema.org data on the logged-out title page (nmtitle era). Untrusted input: any shape, any
 * type, broken JSON. Nothing here throws.
 */
import type { ShowKind } from '../../model';
import { TITLE_PAGE_JSON_LD } from './selectors';
import { cleanTitle, yearFrom } from './text';

export interface TitleLinkedData {
  title?: string;
  year?: number;
  kind?: ShowKind;
}

/** Bigger scripts are not a title's metadata; skip rather than parse them. */
const MAX_SCRIPT_LENGTH = 512 * 1024;
/** Bounds the walk through arrays and `@graph` so hostile nesting cannot recurse forever. */
const MAX_DEPTH = 4;

/** The first Movie or TVSeries node across the page's JSON-LD scripts. */
export function titleLinkedData(doc: Document): TitleLinkedData | undefined {
  for (const script of Array.from(doc.querySelectorAll(TITLE_PAGE_JSON_LD))) {
    const text = script.textContent ?? '';
    if (text.length > MAX_SCRIPT_LENGTH) continue;
    const node = findTitleNode(parseJson(text), 0);
    if (node) return readTitleNode(node);
  }
  return undefined;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function findTitleNode(value: unknown, depth: number): JsonObject | undefined {
  if (depth > MAX_DEPTH) return undefined;
  if (Array.isArray(value)) {
    for (const item of value) {
      const node = findTitleNode(item, depth + 1);
      if (node) return node;
    }
    return undefined;
  }
  if (!isObject(value)) return undefined;
  if (schemaKind(value['@type']) !== undefined) return value;
  return findTitleNode(value['@graph'], depth + 1);
}

/** `@type` may be a string or a list of strings. */
function schemaKind(type: unknown): ShowKind | undefined {
  const types = Array.isArray(type) ? type : [type];
  if (types.includes('TVSeries')) return 'series';
  if (types.includes('Movie')) return 'film';
  return undefined;
}

function readTitleNode(node: JsonObject): TitleLinkedData {
  const name = node['name'];
  const seasons = node['numberOfSeasons'];
  const hasSeasons =
    (typeof seasons === 'number' && seasons > 0) || (typeof seasons === 'string' && /^\s*[1-9]\d*\s*$/.test(seasons));
  // Netflix's LD used dateCreated; other publishers use startDate or datePublished.
  const date = [node['dateCreated'], node['startDate'], node['datePublished']].find(
    (value): value is string => typeof value === 'string',
  );
  const data: TitleLinkedData = {};
  const title = typeof name === 'string' ? cleanTitle(name) : undefined;
  const year = yearFrom(date);
  const kind = hasSeasons ? 'series' : schemaKind(node['@type']);
  if (title !== undefined) data.title = title;
  if (year !== undefined) data.year = year;
  if (kind !== undefined) data.kind = kind;
  return data;
}
