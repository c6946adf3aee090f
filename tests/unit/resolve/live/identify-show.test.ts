import { describe, expect, it } from 'vitest';
import type { Sighting } from '../../../../lib/model';
import { identifyShow } from '../../../../lib/resolve/live/identify-show';
import { SourceError } from '../../../../lib/sources/types';
import { DISAMBIGUATION, FILM, FakeSources, MINISERIES, NETFLIX, NETFLIX_CHANNEL, TV_SERIES, item, offline, ref, str, time, timedOut, tvmazeShow, unreadable } from './fakes';

const seen = (overrides: Partial<Sighting>): Sighting => ({ site: 'netflix', surface: 'detail', ...overrides });

const somos = item('Q1', {
  en: 'Somos.',
  enwiki: 'Somos (TV series)',
  claims: { P31: [ref(MINISERIES)], P1874: [str('81000001')], P345: [str('tt0000001')], P8600: [str('50001')], P577: [time('2021-06-30')] },
});

describe('identifyShow: IDs first', () => {
  it('takes the one item carrying the Netflix ID, without any title search', async () => {
    const sources = new FakeSources({ entities: [somos] });
    expect(await identifyShow(seen({ siteId: '81000001', title: 'Somos.' }), sources)).toEqual({ qid: 'Q1', via: 'netflix-id' });
    expect(sources.requests.map((r) => r.method)).toEqual(['findByNetflixId']);
  });

  it('scores several items carrying the same Netflix ID instead of picking one', async () => {
    const season = item('Q2', { en: 'Somos. season 1', claims: { P31: [ref('Q3464665')], P1874: [str('81000001')] } });
    const sources = new FakeSources({ entities: [somos, season] });
    const found = await identifyShow(seen({ siteId: '81000001', title: 'Somos.', year: 2021 }), sources);
    expect(found).toMatchObject({ qid: 'Q1', via: 'netflix-id', entity: somos });
    expect(sources.count('searchTitle')).toBe(0);
  });

  it('bridges through the TVmaze show whose official site is this Netflix title, by IMDb ID', async () => {
    const withoutNetflixId = { ...somos, claims: { ...somos.claims, P1874: [] } };
    const tvmaze = tvmazeShow(50001, 'We Are', { officialSite: 'https://www.netflix.com/title/81000001', externals: { imdb: 'tt0000001' } });
    const sources = new FakeSources({ entities: [withoutNetflixId], tvmaze: { 'Somos.': [tvmaze] } });
    expect(await identifyShow(seen({ siteId: '81000001', title: 'Somos.' }), sources)).toEqual({ qid: 'Q1', via: 'tvmaze-imdb', tvmaze });
    expect(sources.requests.map((r) => r.method)).toEqual(['findByNetflixId', 'searchShows', 'findByImdbId']);
  });

  it('bridges by the TVmaze ID (P8600) when TVmaze has no IMDb ID', async () => {
    const tvmaze = tvmazeShow(50001, 'Somos', { premiered: '2021-06-30', webChannel: NETFLIX_CHANNEL });
    const sources = new FakeSources({ entities: [somos], tvmaze: { Somos: [tvmaze] } });
    expect(await identifyShow(seen({ title: 'Somos', year: 2021 }), sources)).toEqual({ qid: 'Q1', via: 'tvmaze-id', tvmaze });
    expect(sources.count('findByImdbId')).toBe(0);
    expect(sources.count('searchTitle')).toBe(0);
  });

  it('identifies a card by its Netflix ID only: one request, no title search, no TVmaze', async () => {
    const sources = new FakeSources({ entities: [somos], tvmaze: { 'Somos.': [tvmazeShow(50001, 'Somos.', { officialSite: 'https://www.netflix.com/title/81000009' })] } });
    expect(await identifyShow(seen({ surface: 'card', siteId: '81000001', title: 'Somos.' }), sources)).toEqual({ qid: 'Q1', via: 'netflix-id' });
    expect(await identifyShow(seen({ surface: 'card', siteId: '81000009', title: 'Somos.' }), sources)).toEqual({ qid: null, reason: 'no-candidate' });
    expect(sources.requests.map((r) => r.method)).toEqual(['findByNetflixId', 'findByNetflixId']);
  });

  it('does not ask TVmaze about a film', async () => {
    const sources = new FakeSources({ entities: [] });
    await identifyShow(seen({ title: 'The Hollow', kind: 'film' }), sources);
    expect(sources.count('searchShows')).toBe(0);
  });

  it('says there is nothing to go on without an ID hit or a title', async () => {
    const sources = new FakeSources({ entities: [] });
    expect(await identifyShow(seen({ siteId: '81000009' }), sources)).toEqual({ qid: null, reason: 'no-title' });
    expect(await identifyShow(seen({ title: ' … ' }), sources)).toEqual({ qid: null, reason: 'no-title' });
  });
});

describe('identifyShow: search and scoring', () => {
  const show = item('Q10', {
    en: 'Somos.',
    enwiki: 'Somos (TV series)',
    claims: { P31: [ref(MINISERIES)], P449: [ref(NETFLIX)], P577: [time('2021-06-30')] },
  });
  const disambiguation = item('Q11', { en: 'Somos', enwiki: 'Somos', claims: { P31: [ref(DISAMBIGUATION)] } });
  const song = item('Q12', { en: 'Somos', claims: { P31: [ref('Q7366')], P577: [time('2021')] } });
  const film1999 = item('Q13', { en: 'Somos', enwiki: 'Somos (1999 film)', claims: { P31: [ref(FILM)], P577: [time('1999')] } });

  it('searches Netflix items first, and stops there when no other item could rival the winner', async () => {
    const sources = new FakeSources({ entities: [show, disambiguation, song, film1999], search: { 'Somos.': ['Q11', 'Q12', 'Q10', 'Q13'] } });
    const found = await identifyShow(seen({ title: 'Somos.', year: 2021, kind: 'series' }), sources);
    expect(found).toMatchObject({ qid: 'Q10', via: 'search', entity: show });
    expect(sources.requests.map((r) => r.method)).toEqual(['searchShows', 'searchTitle:netflix', 'getEntities']);
  });

  it('searches all items too when the Netflix winner is narrow, and scores them together', async () => {
    // 9 points: Netflix, title, year, kind, but no English article. A same-name item without
    // Netflix could reach 7, so the unfiltered search must look for one.
    const narrow = item('Q10', { en: 'Somos.', claims: { P31: [ref(MINISERIES)], P449: [ref(NETFLIX)], P577: [time('2021-06-30')] } });
    const alone = new FakeSources({ entities: [narrow, song, film1999], search: { 'Somos.': ['Q12', 'Q10', 'Q13'] } });
    expect(await identifyShow(seen({ title: 'Somos.', year: 2021, kind: 'series' }), alone)).toMatchObject({ qid: 'Q10' });
    expect(alone.requests.map((r) => r.method)).toEqual(['searchShows', 'searchTitle:netflix', 'getEntities', 'searchTitle', 'getEntities']);

    const telenovela = item('Q14', { en: 'Somos', enwiki: 'Somos (telenovela)', claims: { P31: [ref(TV_SERIES)], P580: [time('2021-01-10')] } });
    const rivalled = new FakeSources({ entities: [narrow, telenovela], search: { 'Somos.': ['Q14', 'Q10'] } });
    expect(await identifyShow(seen({ title: 'Somos.', year: 2021, kind: 'series' }), rivalled)).toEqual({ qid: null, reason: 'ambiguous' });
  });

  it('never accepts an item without Netflix or an ID behind it, however well it matches', async () => {
    const noNetflix = item('Q10', { en: 'Somos.', enwiki: 'Somos (TV series)', claims: { P31: [ref(MINISERIES)], P577: [time('2021-06-30')] } });
    const sources = new FakeSources({ entities: [noNetflix], search: { 'Somos.': ['Q10'] } });
    expect(await identifyShow(seen({ title: 'Somos.', year: 2021, kind: 'series' }), sources)).toEqual({ qid: null, reason: 'weak' });
  });

  it('never lets a disambiguation page win, nor count as a rival', async () => {
    const bare = item('Q10', { en: 'Somos', claims: { P449: [ref(NETFLIX)], P577: [time('2021')] } });
    const page = item('Q11', { en: 'Somos', enwiki: 'Somos', claims: { P31: [ref(DISAMBIGUATION)], P449: [ref(NETFLIX)], P577: [time('2021')] } });
    const sources = new FakeSources({ entities: [bare, page], search: { Somos: ['Q11', 'Q10'] } });
    expect(await identifyShow(seen({ title: 'Somos', year: 2021 }), sources)).toMatchObject({ qid: 'Q10' });
    const onlyPage = new FakeSources({ entities: [page], search: { Somos: ['Q11'] } });
    expect(await identifyShow(seen({ title: 'Somos', year: 2021 }), onlyPage)).toEqual({ qid: null, reason: 'no-candidate' });
  });

  it('shows nothing for two equally good items', async () => {
    const a = item('Q20', { en: 'Twin', claims: { P31: [ref(TV_SERIES)], P449: [ref(NETFLIX)], P580: [time('2020')] } });
    const b = item('Q21', { en: 'Twin', claims: { P31: [ref(TV_SERIES)], P750: [ref(NETFLIX)], P580: [time('2020')] } });
    const sources = new FakeSources({ entities: [a, b], search: { Twin: ['Q20', 'Q21'] } });
    expect(await identifyShow(seen({ title: 'Twin', year: 2020, kind: 'series' }), sources)).toEqual({ qid: null, reason: 'ambiguous' });
  });

  it('says weak when only a same-name work from another decade is found', async () => {
    const sources = new FakeSources({ entities: [film1999], search: { Somos: ['Q13'] } });
    expect(await identifyShow(seen({ title: 'Somos', year: 2021, kind: 'series' }), sources)).toEqual({ qid: null, reason: 'weak' });
  });

  it('says no-candidate when search finds nothing', async () => {
    const sources = new FakeSources({ entities: [] });
    expect(await identifyShow(seen({ title: 'Nothing Like It', year: 2021 }), sources)).toEqual({ qid: null, reason: 'no-candidate' });
    expect(sources.count('getEntities')).toBe(0);
  });

  it('scores the items a TVmaze bridge found when it found more than one, cross-checking their IDs', async () => {
    const tvmaze = tvmazeShow(50001, 'Somos', { premiered: '2021-06-30', webChannel: NETFLIX_CHANNEL, externals: { imdb: 'tt0000001' } });
    const right = item('Q30', { en: 'Somos.', claims: { P31: [ref(MINISERIES)], P345: [str('tt0000001')], P577: [time('2021')] } });
    const duplicate = item('Q31', { en: 'Somos', claims: { P345: [str('tt0000001')], P8600: [str('77777')] } });
    const sources = new FakeSources({ entities: [right, duplicate], tvmaze: { Somos: [tvmaze] } });
    const found = await identifyShow(seen({ title: 'Somos', year: 2021, kind: 'series' }), sources);
    expect(found).toMatchObject({ qid: 'Q30', via: 'search', tvmaze });
  });

  it('lets errors that are not a source failing reach the caller', async () => {
    const sources = new FakeSources({ entities: [], fail: (r) => (r.method === 'searchShows' ? new Error('TVmaze down') : undefined) });
    await expect(identifyShow(seen({ title: 'Somos', year: 2021 }), sources)).rejects.toThrow('TVmaze down');
  });
});

describe('identifyShow: the TVmaze name bridge needs a year or the official site', () => {
  const darkSeries = item('Q40', {
    en: 'Dark',
    enwiki: 'Dark (TV series)',
    claims: { P31: [ref(TV_SERIES)], P345: [str('tt5753856')], P8600: [str('17861')], P449: [ref(NETFLIX)], P580: [time('2017-12-01')] },
  });
  const darkOnTvmaze = tvmazeShow(17861, 'Dark', { premiered: '2017-12-01', webChannel: NETFLIX_CHANNEL, externals: { imdb: 'tt5753856' } });

  it('never bridges a film page "Dark" without year or kind to the series "Dark" (reviewer reproduction)', async () => {
    const sources = new FakeSources({ entities: [darkSeries], tvmaze: { Dark: [darkOnTvmaze] }, search: { Dark: ['Q40'] } });
    expect(await identifyShow(seen({ siteId: '80990099', title: 'Dark' }), sources)).toEqual({ qid: null, reason: 'weak' });
    expect(sources.count('findByImdbId')).toBe(0);
    expect(sources.count('findByTvmazeId')).toBe(0);
  });

  it('does not even ask TVmaze when neither a year nor a Netflix ID could confirm its answer', async () => {
    const sources = new FakeSources({ entities: [darkSeries], tvmaze: { Dark: [darkOnTvmaze] }, search: { Dark: ['Q40'] } });
    expect(await identifyShow(seen({ title: 'Dark' }), sources)).toEqual({ qid: null, reason: 'weak' });
    expect(sources.count('searchShows')).toBe(0);
  });

  it('bridges by name when the page gives the year', async () => {
    const sources = new FakeSources({ entities: [darkSeries], tvmaze: { Dark: [darkOnTvmaze] } });
    expect(await identifyShow(seen({ title: 'Dark', year: 2017 }), sources)).toEqual({ qid: 'Q40', via: 'tvmaze-imdb', tvmaze: darkOnTvmaze });
  });
});

describe('identifyShow: TVmaze failing', () => {
  const show = item('Q10', {
    en: 'Somos.',
    enwiki: 'Somos (TV series)',
    claims: { P31: [ref(MINISERIES)], P449: [ref(NETFLIX)], P577: [time('2021-06-30')] },
  });

  it('goes on with the Wikidata search, and keeps what it identifies', async () => {
    for (const error of [offline('TVmaze'), timedOut('TVmaze'), unreadable('TVmaze')]) {
      const sources = new FakeSources({ entities: [show], search: { 'Somos.': ['Q10'] }, fail: (r) => (r.method === 'searchShows' ? error : undefined) });
      expect(await identifyShow(seen({ title: 'Somos.', year: 2021, kind: 'series' }), sources)).toMatchObject({ qid: 'Q10', via: 'search' });
    }
  });

  it('rethrows the TVmaze failure when the search identifies nothing, rather than saying there is nothing', async () => {
    const error = timedOut('TVmaze');
    const nothing = new FakeSources({ entities: [], fail: (r) => (r.method === 'searchShows' ? error : undefined) });
    await expect(identifyShow(seen({ title: 'Somos.', year: 2021 }), nothing)).rejects.toBe(error);
    const weak = new FakeSources({ entities: [show], search: { 'Somos.': ['Q10'] }, fail: (r) => (r.method === 'searchShows' ? error : undefined) });
    await expect(identifyShow(seen({ title: 'Somos.', year: 2019 }), weak)).rejects.toBeInstanceOf(SourceError);
  });
});
