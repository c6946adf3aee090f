import { describe, expect, it } from 'vitest';
import type { Sighting } from '../../../../lib/model';
import { netflixIdOfUrl, pickTvmazeShow } from '../../../../lib/resolve/live/pick-tvmaze-show';
import { NETFLIX_CHANNEL, tvmazeShow } from './fakes';

const seen = (overrides: Partial<Sighting>): Sighting => ({ site: 'netflix', surface: 'detail', ...overrides });
const results = (...shows: ReturnType<typeof tvmazeShow>[]) => shows.map((show) => ({ score: 1, show }));

describe('netflixIdOfUrl', () => {
  it('reads the title ID from Netflix title URLs, with or without a locale', () => {
    expect(netflixIdOfUrl('https://www.netflix.com/title/80987903')).toBe('80987903');
    expect(netflixIdOfUrl('https://www.netflix.com/gb/title/80987903/')).toBe('80987903');
    expect(netflixIdOfUrl('https://www.netflix.com/es-en/title/80987903?s=a')).toBe('80987903');
    expect(netflixIdOfUrl('http://netflix.com/title/80987903')).toBe('80987903');
  });

  it('ignores other hosts and other paths', () => {
    expect(netflixIdOfUrl('https://www.netflix.com.evil.example/title/80987903')).toBeUndefined();
    expect(netflixIdOfUrl('https://notnetflix.com/title/80987903')).toBeUndefined();
    expect(netflixIdOfUrl('https://www.netflix.com/watch/80987903')).toBeUndefined();
    expect(netflixIdOfUrl('https://www.somos-serie.com')).toBeUndefined();
    expect(netflixIdOfUrl('not a url')).toBeUndefined();
    expect(netflixIdOfUrl(undefined)).toBeUndefined();
  });
});

describe('pickTvmazeShow', () => {
  const somos = tvmazeShow(50001, 'Somos', { premiered: '2021-06-30', webChannel: NETFLIX_CHANNEL, officialSite: 'https://www.netflix.com/title/81000001' });
  const telenovela = tvmazeShow(60002, 'Somos', { premiered: '2006-01-01', network: { id: 9, name: 'Canal 13' } });

  it('lets an official site naming this Netflix title win outright, whatever its name', () => {
    const renamed = { ...somos, name: 'We Are' };
    expect(pickTvmazeShow(results(telenovela, renamed), seen({ siteId: '81000001', title: 'Somos.' }))).toEqual({ show: renamed, via: 'official-site' });
  });

  it('keeps only Netflix shows of the same name within a year of the page', () => {
    expect(pickTvmazeShow(results(telenovela, somos), seen({ title: 'Somos.', year: 2021 }))).toEqual({ show: somos, via: 'name' });
    expect(pickTvmazeShow(results(somos), seen({ title: 'Somos.', year: 2018 }))).toEqual({ show: null, reason: 'no-candidate' });
    expect(pickTvmazeShow(results(telenovela), seen({ title: 'Somos', year: 2006 }))).toEqual({ show: null, reason: 'no-candidate' });
    expect(pickTvmazeShow(results(somos), seen({ title: 'Somos nosotros', year: 2021 }))).toEqual({ show: null, reason: 'no-candidate' });
  });

  it('never goes by name alone when the page gives no year', () => {
    expect(pickTvmazeShow(results(somos), seen({ title: 'Somos' }))).toEqual({ show: null, reason: 'no-year' });
    // The reviewer's reproduction: a film page "Dark" with neither year nor kind, and the series on TVmaze.
    const dark = tvmazeShow(17861, 'Dark', { premiered: '2017-12-01', webChannel: NETFLIX_CHANNEL, externals: { imdb: 'tt5753856' } });
    expect(pickTvmazeShow(results(dark), seen({ siteId: '80990099', title: 'Dark' }))).toEqual({ show: null, reason: 'no-year' });
  });

  it('needs a premiere within a year of the page to go by name', () => {
    const undated = { ...somos, premiered: undefined };
    expect(pickTvmazeShow(results(undated), seen({ title: 'Somos', year: 2021 }))).toEqual({ show: null, reason: 'no-candidate' });
    expect(pickTvmazeShow(results(somos), seen({ title: 'Somos', year: 2022 }))).toEqual({ show: somos, via: 'name' });
  });

  it('takes the official site without a year', () => {
    expect(pickTvmazeShow(results(telenovela, somos), seen({ siteId: '81000001', title: 'Somos' }))).toEqual({ show: somos, via: 'official-site' });
  });

  it('drops a show whose official site is another Netflix title', () => {
    expect(pickTvmazeShow(results(somos), seen({ siteId: '81999999', title: 'Somos', year: 2021 }))).toEqual({ show: null, reason: 'no-candidate' });
  });

  it('refuses two Netflix shows of the same name', () => {
    const twin = tvmazeShow(50002, 'Somos', { premiered: '2021-01-01', webChannel: NETFLIX_CHANNEL });
    expect(pickTvmazeShow(results(somos, twin), seen({ title: 'Somos', year: 2021 }))).toEqual({ show: null, reason: 'ambiguous' });
  });
});
