/**
 * Hand-written fakes of the live source clients, answering from small inline entities the way
 * the real APIs would (ID lookups read the entities' own P1874/P345/P8600), and counting every
 * request so tests can hold the lookup to its budget.
 */
import type { PartialDate, ReviewQuote } from '../../../../lib/model';
import {
  SourceError,
  type LiveSources,
  type TvmazeShow,
  type WikidataEntity,
  type WikidataValue,
  type WikipediaSummary,
} from '../../../../lib/sources/types';

export const NETFLIX = 'Q907311';
export const FILM = 'Q11424';
export const TV_SERIES = 'Q5398426';
export const MINISERIES = 'Q1259759';
export const DOCUMENTARY_FILM = 'Q93204';
export const DISAMBIGUATION = 'Q4167410';

export const ref = (id: string): WikidataValue => ({ type: 'item', id });
export const str = (value: string, language?: string): WikidataValue => (language ? { type: 'string', value, language } : { type: 'string', value });
export const time = (date: PartialDate): WikidataValue => ({ type: 'time', date });
export const coords = (lat: number, lon: number): WikidataValue => ({ type: 'coordinates', lat, lon });

export interface ItemInit {
  en?: string;
  es?: string;
  mul?: string;
  description?: string;
  aliases?: Record<string, string[]>;
  claims?: Record<string, WikidataValue[]>;
  /** English Wikipedia article title; its URL is derived. */
  enwiki?: string;
  eswiki?: string;
}

export function wikipediaUrl(lang: string, title: string): string {
  return `https://${lang}.wikipedia.org/wiki/${encodeURIComponent(title.replace(/ /g, '_'))}`;
}

export function item(id: string, init: ItemInit = {}): WikidataEntity {
  const labels: Record<string, string> = {};
  if (init.en) labels.en = init.en;
  if (init.es) labels.es = init.es;
  if (init.mul) labels.mul = init.mul;
  const sitelinks: WikidataEntity['sitelinks'] = {};
  if (init.enwiki) sitelinks.enwiki = { title: init.enwiki, url: wikipediaUrl('en', init.enwiki) };
  if (init.eswiki) sitelinks.eswiki = { title: init.eswiki, url: wikipediaUrl('es', init.eswiki) };
  return {
    id,
    labels,
    descriptions: init.description ? { en: init.description } : {},
    aliases: init.aliases ?? {},
    claims: init.claims ?? {},
    sitelinks,
  };
}

export function tvmazeShow(id: number, name: string, init: Partial<TvmazeShow> = {}): TvmazeShow {
  return { id, url: `https://www.tvmaze.com/shows/${id}/${name.toLowerCase().replace(/\W+/g, '-')}`, name, externals: {}, ...init };
}

export const NETFLIX_CHANNEL = { id: 1, name: 'Netflix' };

export interface FakeWorld {
  entities?: WikidataEntity[];
  /** Wikidata full-text search: title → QIDs, best first (the Netflix filter is applied on top). */
  search?: Record<string, string[]>;
  tvmaze?: Record<string, TvmazeShow[]>;
  /** English Wikipedia extracts by article title; pages not listed are 404s (null). */
  extracts?: Record<string, string>;
  /** Summaries that differ from a plain standard page (a disambiguation, a redirect elsewhere). */
  summaries?: Record<string, Partial<WikipediaSummary>>;
  reviews?: Record<string, ReviewQuote[]>;
  /** Makes a request fail: return the error to throw, or undefined to answer normally. */
  fail?: (request: Request) => Error | undefined;
}

export interface Request {
  host: 'wikidata' | 'wikipedia' | 'tvmaze';
  method: string;
  arg: string;
}

export class FakeSources implements LiveSources {
  readonly requests: Request[] = [];
  private readonly entities: Map<string, WikidataEntity>;

  constructor(private readonly world: FakeWorld) {
    this.entities = new Map((world.entities ?? []).map((entity) => [entity.id, entity]));
  }

  /**
   * Wikimedia HTTP requests as the real clients make them: a reviews call is a sections parse and
   * a section parse; a Netflix-only search is one search per property (P449, P750).
   */
  get wikimediaRequests(): number {
    const cost = (r: Request) => (r.host === 'tvmaze' ? 0 : r.method === 'reviews' || r.method === 'searchTitle:netflix' ? 2 : 1);
    return this.requests.reduce((n, r) => n + cost(r), 0);
  }

  count(method: string): number {
    return this.requests.filter((r) => r.method === method).length;
  }

  private record(host: Request['host'], method: string, arg: string): void {
    const request = { host, method, arg };
    this.requests.push(request);
    const error = this.world.fail?.(request);
    if (error) throw error;
  }

  private withStatement(property: string, value: string): string[] {
    return [...this.entities.values()]
      .filter((entity) => (entity.claims[property] ?? []).some((v) => v.type === 'string' && v.value === value))
      .map((entity) => entity.id);
  }

  wikidata: LiveSources['wikidata'] = {
    findByNetflixId: async (id) => {
      this.record('wikidata', 'findByNetflixId', id);
      return this.withStatement('P1874', id);
    },
    findByImdbId: async (id) => {
      this.record('wikidata', 'findByImdbId', id);
      return this.withStatement('P345', id);
    },
    findByTvmazeId: async (id) => {
      this.record('wikidata', 'findByTvmazeId', String(id));
      return this.withStatement('P8600', String(id));
    },
    searchTitle: async (title, options = {}) => {
      this.record('wikidata', options.netflixOnly ? 'searchTitle:netflix' : 'searchTitle', title);
      const hits = this.world.search?.[title] ?? [];
      const onNetflix = (qid: string) =>
        ['P449', 'P750'].some((p) => (this.entities.get(qid)?.claims[p] ?? []).some((v) => v.type === 'item' && v.id === NETFLIX));
      return (options.netflixOnly ? hits.filter(onNetflix) : hits).slice(0, options.limit ?? 10);
    },
    getEntities: async (ids) => {
      if (ids.length > 50) throw new Error(`getEntities asked for ${ids.length} IDs in one batch`);
      this.record('wikidata', 'getEntities', ids.join('|'));
      return new Map(ids.flatMap((id) => (this.entities.has(id) ? [[id, this.entities.get(id)!] as const] : [])));
    },
  };

  wikipedia: LiveSources['wikipedia'] = {
    summary: async (lang, title) => {
      this.record('wikipedia', 'summary', title);
      const extract = this.world.extracts?.[title];
      const override = this.world.summaries?.[title];
      if (extract === undefined && !override) return null;
      const owner = [...this.entities.values()].find((entity) => entity.sitelinks.enwiki?.title === title);
      return {
        lang,
        title,
        type: 'standard',
        extract: extract ?? '',
        url: wikipediaUrl(lang, title),
        ...(owner ? { wikibaseItem: owner.id } : {}),
        ...override,
      };
    },
    reviews: async (_lang, title) => {
      this.record('wikipedia', 'reviews', title);
      return this.world.reviews?.[title] ?? [];
    },
  };

  tvmaze: LiveSources['tvmaze'] = {
    searchShows: async (query) => {
      this.record('tvmaze', 'searchShows', query);
      return (this.world.tvmaze?.[query] ?? []).map((show, i) => ({ score: 1 - i / 10, show }));
    },
  };
}

export const offline = (source: 'Wikidata' | 'Wikipedia' | 'TVmaze') => new SourceError(source, 'offline', 'offline');
export const timedOut = (source: 'Wikidata' | 'Wikipedia' | 'TVmaze') => new SourceError(source, 'timeout', 'timeout');
export const unreadable = (source: 'Wikidata' | 'Wikipedia' | 'TVmaze') => new SourceError(source, 'malformed', 'bad JSON');
