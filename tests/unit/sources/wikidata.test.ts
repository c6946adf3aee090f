import { describe, expect, it } from 'vitest';
import { createWikidataClient, parseEntitiesResponse, parseSearchResponse } from '../../../lib/sources/wikidata';
import { SourceError, type WikidataEntity } from '../../../lib/sources/types';
import { apiFixture, fixtureHttpClient, jsonHttpClient, sharedApiSample } from '../../harness/api-fixtures';

/** A bare entity file from shared/, served the way wbgetentities wraps it. */
function wrapped(name: string): unknown {
  const entity = sharedApiSample(name) as { id: string };
  return { entities: { [entity.id]: entity }, success: 1 };
}

function only(map: Map<string, WikidataEntity>, id: string): WikidataEntity {
  const entity = map.get(id);
  expect(entity, id).toBeDefined();
  return entity!;
}

function query(url: string): Record<string, string> {
  return Object.fromEntries(new URL(url).searchParams);
}

describe('Wikidata search answers (CirrusSearch)', () => {
  it('reads item IDs from search[].title and never the snippet (shared sample)', () => {
    expect(parseSearchResponse(sharedApiSample('wikidata-cirrus_search_response.json'))).toEqual(['Q1']);
  });

  it('reads our fixtures in order, keeping only item IDs', () => {
    expect(parseSearchResponse(apiFixture('wikidata/search-text-night-ferry.json'))).toEqual(['Q990000021', 'Q990000020', 'Q990000025']);
    const mixed = { batchcomplete: true, query: { search: [{ title: 'Q5' }, { title: 'Property:P31' }, { title: 'Lexeme:L1' }, { title: 42 }, null, { title: 'Q5' }, { title: 'Q0' }] } };
    expect(parseSearchResponse(mixed)).toEqual(['Q5']);
  });

  it('an empty search is no match, not an error', () => {
    expect(parseSearchResponse({ batchcomplete: true, query: { searchinfo: { totalhits: 0 }, search: [] } })).toEqual([]);
  });

  it('a wrong top-level shape is malformed', () => {
    for (const bad of [null, [], 'Q1', { query: {} }, { query: { search: 'Q1' } }, { search: [{ title: 'Q1' }] }]) {
      expect(() => parseSearchResponse(bad)).toThrow(SourceError);
      try {
        parseSearchResponse(bad);
      } catch (err) {
        expect((err as SourceError).failure).toBe('malformed');
        expect((err as SourceError).source).toBe('Wikidata');
      }
    }
  });

  it('maps API-level errors: rate limits are retryable, bad requests are not', () => {
    const rate = () => parseSearchResponse({ error: { code: 'ratelimited', info: 'slow down' } });
    expect(rate).toThrow(expect.objectContaining({ failure: 'rate-limited', retryable: true }));
    const bad = () => parseSearchResponse({ error: { code: 'badvalue', info: '<script>' } });
    expect(bad).toThrow(expect.objectContaining({ failure: 'malformed' }));
    expect(bad).not.toThrow(/script/);
  });
});

describe('Wikidata entities on the shared real samples', () => {
  it('Q3235026: empty labels are unknown, not an error; item claims; no enwiki', () => {
    const entity = only(parseEntitiesResponse(sharedApiSample('wikidata-wbgetentities_response.json')), 'Q3235026');
    expect(entity.labels).toEqual({});
    expect(entity.descriptions).toEqual({});
    expect(entity.aliases).toEqual({});
    expect(entity.claims).toEqual({
      P31: [{ type: 'item', id: 'Q14406742' }],
      P123: [{ type: 'item', id: 'Q2339806' }],
      P50: [{ type: 'item', id: 'Q16672164' }],
      P110: [{ type: 'item', id: 'Q16680422' }],
    });
    // Only frwiki exists: we never take the French title as the English one.
    expect(entity.sitelinks).toEqual({});
  });

  it('Q123: a labels-only answer needs no claims, sitelinks or descriptions', () => {
    const entity = only(parseEntitiesResponse(sharedApiSample('wikidata-wbgetentities-labels.json')), 'Q123');
    expect(entity).toEqual({ id: 'Q123', labels: { en: 'September' }, descriptions: {}, aliases: {}, claims: {}, sitelinks: {} });
  });

  it('Q4132785: old serialisation (numeric-id without id), a 1953 year, P921 subjects', () => {
    const entity = only(parseEntitiesResponse(wrapped('wikidata-entity-Q4132785.json')), 'Q4132785');
    expect(entity.labels.en).toBe('Bring the Jubilee');
    expect(entity.descriptions.en).toBeUndefined();
    expect(entity.claims.P921).toEqual([
      { type: 'item', id: 'Q8676' },
      { type: 'item', id: 'Q253732' },
    ]);
    expect(entity.claims.P577).toEqual([{ type: 'time', date: '1953' }]);
    expect(entity.claims.P31).toEqual([{ type: 'item', id: 'Q571' }]);
    expect(entity.claims.P50).toEqual([{ type: 'item', id: 'Q947986' }]);
    expect(entity.claims.P136).toEqual([
      { type: 'item', id: 'Q12132683' },
      { type: 'item', id: 'Q16681629' },
    ]);
    expect(entity.claims.P212).toEqual([
      { type: 'string', value: '978-0-345-40502-9' },
      { type: 'string', value: '978-84-270-1284-4' },
    ]);
    expect(entity.claims.P243).toEqual([{ type: 'string', value: '38014790' }]);
    expect(entity.sitelinks.enwiki).toEqual({ title: 'Bring the Jubilee', url: 'https://en.wikipedia.org/wiki/Bring_the_Jubilee' });
    expect(entity.sitelinks.eswiki?.title).toBe('Lo que el tiempo se llevó');
    expect(entity.sitelinks.eswiki?.url).toMatch(/^https:\/\/es\.wikipedia\.org\/wiki\/Lo_que_el_tiempo_se_llev/);
    expect(Object.keys(entity.sitelinks).sort()).toEqual(['enwiki', 'eswiki']);
  });

  it('Q217447: coordinates, country, a qualifier; unknown datatypes skipped', () => {
    const entity = only(parseEntitiesResponse(wrapped('wikidata-entity-Q217447.json')), 'Q217447');
    expect(entity.labels).toEqual({ en: 'Verla', es: 'Verla' });
    expect(entity.descriptions.en).toBe('Finnish UNESCO world heritage site');
    expect(entity.claims.P625).toEqual([{ type: 'coordinates', lat: 61.061992, lon: 26.640016 }]);
    expect(entity.claims.P17).toEqual([{ type: 'item', id: 'Q33' }]);
    expect(entity.claims.P131).toEqual([{ type: 'item', id: 'Q204382' }]);
    expect(entity.claims.P31).toEqual([
      { type: 'item', id: 'Q83405' },
      { type: 'item', id: 'Q29969141' },
    ]);
    expect(entity.claims.P1435?.[0]).toEqual({ type: 'item', id: 'Q9259', qualifiers: { P580: [{ type: 'time', date: '1996' }] } });
    expect(entity.claims.P856).toEqual([{ type: 'string', value: 'http://www.verla.fi/' }]);
    // commonsMedia and geo-shape are not read.
    expect(entity.claims.P18).toBeUndefined();
    expect(entity.claims.P3896).toBeUndefined();
    expect(entity.sitelinks.enwiki).toEqual({ title: 'Verla', url: 'https://en.wikipedia.org/wiki/Verla' });
  });
});

describe('Wikidata entities on our fixtures', () => {
  const all = (): Map<string, WikidataEntity> => {
    const out = new Map<string, WikidataEntity>();
    for (const id of ['Q990000001', 'Q990000002', 'Q990000003', 'Q990000010', 'Q990000020', 'Q990000021', 'Q990000030']) {
      for (const [key, entity] of parseEntitiesResponse(apiFixture(`wikidata/entities-${id}.json`))) out.set(key, entity);
    }
    return out;
  };

  it('Paper Harbor: truthy statements only, scores with qualifiers, based on / main subject', () => {
    const film = only(all(), 'Q990000001');
    expect(film.labels).toEqual({ en: 'Paper Harbor', es: 'Puerto de papel', mul: 'Paper Harbor' });
    expect(film.aliases).toEqual({ en: ['Paper Harbour'] });
    expect(film.claims.P1874).toEqual([{ type: 'string', value: '80990055' }]);
    // The preferred release date hides the normal-rank festival date.
    expect(film.claims.P577).toEqual([{ type: 'time', date: '2023-09-15', qualifiers: { P291: [{ type: 'item', id: 'Q30' }] } }]);
    // Two normal-rank scores; the deprecated "55%" is gone.
    expect(film.claims.P444).toEqual([
      {
        type: 'string',
        value: '91%',
        qualifiers: {
          P447: [{ type: 'item', id: 'Q105584' }],
          P459: [{ type: 'item', id: 'Q108403393' }],
          P585: [{ type: 'time', date: '2023-10-02' }],
          P7887: [{ type: 'quantity', amount: 87 }],
        },
      },
      {
        type: 'string',
        value: '74/100',
        qualifiers: {
          P447: [{ type: 'item', id: 'Q150248' }],
          P585: [{ type: 'time', date: '2023-10-02' }],
          P7887: [{ type: 'quantity', amount: 31 }],
        },
      },
    ]);
    expect(film.claims.P144).toEqual([{ type: 'item', id: 'Q990000002' }]);
    expect(film.claims.P921).toEqual([{ type: 'item', id: 'Q990000003' }]);
    expect(film.claims.P2047).toEqual([{ type: 'quantity', amount: 107, unit: 'Q7727' }]);
    // somevalue director and commonsMedia poster are skipped.
    expect(film.claims.P57).toBeUndefined();
    expect(film.claims.P18).toBeUndefined();
    expect(film.sitelinks).toEqual({
      enwiki: { title: 'Paper Harbor', url: 'https://en.wikipedia.org/wiki/Paper_Harbor' },
      eswiki: { title: 'Puerto de papel (película)', url: 'https://es.wikipedia.org/wiki/Puerto_de_papel_(pel%C3%ADcula)' },
    });
  });

  it('the article: month precision, monolingual title, full-text URL', () => {
    const article = only(all(), 'Q990000002');
    expect(article.claims.P577).toEqual([{ type: 'time', date: '2019-06' }]);
    expect(article.claims.P1476).toEqual([{ type: 'string', value: 'The Harbor That Moved', language: 'en' }]);
    expect(article.claims.P953).toEqual([{ type: 'string', value: 'https://meridian-review.example/2019/06/the-harbor-that-moved' }]);
    expect(article.claims.P50).toEqual([{ type: 'item', id: 'Q990000007' }]);
    expect(article.sitelinks).toEqual({});
  });

  it('the event: dates, coordinates, place, deaths', () => {
    const event = only(all(), 'Q990000003');
    expect(event.claims.P580).toEqual([{ type: 'time', date: '1961-03-14' }]);
    expect(event.claims.P582).toEqual([{ type: 'time', date: '1961-03-15' }]);
    expect(event.claims.P625).toEqual([{ type: 'coordinates', lat: 43.912345, lon: -69.123456 }]);
    expect(event.claims.P276).toEqual([{ type: 'item', id: 'Q990000004' }]);
    expect(event.claims.P1120).toEqual([{ type: 'quantity', amount: 12 }]);
  });

  it('The Lantern Keepers has no story properties; the year-only date stays a year', () => {
    const show = only(all(), 'Q990000010');
    expect(show.claims.P144 ?? show.claims.P921 ?? show.claims.P941).toBeUndefined();
    expect(show.claims.P577).toEqual([{ type: 'time', date: '2024' }]);
    expect(show.claims.P8600).toEqual([{ type: 'string', value: '990042' }]);
  });

  it('the Night Ferry items are told apart only by kind and date', () => {
    const entities = all();
    const film = only(entities, 'Q990000020');
    const series = only(entities, 'Q990000021');
    expect(film.labels.en).toBe(series.labels.en);
    expect(film.claims.P31).toEqual([{ type: 'item', id: 'Q11424' }]);
    expect(series.claims.P31).toEqual([{ type: 'item', id: 'Q5398426' }]);
    expect(film.claims.P577).toEqual([{ type: 'time', date: '2019-05-10' }]);
    expect(series.claims.P580).toEqual([{ type: 'time', date: '2022-11-04' }]);
  });

  it('a Spanish-only item has an es label and an eswiki link, nothing invented in English', () => {
    const item = only(all(), 'Q990000030');
    expect(item.labels).toEqual({ es: 'Las hermanas Niebla' });
    expect(item.aliases).toEqual({ es: ['Hermanas Niebla'] });
    expect(item.sitelinks).toEqual({ eswiki: { title: 'Las hermanas Niebla', url: 'https://es.wikipedia.org/wiki/Las_hermanas_Niebla' } });
    expect(item.claims.P580).toEqual([{ type: 'time', date: '2023-06' }]);
  });
});

describe('the Wikidata client', () => {
  it('finds an item by Netflix ID with a haswbstatement search', async () => {
    const http = fixtureHttpClient();
    expect(await createWikidataClient(http).findByNetflixId('80990055')).toEqual(['Q990000001']);
    expect(http.urls).toHaveLength(1);
    const url = http.urls[0]!;
    expect(url.startsWith('https://www.wikidata.org/w/api.php?')).toBe(true);
    expect(query(url)).toMatchObject({ action: 'query', list: 'search', srsearch: 'haswbstatement:P1874=80990055', format: 'json', formatversion: '2', origin: '*' });
  });

  it('finds items by IMDb and TVmaze IDs', async () => {
    const http = fixtureHttpClient();
    const client = createWikidataClient(http);
    expect(await client.findByImdbId('tt99900550')).toEqual(['Q990000001']);
    expect(await client.findByTvmazeId(990042)).toEqual(['Q990000010']);
    expect(http.urls.map((u) => query(u).srsearch)).toEqual(['haswbstatement:P345=tt99900550', 'haswbstatement:P8600=990042']);
  });

  it('an unknown ID is no match; an invalid ID is not even asked for', async () => {
    const http = fixtureHttpClient();
    const client = createWikidataClient(http);
    expect(await client.findByNetflixId('80990077')).toEqual([]);
    expect(http.urls).toHaveLength(1);
    expect(await client.findByNetflixId('8099 OR haswbstatement:P31=Q5')).toEqual([]);
    expect(await client.findByImdbId('nm0000001')).toEqual([]);
    expect(await client.findByTvmazeId(-3)).toEqual([]);
    expect(await client.findByTvmazeId(1.5)).toEqual([]);
    expect(http.urls).toHaveLength(1);
  });

  it('searches a title with the Netflix filter as two queries (P449, then P750) and merges them', async () => {
    const http = fixtureHttpClient();
    expect(await createWikidataClient(http).searchTitle('Night Ferry', { netflixOnly: true })).toEqual(['Q990000021', 'Q990000020']);
    expect(http.urls.map((u) => query(u).srsearch)).toEqual(['"Night Ferry" haswbstatement:P449=Q907311', '"Night Ferry" haswbstatement:P750=Q907311']);
    expect(query(http.urls[0]!)).toMatchObject({ format: 'json', formatversion: '2', origin: '*', srlimit: '10' });
  });

  it('searches a title without the filter, honouring the limit', async () => {
    const http = fixtureHttpClient();
    const client = createWikidataClient(http);
    expect(await client.searchTitle('Night Ferry')).toEqual(['Q990000021', 'Q990000020', 'Q990000025']);
    expect(await client.searchTitle('Night Ferry', { limit: 2 })).toEqual(['Q990000021', 'Q990000020']);
    expect(http.urls.map((u) => query(u).srsearch)).toEqual(['"Night Ferry"', '"Night Ferry"']);
    expect(query(http.urls[1]!).srlimit).toBe('2');
  });

  it('a title cannot break out of its phrase', async () => {
    const http = fixtureHttpClient();
    await createWikidataClient(http).searchTitle('A" haswbstatement:P31=Q5 "B\\', { limit: 500 });
    expect(query(http.urls[0]!).srsearch).toBe('"A haswbstatement:P31=Q5 B"');
    expect(query(http.urls[0]!).srlimit).toBe('50');
    expect(await createWikidataClient(http).searchTitle('   ')).toEqual([]);
    expect(http.urls).toHaveLength(1);
  });

  it('gets entities with the documented parameters; missing ones are left out', async () => {
    const http = fixtureHttpClient();
    const found = await createWikidataClient(http).getEntities(['Q990000001', 'Q990000025', 'Q990000003', 'Q990000001', 'not-an-id']);
    expect([...found.keys()]).toEqual(['Q990000001', 'Q990000003']);
    expect(http.urls).toHaveLength(1);
    expect(query(http.urls[0]!)).toEqual({
      action: 'wbgetentities',
      ids: 'Q990000001|Q990000025|Q990000003',
      props: 'claims|labels|descriptions|aliases|sitelinks/urls',
      languages: 'en|es|mul',
      sitefilter: 'enwiki|eswiki',
      format: 'json',
      formatversion: '2',
      origin: '*',
    });
    // wikibase-sdk adds origin=* itself when it sees a DOM (as in this test); we never send it twice.
    for (const key of ['origin', 'format', 'ids']) expect(new URL(http.urls[0]!).searchParams.getAll(key)).toHaveLength(1);
  });

  it('asks in batches of at most 50', async () => {
    const ids = Array.from({ length: 120 }, (_, i) => `Q${990000001 + i}`);
    const http = fixtureHttpClient();
    const found = await createWikidataClient(http).getEntities(ids);
    expect(http.urls.map((u) => query(u).ids!.split('|').length)).toEqual([50, 50, 20]);
    expect(found.has('Q990000001')).toBe(true);
    expect(found.has('Q990000030')).toBe(true);
    expect(await createWikidataClient(http).getEntities([])).toEqual(new Map());
    expect(http.urls).toHaveLength(3);
  });

  it('a wrong top-level shape is malformed', async () => {
    const client = createWikidataClient(jsonHttpClient({ success: 1 }));
    await expect(client.getEntities(['Q1'])).rejects.toMatchObject({ name: 'SourceError', source: 'Wikidata', failure: 'malformed' });
    await expect(createWikidataClient(jsonHttpClient([])).findByNetflixId('1')).rejects.toMatchObject({ failure: 'malformed' });
  });

  it('passes HTTP failures on as they are', async () => {
    const http = fixtureHttpClient();
    const failing = { ...http, getJson: () => Promise.reject(new SourceError('Wikidata', 'timeout', 'Wikidata did not answer in time')) };
    await expect(createWikidataClient(failing).findByNetflixId('80990055')).rejects.toMatchObject({ failure: 'timeout' });
  });
});
