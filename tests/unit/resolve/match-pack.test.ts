import { describe, expect, it } from 'vitest';
import type { Sighting } from '../../../lib/model';
import { matchPack } from '../../../lib/resolve/match-pack';
import { loadPack } from '../../../lib/sources/pack';
import { contextFixture } from '../support/contexts';

const pack = loadPack();
const somos = pack.find((entry) => entry.key === 'pack:somos')!;
const seen = (overrides: Partial<Sighting>): Sighting => ({ site: 'netflix', surface: 'detail', ...overrides });

describe('matchPack', () => {
  it('matches "Somos." in a detail modal by title, year and kind', () => {
    const match = matchPack(seen({ siteId: '80990017', title: 'Somos.', year: 2021, kind: 'miniseries' }), pack);
    expect(match).toEqual({ entry: somos, via: 'title' });
  });

  it('matches "Somos" without the full stop when the year agrees', () => {
    expect(matchPack(seen({ title: 'Somos', year: 2021 }), pack).entry?.key).toBe('pack:somos');
  });

  it('accepts a year one off (Netflix sometimes shows the year it was added)', () => {
    expect(matchPack(seen({ title: 'Somos.', year: 2022 }), pack).entry?.key).toBe('pack:somos');
  });

  it('matches the player title "Somos." with an episode marker (exact title and series kind)', () => {
    expect(matchPack(seen({ surface: 'watch', title: 'Somos.', kind: 'series' }), pack).entry?.key).toBe('pack:somos');
  });

  it('refuses a different work of the same name: a 1999 film called "Somos"', () => {
    expect(matchPack(seen({ title: 'Somos', year: 1999, kind: 'film' }), pack)).toEqual({ entry: null, reason: 'weak' });
    expect(matchPack(seen({ title: 'Somos.', year: 2021, kind: 'film' }), pack).entry).toBeNull();
    expect(matchPack(seen({ title: 'Somos.', year: 2009 }), pack).entry).toBeNull();
  });

  it('refuses a bare title with nothing else to go on', () => {
    expect(matchPack(seen({ surface: 'card', title: 'Somos' }), pack)).toEqual({ entry: null, reason: 'weak' });
    expect(matchPack(seen({ surface: 'card', title: 'Somos.' }), pack)).toEqual({ entry: null, reason: 'weak' });
    expect(matchPack(seen({ title: 'Somos', kind: 'series' }), pack)).toEqual({ entry: null, reason: 'weak' });
  });

  it('says why nothing matched', () => {
    expect(matchPack(seen({ siteId: '80990042' }), pack)).toEqual({ entry: null, reason: 'no-title' });
    expect(matchPack(seen({ title: 'The Lantern Keepers', year: 2024 }), pack)).toEqual({ entry: null, reason: 'no-candidate' });
  });

  it('matches by Netflix ID when the entry lists it, whatever the title says', () => {
    const withId = contextFixture({ ids: { netflix: ['81234567'] } });
    expect(matchPack(seen({ siteId: '81234567', title: 'Localised Title' }), [withId])).toEqual({ entry: withId, via: 'site-id' });
  });

  it('shows nothing when two entries fit equally well', () => {
    const a = contextFixture({ key: 'pack:twin-a', title: 'Twin', year: 2020 });
    const b = contextFixture({ key: 'pack:twin-b', title: 'Twin', year: 2021 });
    expect(matchPack(seen({ title: 'Twin', year: 2020 }), [a, b])).toEqual({ entry: null, reason: 'ambiguous' });
    expect(matchPack(seen({ title: 'Twin', year: 2018 }), [a, b]).entry).toBeNull();
  });

  it('refuses a title seen on a site the entry does not stream on', () => {
    const elsewhere = contextFixture({ title: 'Elsewhere', platforms: [] });
    expect(matchPack(seen({ title: 'Elsewhere', year: 2020 }), [elsewhere]).entry).toBeNull();
  });
});
