import { describe, expect, it } from 'vitest';
import { WebUrlSchema } from '../../../lib/model';
import { createTvmazeClient, parseSearchShows, parseShow } from '../../../lib/sources/tvmaze';
import { apiFixture, fixtureHttpClient, jsonHttpClient, sharedApiSample } from '../../harness/api-fixtures';

describe('TVmaze on the shared 2017 samples', () => {
  it('singlesearch: the older show shape, missing fields are unknown', () => {
    expect(parseShow(sharedApiSample('tvmaze-singlesearch-2017.json'))).toEqual({
      id: 143,
      url: 'http://www.tvmaze.com/shows/143/silicon-valley',
      name: 'Silicon Valley',
      type: 'Scripted',
      language: 'English',
      premiered: '2014-04-06',
      officialSite: 'http://www.hbo.com/silicon-valley/',
      network: { id: 8, name: 'HBO' },
      externals: { imdb: 'tt2575988', thetvdb: 277165 },
    });
  });

  it('search: three results with 2017-scale scores, nulls tolerated', () => {
    const results = parseSearchShows(sharedApiSample('tvmaze-search-shows-2017.json'));
    expect(results.map((r) => [r.score, r.show.id, r.show.name, r.show.network?.name, r.show.premiered, r.show.externals.imdb])).toEqual([
      [40.57934, 143, 'Silicon Valley', 'HBO', '2014-04-06', 'tt2575988'],
      [30.110342, 30927, 'Secrets of Silicon Valley', 'BBC Two', '2017-08-06', undefined],
      [21.999464, 15643, 'Start-ups: Silicon Valley', 'Bravo', '2012-11-05', undefined],
    ]);
    expect(results[1]!.show.externals).toEqual({});
    expect(results[2]!.show.externals).toEqual({ thetvdb: 263541 });
    expect(results.every((r) => r.show.webChannel === undefined)).toBe(true);
  });
});

describe('TVmaze on our 2026-shape fixtures', () => {
  it('The Lantern Keepers: a Netflix web channel, an official Netflix link, scores below 1', () => {
    const [first, second] = parseSearchShows(apiFixture('tvmaze/search-the-lantern-keepers.json'));
    expect(first).toEqual({
      score: 0.9078153,
      show: {
        id: 990042,
        url: 'https://www.tvmaze.com/shows/990042/the-lantern-keepers',
        name: 'The Lantern Keepers',
        type: 'Scripted',
        language: 'English',
        premiered: '2024-03-01',
        officialSite: 'https://www.netflix.com/title/80990042',
        webChannel: { id: 1, name: 'Netflix' },
        externals: { imdb: 'tt99900420', thetvdb: 990042 },
      },
    });
    expect(second!.show).toMatchObject({ name: 'The Keepers of the Lantern', premiered: '2016-10-02', ended: '2016-11-06', network: { id: 990701, name: 'Coastline TV' } });
  });

  it('null summaries, images, IMDb IDs, networks and sites are fine', () => {
    const results = parseSearchShows(apiFixture('tvmaze/search-paper-harbor.json'));
    expect(results.map((r) => r.show.name)).toEqual(['Harbor Lights', 'Paper Trail']);
    expect(results[0]!.show.officialSite).toBeUndefined();
    expect(results[1]!.show).toMatchObject({ webChannel: { id: 990703, name: 'Streamwise' }, externals: {} });
    const ferries = parseSearchShows(apiFixture('tvmaze/search-night-ferry.json'));
    expect(ferries.map((r) => [r.show.id, r.show.premiered, r.show.language])).toEqual([
      [990021, '2022-11-04', 'English'],
      [990022, '2009-02-14', 'Norwegian'],
    ]);
  });
});

describe('the TVmaze client', () => {
  it('asks /search/shows with the query encoded', async () => {
    const http = fixtureHttpClient();
    const results = await createTvmazeClient(http).searchShows('The Lantern Keepers');
    expect(results.map((r) => r.show.id)).toEqual([990042, 990043]);
    expect(http.urls).toEqual(['https://api.tvmaze.com/search/shows?q=The%20Lantern%20Keepers']);
  });

  it('no results is an empty list; an empty query is not sent', async () => {
    const http = fixtureHttpClient();
    const client = createTvmazeClient(http);
    expect(await client.searchShows('Quiet Orbit')).toEqual([]);
    expect(await client.searchShows('  \n ')).toEqual([]);
    expect(http.urls).toHaveLength(1);
    await createTvmazeClient(http).searchShows('a&b=c#d');
    expect(http.urls[1]).toBe('https://api.tvmaze.com/search/shows?q=a%26b%3Dc%23d');
  });

  it('a wrong top-level shape is malformed', async () => {
    for (const bad of [{ score: 1, show: {} }, null, 'x', { results: [] }]) {
      await expect(createTvmazeClient(jsonHttpClient(bad)).searchShows('x')).rejects.toMatchObject({ name: 'SourceError', source: 'TVmaze', failure: 'malformed' });
    }
  });
});

describe('hostile TVmaze answers', () => {
  const good = { id: 7, url: 'https://www.tvmaze.com/shows/7/ok', name: 'OK' };

  it('drops malformed entries and keeps the rest', () => {
    const results = parseSearchShows([
      { score: 0.5, show: good },
      { score: '0.9', show: good },
      { score: 0.4, show: { ...good, id: '7' } },
      { score: 0.4, show: { ...good, id: -1 } },
      { score: 0.4, show: { ...good, name: null } },
      { score: 0.4, show: { ...good, name: '<script></script>' } },
      { score: 0.4 },
      null,
      'x',
      { score: 0.3, show: { ...good, id: 8 } },
    ]);
    expect(results.map((r) => r.show.id)).toEqual([7, 8]);
  });

  it('markup becomes text; javascript: and foreign URLs are dropped or replaced', () => {
    const show = parseShow({
      ...good,
      name: '<b>Night</b> Ferry<script>alert(1)</script>',
      url: 'javascript:alert(1)',
      officialSite: 'javascript:alert(2)',
      type: '<img src=x onerror=alert(3)>Scripted',
      network: { id: 3, name: '<i>HBO</i>' },
      webChannel: { id: 1, name: 42 },
      externals: { imdb: 'tt123"><script>', thetvdb: 'many' },
      premiered: '2014-02-30',
      ended: 'soon',
    });
    expect(show).toEqual({ id: 7, url: 'https://www.tvmaze.com/shows/7', name: 'Night Ferry', type: 'Scripted', network: { id: 3, name: 'HBO' }, externals: {} });
    expect(parseShow({ ...good, url: 'https://evil.example/shows/7' })?.url).toBe('https://www.tvmaze.com/shows/7');
    expect(WebUrlSchema.safeParse(show!.url).success).toBe(true);
  });

  it('a 1 MB name is capped', () => {
    expect(parseShow({ ...good, name: 'N'.repeat(1_000_000) })!.name.length).toBeLessThanOrEqual(300);
  });
});
