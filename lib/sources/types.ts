/**
 * What the live sources give back once their responses are parsed: the shapes the resolver and
 * the context builder work with. Every client parses its responses with schemas into these; raw
 * API JSON never leaves lib/sources/.
 */
import type { PartialDate, ReviewQuote } from '../model';

export type SourceName = 'Wikidata' | 'Wikipedia' | 'TVmaze';

/**
 * Why a request failed, in terms the panel can say ("couldn't reach Wikipedia, retry").
 * - offline: the browser has no network; timeout: no answer in time; unavailable: 5xx after
 *   retries, or a network error; rate-limited: 429 (after waiting out Retry-After once);
 *   malformed: an answer that is not what the API documents (bad JSON, wrong shape, too big, a
 *   redirect to somewhere else); not-found: a 404 where the API uses it for "no such thing".
 */
export type SourceFailure = 'offline' | 'timeout' | 'unavailable' | 'rate-limited' | 'malformed' | 'not-found';

export class SourceError extends Error {
  override name = 'SourceError';
  constructor(
    readonly source: SourceName,
    readonly failure: SourceFailure,
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }

  /** Worth a retry button: the same request may work later. */
  get retryable(): boolean {
    return this.failure !== 'malformed' && this.failure !== 'not-found';
  }
}

/** The HTTP layer every client uses: queues per host, timeouts, retries, size limits, headers. */
export interface HttpClient {
  /**
   * GETs a URL and returns its parsed JSON body (unknown: the caller parses it with a schema).
   * Throws SourceError. A 404 throws with failure 'not-found' so clients can decide what it means.
   */
  getJson(url: string, options?: { signal?: AbortSignal }): Promise<unknown>;
}

/** A value of a Wikidata statement, truthy statements only (preferred if any, else normal). */
export type WikidataValue = (
  | { type: 'item'; id: string }
  /** string, external-id, url, and the text of a monolingualtext */
  | { type: 'string'; value: string; language?: string }
  /** Only as precise as Wikidata says: "1953", "2017-06", "2011-03-18". */
  | { type: 'time'; date: PartialDate }
  | { type: 'coordinates'; lat: number; lon: number }
  | { type: 'quantity'; amount: number; unit?: string }
) & { qualifiers?: Record<string, WikidataValue[]> };

export interface WikidataEntity {
  id: string;
  /** By language code: en, es, mul (the language-independent default). */
  labels: Record<string, string>;
  descriptions: Record<string, string>;
  aliases: Record<string, string[]>;
  /** By property ID (P144, P921…); unknown datatypes are skipped, not errors. */
  claims: Record<string, WikidataValue[]>;
  sitelinks: Partial<Record<'enwiki' | 'eswiki', { title: string; url: string }>>;
}

export interface WikidataClient {
  /** Items whose P1874 (Netflix ID) is this ID. */
  findByNetflixId(netflixId: string): Promise<string[]>;
  /** Items whose P345 (IMDb ID) is this ID. */
  findByImdbId(imdbId: string): Promise<string[]>;
  /** Items whose P8600 (TVmaze series ID) is this ID. */
  findByTvmazeId(tvmazeId: number): Promise<string[]>;
  /** Full-text search, optionally only items with Netflix as original broadcaster or distributor. */
  searchTitle(title: string, options?: { netflixOnly?: boolean; limit?: number }): Promise<string[]>;
  /** Entities by ID, in batches of at most 50; IDs that do not exist are left out. */
  getEntities(ids: readonly string[]): Promise<Map<string, WikidataEntity>>;
}

export interface WikipediaSummary {
  lang: string;
  title: string;
  /** Only "standard" is usable; a disambiguation page is never shown. */
  type: 'standard' | 'disambiguation' | 'mainpage' | 'no-extract';
  /** Plain text (never the HTML extract). */
  extract: string;
  description?: string;
  url: string;
  wikibaseItem?: string;
  coordinates?: { lat: number; lon: number };
}

export interface WikipediaClient {
  /** The REST page summary, or null when the page does not exist (404). */
  summary(lang: string, title: string): Promise<WikipediaSummary | null>;
  /**
   * Short critic quotes from the article's Reception / Critical response section, each with the
   * critic, outlet, review URL and date taken from the citation that backs it. Quotes without a
   * citation URL are left out.
   */
  reviews(lang: string, title: string): Promise<ReviewQuote[]>;
}

export interface TvmazeShow {
  id: number;
  url: string;
  name: string;
  type?: string;
  language?: string;
  premiered?: PartialDate;
  ended?: PartialDate;
  officialSite?: string;
  webChannel?: { id: number; name: string };
  network?: { id: number; name: string };
  externals: { imdb?: string; thetvdb?: number };
}

export interface TvmazeClient {
  /** Fuzzy search, best first. Scores are TVmaze's own and their scale has changed over the years. */
  searchShows(query: string): Promise<{ score: number; show: TvmazeShow }[]>;
}

export interface LiveSources {
  wikidata: WikidataClient;
  wikipedia: WikipediaClient;
  tvmaze: TvmazeClient;
}
