// @vitest-environment node
/**
 * The API fixtures on the fake internet: what end-to-end tests will be served, and the whole
 * live lookup of Paper Harbor run offline through it (Wikidata → Wikipedia → TVmaze).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SourceError, type HttpClient } from '../../../lib/sources/types';
import { createTvmazeClient } from '../../../lib/sources/tvmaze';
import { createWikidataClient } from '../../../lib/sources/wikidata';
import { createWikipediaClient } from '../../../lib/sources/wikipedia';
import { answerApiRequest, apiFixtureNames, apiFixtureRoutes } from '../../harness/api-fixtures';
import { startFakeInternet, type FakeInternet } from '../../harness/fake-internet';

let internet: FakeInternet;

beforeAll(async () => {
  internet = await startFakeInternet({ netflix: false, routes: apiFixtureRoutes() });
});

afterAll(async () => {
  await internet?.stop();
});

/** A bare HttpClient over the fake internet (the real one adds queues, retries and limits). */
function fakeInternetHttp(): HttpClient & { urls: string[] } {
  const urls: string[] = [];
  return {
    urls,
    async getJson(url) {
      urls.push(url);
      const response = await internet.fetch(url);
      const source = url.includes('wikidata') ? 'Wikidata' : url.includes('tvmaze') ? 'TVmaze' : 'Wikipedia';
      if (response.status === 404) throw new SourceError(source, 'not-found', `${source} has no such page (HTTP 404)`, 404);
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toMatch(/^application\/json/);
      expect(response.headers['access-control-allow-origin']).toBe('*');
      return JSON.parse(response.body) as unknown;
    },
  };
}

describe('API fixture routes', () => {
  it('every fixture file is valid JSON and reachable by name', () => {
    const names = apiFixtureNames();
    expect(names.length).toBeGreaterThanOrEqual(30);
    expect(names).toContain('wikidata/entities-Q990000001.json');
    expect(names).toContain('wikipedia/en/section-6-Paper_Harbor.json');
  });

  it('serves a summary, and a JSON problem 404 for a page it does not have', async () => {
    const hit = await internet.fetch('https://en.wikipedia.org/api/rest_v1/page/summary/Paper_Harbor');
    expect(hit.status).toBe(200);
    expect(JSON.parse(hit.body)).toMatchObject({ title: 'Paper_Harbor', wikibase_item: 'Q990000001' });
    const miss = await internet.fetch('https://en.wikipedia.org/api/rest_v1/page/summary/Somos.');
    expect(miss.status).toBe(404);
    expect(miss.headers['content-type']).toBe('application/problem+json');
    expect(JSON.parse(miss.body)).toMatchObject({ title: 'Not found.', type: expect.stringContaining('not_found') });
  });

  it('answers uncovered lookups the way the services do', async () => {
    const search = await internet.fetch('https://www.wikidata.org/w/api.php?action=query&list=search&srsearch=haswbstatement%3AP1874%3D80990017&format=json&formatversion=2');
    expect(JSON.parse(search.body)).toEqual({ batchcomplete: true, query: { searchinfo: { totalhits: 0 }, search: [] } });
    const entities = await internet.fetch('https://www.wikidata.org/w/api.php?action=wbgetentities&ids=Q990000099&format=json');
    expect(JSON.parse(entities.body)).toEqual({ entities: { Q990000099: { id: 'Q990000099', missing: '' } }, success: 1 });
    const parse = await internet.fetch('https://en.wikipedia.org/w/api.php?action=parse&page=Somos.&prop=sections&format=json&formatversion=2');
    expect(JSON.parse(parse.body)).toMatchObject({ error: { code: 'missingtitle' } });
    const tvmaze = await internet.fetch('https://api.tvmaze.com/search/shows?q=Somos.');
    expect(JSON.parse(tvmaze.body)).toEqual([]);
    const unknown = await internet.fetch('https://api.tvmaze.com/lookup/shows?imdb=tt1');
    expect(unknown.status).toBe(404);
  });

  it('with uncovered: not-found, every uncovered lookup is a 404', () => {
    const strict = { uncovered: 'not-found' } as const;
    expect(answerApiRequest('https://www.wikidata.org/w/api.php?action=query&list=search&srsearch=haswbstatement:P1874=1', strict).status).toBe(404);
    expect(answerApiRequest('https://www.wikidata.org/w/api.php?action=wbgetentities&ids=Q990000099', strict).status).toBe(404);
    expect(answerApiRequest('https://en.wikipedia.org/w/api.php?action=parse&page=X&prop=sections', strict).status).toBe(404);
    expect(answerApiRequest('https://api.tvmaze.com/search/shows?q=zzz', strict).status).toBe(404);
    expect(answerApiRequest('https://www.wikidata.org/w/api.php?action=query&list=search&srsearch=haswbstatement:P1874=80990055', strict).status).toBe(200);
  });

  it('runs the whole Paper Harbor lookup offline', async () => {
    const http = fakeInternetHttp();
    const wikidata = createWikidataClient(http);
    const wikipedia = createWikipediaClient(http);
    const tvmaze = createTvmazeClient(http);

    const [qid] = await wikidata.findByNetflixId('80990055');
    expect(qid).toBe('Q990000001');
    const film = (await wikidata.getEntities([qid!])).get(qid!)!;
    const linked = [...(film.claims.P144 ?? []), ...(film.claims.P921 ?? [])].flatMap((v) => (v.type === 'item' ? [v.id] : []));
    const works = await wikidata.getEntities(linked);
    expect([...works.keys()]).toEqual(['Q990000002', 'Q990000003']);
    const event = works.get('Q990000003')!;
    expect(event.claims.P625).toEqual([{ type: 'coordinates', lat: 43.912345, lon: -69.123456 }]);

    const summary = await wikipedia.summary('en', film.sitelinks.enwiki!.title);
    expect(summary).toMatchObject({ type: 'standard', wikibaseItem: 'Q990000001' });
    const eventSummary = await wikipedia.summary('en', event.sitelinks.enwiki!.title);
    expect(eventSummary?.title).toBe('Saltmarsh Pier collapse');
    expect((await wikipedia.reviews('en', 'Paper Harbor')).map((r) => r.outlet)).toEqual(['The Lamplight Courier', 'Northbound Film Weekly', 'The Gullwing Post']);
    expect(await tvmaze.searchShows('Paper Harbor')).toHaveLength(2);

    const hosts = new Set(http.urls.map((u) => new URL(u).hostname));
    expect([...hosts].sort()).toEqual(['api.tvmaze.com', 'en.wikipedia.org', 'www.wikidata.org']);
    expect(internet.requests.every((r) => r.servedBy.startsWith('api-fixtures:'))).toBe(true);
  });
});
