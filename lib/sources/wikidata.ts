/**
 * The Wikidata client: item lookups by external ID and by title (CirrusSearch with
 * `haswbstatement`), and entities by ID (`wbgetentities`, at most 50 per call).
 *
 * URLs come from wikibase-sdk's builders with the Action API defaults on top
 * (`format=json&formatversion=2&origin=*`). Every answer is parsed here; raw JSON never leaves.
 */
import { z } from 'zod';
import { wdk } from 'wikibase-sdk/wikidata.org';
import type { HttpClient, WikidataClient, WikidataEntity } from './types';
import { malformed } from './parsing/errors';
import { actionApiUrl, apiError, apiErrorCode, NOTHING_THERE } from './parsing/mediawiki';
import { EntitiesEnvelopeSchema, entitiesOf, WIKIDATA_LANGUAGES, WIKIDATA_SITES } from './wikidata/entities';
import { ITEM_ID } from './wikidata/values';

export const WIKIDATA_API = 'https://www.wikidata.org/w/api.php';
/** Netflix, as original broadcaster (P449) or distributor (P750). */
export const NETFLIX_QID = 'Q907311';
export const MAX_IDS_PER_CALL = 50;
const ID_LOOKUP_LIMIT = 5;
const DEFAULT_SEARCH_LIMIT = 10;
const MAX_SEARCH_LIMIT = 50;
const MAX_TITLE_CHARS = 200;

const SearchResponseSchema = z.object({
  query: z.object({ search: z.array(z.unknown()) }),
});
const SearchHitSchema = z.object({ title: z.string() });

/** `haswbstatement:P1874=80990055`, as a search URL. */
export function statementSearchUrl(statement: string, limit = ID_LOOKUP_LIMIT): string {
  return actionApiUrl(wdk.cirrusSearchPages({ haswbstatement: statement, limit }));
}

/** `"<title>"` (a phrase) with an optional statement filter, as a search URL. */
export function titleSearchUrl(title: string, statement: string | undefined, limit: number): string {
  const phrase = `"${title}"`;
  return actionApiUrl(
    statement === undefined ? wdk.cirrusSearchPages({ search: phrase, limit }) : wdk.cirrusSearchPages({ search: phrase, haswbstatement: statement, limit }),
  );
}

export function entitiesUrl(ids: readonly string[]): string {
  const base = wdk.getEntities({
    ids: [...ids] as `Q${number}`[],
    props: ['claims', 'labels', 'descriptions', 'aliases', 'sitelinks/urls'],
    languages: [...WIKIDATA_LANGUAGES],
  });
  return actionApiUrl(base, { sitefilter: WIKIDATA_SITES.join('|') });
}

/** The item IDs of a CirrusSearch answer, from `search[].title` (never the snippet), in order. */
export function parseSearchResponse(json: unknown): string[] {
  const code = apiErrorCode(json);
  if (code !== undefined) {
    if (NOTHING_THERE.has(code)) return [];
    throw apiError('Wikidata', code);
  }
  const parsed = SearchResponseSchema.safeParse(json);
  if (!parsed.success) throw malformed('Wikidata', 'search results');
  const ids: string[] = [];
  for (const hit of parsed.data.query.search) {
    const title = SearchHitSchema.safeParse(hit);
    if (title.success && ITEM_ID.test(title.data.title) && !ids.includes(title.data.title)) ids.push(title.data.title);
  }
  return ids;
}

/** The entities of a `wbgetentities` answer; missing ones left out. */
export function parseEntitiesResponse(json: unknown): Map<string, WikidataEntity> {
  const code = apiErrorCode(json);
  if (code !== undefined) {
    if (NOTHING_THERE.has(code)) return new Map();
    throw apiError('Wikidata', code);
  }
  const parsed = EntitiesEnvelopeSchema.safeParse(json);
  if (!parsed.success) throw malformed('Wikidata', 'entities');
  return entitiesOf(parsed.data);
}

/** Search text without the characters that would end the phrase or start search syntax. */
function searchableTitle(title: string): string {
  return title
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f"\\]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, MAX_TITLE_CHARS);
}

export function createWikidataClient(http: HttpClient): WikidataClient {
  const search = async (url: string): Promise<string[]> => parseSearchResponse(await http.getJson(url));

  const byStatement = (property: string, value: string): Promise<string[]> => search(statementSearchUrl(`${property}=${value}`));

  return {
    findByNetflixId(netflixId) {
      return /^\d{1,12}$/.test(netflixId) ? byStatement('P1874', netflixId) : Promise.resolve([]);
    },

    findByImdbId(imdbId) {
      return /^tt\d{1,12}$/.test(imdbId) ? byStatement('P345', imdbId) : Promise.resolve([]);
    },

    findByTvmazeId(tvmazeId) {
      return Number.isSafeInteger(tvmazeId) && tvmazeId > 0 ? byStatement('P8600', String(tvmazeId)) : Promise.resolve([]);
    },

    async searchTitle(title, options = {}) {
      const text = searchableTitle(title);
      if (!text) return [];
      const limit = Math.min(Math.max(Math.trunc(options.limit ?? DEFAULT_SEARCH_LIMIT), 1), MAX_SEARCH_LIMIT);
      if (!options.netflixOnly) return (await search(titleSearchUrl(text, undefined, limit))).slice(0, limit);
      // One query per property: an OR inside haswbstatement is not documented, so we do not rely on it.
      const broadcaster = await search(titleSearchUrl(text, `P449=${NETFLIX_QID}`, limit));
      const distributor = await search(titleSearchUrl(text, `P750=${NETFLIX_QID}`, limit));
      return [...new Set([...broadcaster, ...distributor])].slice(0, limit);
    },

    async getEntities(ids) {
      const wanted = [...new Set(ids.filter((id) => ITEM_ID.test(id)))];
      const out = new Map<string, WikidataEntity>();
      // One batch at a time: the Wikimedia etiquette is serial requests per host.
      for (let i = 0; i < wanted.length; i += MAX_IDS_PER_CALL) {
        const batch = wanted.slice(i, i + MAX_IDS_PER_CALL);
        const found = parseEntitiesResponse(await http.getJson(entitiesUrl(batch)));
        for (const [id, entity] of found) out.set(id, entity);
      }
      return out;
    },
  };
}
