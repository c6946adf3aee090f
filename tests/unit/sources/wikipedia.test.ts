import { describe, expect, it } from 'vitest';
import { WebUrlSchema } from '../../../lib/model';
import { SourceError } from '../../../lib/sources/types';
import { createWikipediaClient, parseSummary, pickReceptionSection, summaryUrl } from '../../../lib/sources/wikipedia';
import { apiFixture, fixtureHttpClient, jsonHttpClient, recordingHttpClient, sharedApiSample } from '../../harness/api-fixtures';

function query(url: string): Record<string, string> {
  return Object.fromEntries(new URL(url).searchParams);
}

describe('Wikipedia REST summaries on the shared real samples', () => {
  it('Moscow: plain extract, QID, description, coordinates, desktop link', () => {
    const summary = parseSummary('en', sharedApiSample('wikipedia-summary-geo.json'));
    expect(summary).toMatchObject({
      lang: 'en',
      title: 'Moscow',
      type: 'standard',
      wikibaseItem: 'Q649',
      description: 'Capital and largest city of Russia',
      coordinates: { lat: 55.75583333, lon: 37.61722222 },
      url: 'https://en.wikipedia.org/wiki/Moscow',
    });
    expect(summary.extract.startsWith('Moscow is the capital and largest city of Russia.')).toBe(true);
    expect(summary.extract).not.toMatch(/<|>/);
  });

  it("Fermat's Last Theorem (2018): no wikibase_item stays unknown; the apostrophe URL is kept", () => {
    const summary = parseSummary('en', sharedApiSample('wikipedia-summary-valid.json'));
    expect(summary.title).toBe("Fermat's Last Theorem");
    expect(summary.wikibaseItem).toBeUndefined();
    expect('wikibaseItem' in summary).toBe(false);
    expect(summary.coordinates).toBeUndefined();
    expect(summary.description).toBe('theorem in number theory');
    expect(summary.url).toBe("https://en.wikipedia.org/wiki/Fermat's_Last_Theorem");
    expect(WebUrlSchema.safeParse(summary.url).success).toBe(true);
    expect(summary.extract).toContain('an + bn = cn');
  });
});

describe('Wikipedia REST summaries on our fixtures', () => {
  it('Paper Harbor', () => {
    expect(parseSummary('en', apiFixture('wikipedia/en/summary-Paper_Harbor.json'))).toEqual({
      lang: 'en',
      title: 'Paper Harbor',
      type: 'standard',
      extract: expect.stringContaining('based on "The Harbor That Moved", a 2019 magazine article by Mara Quill'),
      description: '2023 American drama film',
      url: 'https://en.wikipedia.org/wiki/Paper_Harbor',
      wikibaseItem: 'Q990000001',
    });
  });

  it('a disambiguation page is reported as such (never shown as a match)', () => {
    expect(parseSummary('en', apiFixture('wikipedia/en/summary-Night_Ferry.json'))).toMatchObject({ type: 'disambiguation', title: 'Night Ferry', wikibaseItem: 'Q990000025' });
  });

  it('an event summary carries coordinates; a Spanish page its language', () => {
    expect(parseSummary('en', apiFixture('wikipedia/en/summary-Saltmarsh_Pier_collapse.json')).coordinates).toEqual({ lat: 43.912345, lon: -69.123456 });
    expect(parseSummary('es', apiFixture('wikipedia/es/summary-Las_hermanas_Niebla.json'))).toMatchObject({ lang: 'es', title: 'Las hermanas Niebla', url: 'https://es.wikipedia.org/wiki/Las_hermanas_Niebla' });
  });
});

describe('the Wikipedia client: summary', () => {
  it('asks the REST endpoint with the title encoded (spaces → _)', async () => {
    const http = fixtureHttpClient();
    const client = createWikipediaClient(http);
    expect(await client.summary('en', 'Night Ferry (TV series)')).toMatchObject({ title: 'Night Ferry (TV series)', wikibaseItem: 'Q990000021' });
    expect(http.urls).toEqual(['https://en.wikipedia.org/api/rest_v1/page/summary/Night_Ferry_(TV_series)']);
    expect(summaryUrl('en', "Fermat's Last Theorem")).toBe("https://en.wikipedia.org/api/rest_v1/page/summary/Fermat's_Last_Theorem");
    expect(summaryUrl('en', 'AC/DC')).toBe('https://en.wikipedia.org/api/rest_v1/page/summary/AC%2FDC');
    expect(summaryUrl('es', 'Puerto de papel (película)')).toBe('https://es.wikipedia.org/api/rest_v1/page/summary/Puerto_de_papel_(pel%C3%ADcula)');
  });

  it('a page that does not exist (404) is null', async () => {
    const http = fixtureHttpClient();
    expect(await createWikipediaClient(http).summary('en', 'No Such Page')).toBeNull();
    expect(http.urls).toHaveLength(1);
  });

  it('other failures are passed on', async () => {
    const http = recordingHttpClient(() => ({ status: 503 }));
    await expect(createWikipediaClient(http).summary('en', 'Paper Harbor')).rejects.toMatchObject({ failure: 'unavailable', retryable: true });
  });

  it('an invalid language or title is never requested', async () => {
    const http = fixtureHttpClient();
    const client = createWikipediaClient(http);
    expect(await client.summary('evil.example/x?', 'Paper Harbor')).toBeNull();
    expect(await client.summary('en', '   ')).toBeNull();
    expect(await client.summary('en', 'A|B')).toBeNull();
    expect(await client.reviews('EN@', 'Paper Harbor')).toEqual([]);
    expect(http.urls).toEqual([]);
  });

  it('a summary with the wrong top-level shape is malformed', async () => {
    for (const bad of [[], 'x', null, { title: 'X' }, { type: 'standard' }, { type: 1, title: 'X' }]) {
      await expect(createWikipediaClient(jsonHttpClient(bad)).summary('en', 'X')).rejects.toMatchObject({ name: 'SourceError', source: 'Wikipedia', failure: 'malformed' });
    }
  });
});

describe('choosing the reception section', () => {
  const s = (index: string, line: string, level = '2') => ({ toclevel: level === '2' ? 1 : 2, level, line, number: index, index, anchor: line });

  it('prefers a specific sub-section over "Reception"', () => {
    expect(pickReceptionSection([s('1', 'Plot'), s('5', 'Reception'), s('6', 'Critical response', '3'), s('7', 'Accolades', '3')])).toEqual({ index: '6', line: 'critical response' });
  });

  it('falls back to Reception; strips tags and ignores case', () => {
    expect(pickReceptionSection([s('1', 'Plot'), s('4', '<span id="x">RECEPTION</span>')])).toEqual({ index: '4', line: 'reception' });
    expect(pickReceptionSection([s('2', 'Reception'), s('3', '<b>Critical Reception</b>', '3')])).toEqual({ index: '3', line: 'critical reception' });
    expect(pickReceptionSection([s('2', 'Recepción'), s('3', 'Recepción crítica', '3')])?.index).toBe('3');
  });

  it('none, or only unusable ones, is undefined', () => {
    expect(pickReceptionSection([s('1', 'Plot'), s('2', 'Reception history of the novel')])).toBeUndefined();
    expect(pickReceptionSection([s('T-1', 'Reception'), { line: 'Reception' }, 'x', null])).toBeUndefined();
  });
});

describe('the Wikipedia client: reviews', () => {
  it('reads the three critic quotes of Paper Harbor in two parse calls', async () => {
    const http = fixtureHttpClient();
    const reviews = await createWikipediaClient(http).reviews('en', 'Paper Harbor');
    expect(reviews).toEqual([
      {
        outlet: 'The Lamplight Courier',
        url: 'https://lamplight-courier.example/reviews/paper-harbor',
        critic: 'Imani Okafor',
        quote: 'a patient, luminous study of a town that refuses to hold still',
        published: '2023-09-16',
        citedBy: ['https://en.wikipedia.org/wiki/Paper_Harbor'],
      },
      {
        outlet: 'Northbound Film Weekly',
        url: 'https://northbound-weekly.example/paper-harbor-review',
        critic: 'Theo Brandt',
        quote: 'quietly ferocious',
        published: '2023-09-18',
        citedBy: ['https://en.wikipedia.org/wiki/Paper_Harbor'],
      },
      {
        outlet: 'The Gullwing Post',
        url: 'https://gullwing-post.example/film/paper-harbor',
        quote: 'a little too tidy for its own good',
        published: '2023-09-20',
        citedBy: ['https://en.wikipedia.org/wiki/Paper_Harbor'],
      },
    ]);
    expect(http.urls).toHaveLength(2);
    expect(http.urls.every((u) => u.startsWith('https://en.wikipedia.org/w/api.php?'))).toBe(true);
    expect(query(http.urls[0]!)).toEqual({ action: 'parse', page: 'Paper Harbor', prop: 'sections', redirects: '1', format: 'json', formatversion: '2', origin: '*' });
    expect(query(http.urls[1]!)).toEqual({ action: 'parse', page: 'Paper Harbor', section: '6', prop: 'wikitext', format: 'json', formatversion: '2', origin: '*' });
  });

  it('a general "Reception": only its own review, not Viewership, Controversy, Historical accuracy, Accolades or an interview', async () => {
    const http = fixtureHttpClient();
    const reviews = await createWikipediaClient(http).reviews('en', 'Tidewater Letters');
    expect(reviews).toEqual([
      {
        outlet: 'The Saltline Review',
        url: 'https://saltline-review.example/tidewater-letters',
        critic: 'Odile Marchetti',
        quote: 'a handsome, patient drama that trusts its silences',
        published: '2024-03-08',
        citedBy: ['https://en.wikipedia.org/wiki/Tidewater_Letters'],
      },
    ]);
    expect(query(http.urls[1]!)).toMatchObject({ page: 'Tidewater Letters', section: '4', prop: 'wikitext' });
  });

  it('no reception section: no quotes, one call', async () => {
    const http = fixtureHttpClient();
    expect(await createWikipediaClient(http).reviews('en', 'The Lantern Keepers')).toEqual([]);
    expect(http.urls).toHaveLength(1);
  });

  it('a page that does not exist (missingtitle): no quotes', async () => {
    const http = fixtureHttpClient();
    expect(await createWikipediaClient(http).reviews('en', 'No Such Page')).toEqual([]);
  });

  it('follows a redirect: the section is asked of the page the API names', async () => {
    const sections = apiFixture('wikipedia/en/sections-Paper_Harbor.json');
    const section = apiFixture('wikipedia/en/section-6-Paper_Harbor.json');
    const http = recordingHttpClient((url) => ({ status: 200, json: url.searchParams.get('prop') === 'sections' ? sections : section }));
    const reviews = await createWikipediaClient(http).reviews('en', 'Paper Harbour');
    expect(reviews).toHaveLength(3);
    expect(reviews[0]!.citedBy).toEqual(['https://en.wikipedia.org/wiki/Paper_Harbor']);
    expect(query(http.urls[0]!).page).toBe('Paper Harbour');
    expect(query(http.urls[1]!).page).toBe('Paper Harbor');
  });

  it('accepts the formatversion=1 wikitext shape too', async () => {
    const sections = apiFixture('wikipedia/en/sections-Paper_Harbor.json');
    const wikitext = (apiFixture('wikipedia/en/section-6-Paper_Harbor.json') as { parse: { wikitext: string } }).parse.wikitext;
    const http = recordingHttpClient((url) => ({ status: 200, json: url.searchParams.get('prop') === 'sections' ? sections : { parse: { title: 'Paper Harbor', wikitext: { '*': wikitext } } } }));
    expect(await createWikipediaClient(http).reviews('en', 'Paper Harbor')).toHaveLength(3);
  });

  it('wrong shapes are malformed; API errors map to failures', async () => {
    await expect(createWikipediaClient(jsonHttpClient({ parse: { sections: 'x' } })).reviews('en', 'X')).rejects.toMatchObject({ failure: 'malformed' });
    const sections = apiFixture('wikipedia/en/sections-Paper_Harbor.json');
    const badSection = recordingHttpClient((url) => ({ status: 200, json: url.searchParams.get('prop') === 'sections' ? sections : { parse: { wikitext: 42 } } }));
    await expect(createWikipediaClient(badSection).reviews('en', 'Paper Harbor')).rejects.toMatchObject({ failure: 'malformed' });
    await expect(createWikipediaClient(jsonHttpClient({ error: { code: 'ratelimited' } })).reviews('en', 'X')).rejects.toMatchObject({ failure: 'rate-limited' });
    await expect(createWikipediaClient(jsonHttpClient({ error: { code: 'maxlag' } })).reviews('en', 'X')).rejects.toBeInstanceOf(SourceError);
  });
});
