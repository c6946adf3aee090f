// The small text rules behind titles, years and kinds.
import { describe, expect, it } from 'vitest';
import {
  isEpisodeMarker,
  kindFromDuration,
  titleFromCardLabel,
  titleFromModalTabTitle,
  titleFromTitlePageTabTitle,
  yearFrom,
} from '../../../lib/sites/netflix/text';

describe('netflix text rules', () => {
  it.each([
    ['Limited Series', 'miniseries'],
    ['2 Seasons', 'series'],
    ['1 Season', 'series'],
    ['8 Episodes', 'series'],
    ['3 Parts', 'series'],
    ['1h 36m', 'film'],
    ['2h', 'film'],
    ['45m', 'film'],
    ['', undefined],
    ['2 Staffeln', undefined],
    ['HD', undefined],
  ])('duration %j means %s', (label, kind) => {
    expect(kindFromDuration(label)).toBe(kind);
  });

  it.each([['E3'], ['S1:E3'], ['S2 E10'], ['Ep. 3'], ['Episode 3'], ['Épisode 3'], ['Folge 3']])('%s is an episode marker', (label) => {
    expect(isEpisodeMarker(label)).toBe(true);
  });

  it.each([['Somos.'], ['Ember Valley'], ['E.T.'], ['Epic 3'], ['']])('%j is not an episode marker', (label) => {
    expect(isEpisodeMarker(label)).toBe(false);
  });

  it('normalises tab titles and rejects generic ones', () => {
    expect(titleFromModalTabTitle('Somos. - Netflix')).toBe('Somos.');
    expect(titleFromModalTabTitle('Home - Netflix')).toBeUndefined();
    expect(titleFromModalTabTitle('Netflix')).toBeUndefined();
    expect(titleFromTitlePageTabTitle('Watch The Lantern Keepers | Netflix Official Site')).toBe('The Lantern Keepers');
    expect(titleFromTitlePageTabTitle('Orchard of Stars | Netflix')).toBe('Orchard of Stars');
    expect(titleFromTitlePageTabTitle('Watchmen Redux – Netflix')).toBe('Watchmen Redux');
    expect(titleFromTitlePageTabTitle('Netflix')).toBeUndefined();
  });

  it('reads years in range only', () => {
    expect(yearFrom('2021')).toBe(2021);
    expect(yearFrom('2020-4-17')).toBe(2020);
    expect(yearFrom('1879')).toBeUndefined();
    expect(yearFrom('20210')).toBeUndefined();
    expect(yearFrom(null)).toBeUndefined();
  });

  it('cleans card labels', () => {
    expect(titleFromCardLabel('Title (Dubbed)')).toBe('Title');
    expect(titleFromCardLabel('(500) Steps')).toBe('(500) Steps');
    expect(titleFromCardLabel('\u2066Bidi\u2069')).toBe('Bidi');
    expect(titleFromCardLabel('x'.repeat(301))).toBeUndefined();
    expect(titleFromCardLabel(null)).toBeUndefined();
  });
});
