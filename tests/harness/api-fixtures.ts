/**
 * The live sources, offline: our recorded-shape fixtures in tests/fixtures/api/ answered the way
 * Wikidata, Wikipedia and TVmaze answer, for the fake internet (end-to-end tests) and for unit
 * tests (a fake HttpClient over the very same answers).
 *
 * What is served:
 * - www.wikidata.org `/w/api.php`
 *   - `action=query&list=search&srsearch=haswbstatement:P1874=80990055` → wikidata/search-P1874-80990055.json
 *   - `srsearch="Night Ferry"` → wikidata/search-text-night-ferry.json; with
 *     ` haswbstatement:P449=Q907311` → wikidata/search-text-night-ferry-P449-Q907311.json
 *   - `action=wbgetentities&ids=Q1|Q2` → the entities of wikidata/entities-<id>.json, merged
 *     into one answer; an ID without a file is `{"id": …, "missing": ""}`, as Wikidata says it
 * - <lang>.wikipedia.org
 *   - `/api/rest_v1/page/summary/<Title>` → wikipedia/<lang>/summary-<Title>.json (underscores)
 *   - `/w/api.php?action=parse&page=<Title>&prop=sections` → wikipedia/<lang>/sections-<Title>.json
 *   - `…&section=<n>&prop=wikitext` → wikipedia/<lang>/section-<n>-<Title>.json
 * - api.tvmaze.com `/search/shows?q=The Lantern Keepers` → tvmaze/search-the-lantern-keepers.json
 *
 * Anything the fixtures do not cover gets what the real service answers for "nothing there" (the
 * default, `uncovered: 'empty'`): an empty search, a missing entity, `missingtitle` from parse,
 * `[]` from TVmaze search, and a 404 with a JSON problem body from the Wikipedia REST API (which
 * is what Wikipedia really does). With `uncovered: 'not-found'` every uncovered request is a 404
 * instead. Unknown endpoints are always a 404 with a JSON body.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { SourceError, type HttpClient, type SourceName } from '../../lib/sources/types';
import type { FakeResponse, Route } from './fake-internet';

export interface ApiFixtureOptions {
  /** What an uncovered lookup gets: the service's own "nothing here" answer, or a 404. */
  uncovered?: 'empty' | 'not-found';
}

/**
 * Held in a variable because Vite rewrites a literal `new URL(<template>, import.meta.url)` into
 * asset imports of the whole folder.
 */
const HERE = import.meta.url;
const FIXTURE_DIR = new URL('../fixtures/api/', HERE);

/**
 * The team's shared folder (REAL recorded responses, GPL/MIT/Apache: read in place, never copied
 * here): checked out next to this repository (`../shared`), or wherever BACKSTORY_SHARED_DIR points.
 */
const SHARED_DIR = process.env.BACKSTORY_SHARED_DIR ? pathToFileURL(`${process.env.BACKSTORY_SHARED_DIR.replace(/\/$/, '')}/`) : new URL('../../../shared/', HERE);

let index: Map<string, string> | undefined;
const parsedCache = new Map<string, unknown>();

/** Every fixture file by its path relative to tests/fixtures/api/ (e.g. "wikidata/entities-Q990000001.json"). */
function fixtureIndex(): Map<string, string> {
  if (!index) {
    index = new Map();
    const root = fileURLToPath(FIXTURE_DIR);
    for (const entry of readdirSync(root, { recursive: true, encoding: 'utf8' })) {
      const rel = entry.split('\\').join('/');
      if (rel.endsWith('.json')) index.set(rel, `${root}${rel}`);
    }
  }
  return index;
}

/** One of our fixtures, parsed (a fresh copy each time); undefined if there is no such file. */
export function apiFixture(relPath: string): unknown {
  const file = fixtureIndex().get(relPath);
  if (file === undefined) return undefined;
  if (!parsedCache.has(relPath)) parsedCache.set(relPath, JSON.parse(readFileSync(file, 'utf8')));
  return structuredClone(parsedCache.get(relPath));
}

/** The names of all our fixture files, sorted. */
export function apiFixtureNames(): string[] {
  return [...fixtureIndex().keys()].sort();
}

/** A real recorded response from shared/fixtures/api-samples/ (see its README), parsed. */
export function sharedApiSample(name: string): unknown {
  const file = new URL(`fixtures/api-samples/${name}`, SHARED_DIR);
  if (!existsSync(file)) {
    throw new Error(`The shared API samples are missing (${fileURLToPath(file)}): check out shared/ next to this repository or set BACKSTORY_SHARED_DIR.`);
  }
  return JSON.parse(readFileSync(file, 'utf8'));
}

/** "The Lantern Keepers" → "the-lantern-keepers": how search fixtures are named. */
export function fixtureSlug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** "Night Ferry (TV series)" → "Night_Ferry_(TV_series)": how page fixtures are named. */
function pageKey(title: string): string {
  return title.trim().replace(/ /g, '_');
}

const JSON_TYPE = 'application/json; charset=utf-8';
const SUMMARY_TYPE = 'application/json; charset=utf-8; profile="https://www.mediawiki.org/wiki/Specs/Summary/1.5.0"';

function ok(json: unknown, contentType = JSON_TYPE): FakeResponse {
  return { status: 200, headers: { 'content-type': contentType }, json };
}

function notFound(json: unknown, contentType = JSON_TYPE): FakeResponse {
  return { status: 404, headers: { 'content-type': contentType }, json };
}

function restProblem(host: string, pathname: string): FakeResponse {
  return notFound(
    { type: 'https://mediawiki.org/wiki/HyperSwitch/errors/not_found', title: 'Not found.', method: 'get', detail: 'Page or revision not found.', uri: `/${host}/v1${pathname.replace(/^\/api\/rest_v1/, '')}` },
    'application/problem+json',
  );
}

function mediawikiError(code: string, info: string): FakeResponse {
  return ok({ error: { code, info, docref: 'See https://www.mediawiki.org/w/api.php for API usage.' }, servedby: 'mw-api-ext.fake-internet' });
}

const UNKNOWN_ENDPOINT = (host: string, path: string): FakeResponse =>
  notFound({ error: 'not covered by the API fixtures', host, path });

const EMPTY_SEARCH = { batchcomplete: true, query: { searchinfo: { totalhits: 0 }, search: [] } };

function wikidataSearchFixture(srsearch: string): string | undefined {
  const search = srsearch.replace(/\s+/g, ' ').trim();
  const statement = /^haswbstatement:(P\d+)=([A-Za-z0-9]+)$/.exec(search);
  if (statement) return `wikidata/search-${statement[1]}-${statement[2]}.json`;
  const phrase = /^"([^"]+)"(?: haswbstatement:(P\d+)=(Q\d+))?$/.exec(search);
  if (phrase) return `wikidata/search-text-${fixtureSlug(phrase[1]!)}${phrase[2] ? `-${phrase[2]}-${phrase[3]}` : ''}.json`;
  return undefined;
}

function answerWikidata(url: URL, uncovered: 'empty' | 'not-found'): FakeResponse {
  if (url.pathname !== '/w/api.php') return UNKNOWN_ENDPOINT(url.host, url.pathname);
  const q = url.searchParams;
  const action = q.get('action');
  if (action === 'query' && q.get('list') === 'search') {
    const file = wikidataSearchFixture(q.get('srsearch') ?? '');
    const json = file === undefined ? undefined : apiFixture(file);
    if (json !== undefined) return ok(json);
    return uncovered === 'empty' ? ok(EMPTY_SEARCH) : UNKNOWN_ENDPOINT(url.host, url.pathname + url.search);
  }
  if (action === 'wbgetentities') {
    const ids = (q.get('ids') ?? '').split('|').filter(Boolean);
    const entities: Record<string, unknown> = {};
    let found = 0;
    for (const id of ids) {
      const file = apiFixture(`wikidata/entities-${id}.json`) as { entities?: Record<string, unknown> } | undefined;
      const entity = file?.entities?.[id];
      if (entity !== undefined) found++;
      entities[id] = entity ?? { id, missing: '' };
    }
    if (found === 0 && uncovered === 'not-found') return UNKNOWN_ENDPOINT(url.host, url.pathname + url.search);
    return ok({ entities, success: 1 });
  }
  return UNKNOWN_ENDPOINT(url.host, url.pathname + url.search);
}

function answerWikipedia(url: URL, uncovered: 'empty' | 'not-found'): FakeResponse {
  const lang = url.hostname.split('.')[0]!;
  const summaryPrefix = '/api/rest_v1/page/summary/';
  if (url.pathname.startsWith(summaryPrefix)) {
    let title: string;
    try {
      title = decodeURIComponent(url.pathname.slice(summaryPrefix.length));
    } catch {
      return restProblem(url.host, url.pathname);
    }
    const json = apiFixture(`wikipedia/${lang}/summary-${pageKey(title)}.json`);
    return json === undefined ? restProblem(url.host, url.pathname) : ok(json, SUMMARY_TYPE);
  }
  if (url.pathname.startsWith('/api/rest_v1/')) return restProblem(url.host, url.pathname);
  if (url.pathname !== '/w/api.php') return UNKNOWN_ENDPOINT(url.host, url.pathname);
  const q = url.searchParams;
  if (q.get('action') !== 'parse') return UNKNOWN_ENDPOINT(url.host, url.pathname + url.search);
  const page = pageKey(q.get('page') ?? '');
  const prop = q.get('prop');
  const section = q.get('section');
  const file = prop === 'sections' ? `wikipedia/${lang}/sections-${page}.json` : prop === 'wikitext' && section ? `wikipedia/${lang}/section-${section}-${page}.json` : undefined;
  const json = file === undefined ? undefined : apiFixture(file);
  if (json !== undefined) return ok(json);
  if (uncovered === 'not-found') return UNKNOWN_ENDPOINT(url.host, url.pathname + url.search);
  const pageExists = apiFixture(`wikipedia/${lang}/sections-${page}.json`) !== undefined;
  return pageExists && section
    ? mediawikiError('nosuchsection', `There is no section ${section}.`)
    : mediawikiError('missingtitle', "The page you specified doesn't exist.");
}

function answerTvmaze(url: URL, uncovered: 'empty' | 'not-found'): FakeResponse {
  const tvmaze404: FakeResponse = notFound({ name: 'Not Found', message: 'Page not found.', code: 0, status: 404 });
  if (url.pathname !== '/search/shows') return tvmaze404;
  const json = apiFixture(`tvmaze/search-${fixtureSlug(url.searchParams.get('q') ?? '')}.json`);
  if (json !== undefined) return ok(json, 'application/json; charset=UTF-8');
  return uncovered === 'empty' ? ok([], 'application/json; charset=UTF-8') : tvmaze404;
}

/** The answer to one GET, as the fake internet would serve it. */
export function answerApiRequest(url: string | URL, options: ApiFixtureOptions = {}): FakeResponse {
  const target = new URL(url);
  const uncovered = options.uncovered ?? 'empty';
  const host = target.hostname.toLowerCase();
  if (host === 'www.wikidata.org') return answerWikidata(target, uncovered);
  if (/^[a-z][a-z0-9-]*\.wikipedia\.org$/.test(host)) return answerWikipedia(target, uncovered);
  if (host === 'api.tvmaze.com') return answerTvmaze(target, uncovered);
  return UNKNOWN_ENDPOINT(host, target.pathname + target.search);
}

/** Routes for the fake internet: the three APIs, served from the fixtures. */
export function apiFixtureRoutes(options: ApiFixtureOptions = {}): Route[] {
  const handler = (req: { scheme: string; host: string; path: string }): FakeResponse => answerApiRequest(`${req.scheme}://${req.host}${req.path}`, options);
  return [
    { name: 'api-fixtures:wikidata', host: 'www.wikidata.org', path: /^\/w\/api\.php(?:\?|$)/, handler },
    { name: 'api-fixtures:wikipedia', host: /^[a-z][a-z0-9-]*\.wikipedia\.org$/, path: /^\/(?:w\/api\.php(?:\?|$)|api\/rest_v1\/)/, handler },
    { name: 'api-fixtures:tvmaze', host: 'api.tvmaze.com', path: /^\//, handler },
  ];
}

function sourceOf(host: string): SourceName {
  if (host.endsWith('wikidata.org')) return 'Wikidata';
  if (host.endsWith('tvmaze.com')) return 'TVmaze';
  return 'Wikipedia';
}

export interface RecordingHttpClient extends HttpClient {
  /** Every URL asked for, in order. */
  readonly urls: string[];
}

/**
 * An HttpClient whose answers come from `answer` (a JSON value, or a FakeResponse-like object
 * when `raw` says so), recording the URLs. Statuses map to SourceError like the real client:
 * 404 → not-found, 429 → rate-limited, 5xx → unavailable, anything else non-2xx → malformed.
 * Bodies go through JSON text and back, as they would over the network.
 */
export function recordingHttpClient(answer: (url: URL) => FakeResponse | Promise<FakeResponse>): RecordingHttpClient {
  const urls: string[] = [];
  return {
    urls,
    async getJson(url) {
      urls.push(url);
      const target = new URL(url);
      const response = await answer(target);
      const source = sourceOf(target.hostname);
      if (response.status === 404) throw new SourceError(source, 'not-found', `${source} has no such page (HTTP 404)`, 404);
      if (response.status === 429) throw new SourceError(source, 'rate-limited', `${source} asked us to slow down (HTTP 429)`, 429);
      if (response.status >= 500) throw new SourceError(source, 'unavailable', `${source} is having trouble (HTTP ${response.status})`, response.status);
      if (response.status < 200 || response.status > 299) throw new SourceError(source, 'malformed', `${source} answered with an unexpected HTTP ${response.status}`, response.status);
      const text = response.body !== undefined ? (typeof response.body === 'string' ? response.body : new TextDecoder().decode(response.body)) : JSON.stringify(response.json);
      try {
        return JSON.parse(text) as unknown;
      } catch {
        throw new SourceError(source, 'malformed', `${source} answered with something that is not JSON`);
      }
    },
  };
}

/** An HttpClient over the API fixtures (what the fake internet would serve), recording URLs. */
export function fixtureHttpClient(options: ApiFixtureOptions = {}): RecordingHttpClient {
  return recordingHttpClient((url) => answerApiRequest(url, options));
}

/** An HttpClient that answers every URL with this JSON (for hostile-input tests). */
export function jsonHttpClient(json: unknown | ((url: URL) => unknown)): RecordingHttpClient {
  return recordingHttpClient((url) => ({ status: 200, json: typeof json === 'function' ? (json as (url: URL) => unknown)(url) : json }));
}
