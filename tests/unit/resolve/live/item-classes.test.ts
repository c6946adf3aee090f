import { describe, expect, it } from 'vitest';
import { hasCreativeWorkSignal, looksLikeEvent } from '../../../../lib/resolve/live/item-classes';
import { TV_SERIES, coords, item, ref, str, time } from './fakes';

/** Invented classes, in none of our tables: what a manga series or a period is to us. */
const MANGA_SERIES = 'Q9100001';
const HISTORICAL_PERIOD = 'Q9100002';
const UNKNOWN_CLASS = 'Q9100003';

describe('looksLikeEvent: dated, placed, and not a work', () => {
  it('never takes a manga series with a start date and an author for an event (One Piece)', () => {
    const manga = item('Q2', { en: 'One Piece', claims: { P31: [ref(MANGA_SERIES)], P580: [time('1997-07-22')], P50: [ref('Q4')] } });
    expect(looksLikeEvent(manga)).toBe(false);
    expect(hasCreativeWorkSignal(manga)).toBe(true);
  });

  it('never takes a time period for an event, even with a country (Victorian era)', () => {
    const period = item('Q2', {
      en: 'Victorian era',
      claims: { P31: [ref(HISTORICAL_PERIOD)], P580: [time('1837-06-20')], P582: [time('1901-01-22')], P17: [ref('Q145')] },
    });
    expect(looksLikeEvent(period)).toBe(false);
  });

  it('never takes a dated, placed work for an event while anything says it is a work', () => {
    const signals = ['P50', 'P57', 'P161', 'P170', 'P577', 'P123', 'P1433', 'P136', 'P407', 'P495', 'P2093', 'P953'];
    for (const property of signals) {
      const value = property === 'P577' ? time('1990') : property === 'P2093' || property === 'P953' ? str('https://example.org/x') : ref('Q7');
      const work = item('Q2', { en: 'A Saga', claims: { P31: [ref(UNKNOWN_CLASS)], P580: [time('1990')], P276: [ref('Q3')], [property]: [value] } });
      expect({ property, event: looksLikeEvent(work) }).toEqual({ property, event: false });
    }
  });

  it('takes a real massacre for an event by date and place when its class is unknown', () => {
    const atPoint = item('Q2', { en: 'A Massacre', claims: { P31: [ref(UNKNOWN_CLASS)], P585: [time('1968-10-02')], P276: [ref('Q3')] } });
    const spanning = item('Q2', { en: 'A Massacre', claims: { P580: [time('2011-03-18')], P582: [time('2011-03-20')], P276: [ref('Q3')] } });
    const inArea = item('Q2', { en: 'A Massacre', claims: { P580: [time('2011-03-18')], P131: [ref('Q3')] } });
    const atCoordinates = item('Q2', { en: 'A Massacre', claims: { P585: [time('2011')], P625: [coords(28.3, -100.8)] } });
    for (const event of [atPoint, spanning, inArea, atCoordinates]) expect(looksLikeEvent(event)).toBe(true);
  });

  it('takes an item of an event class for an event without a date or a place', () => {
    expect(looksLikeEvent(item('Q2', { en: 'A Massacre', claims: { P31: [ref('Q3199915')] } }))).toBe(true);
  });

  it('needs both a date and a specific place otherwise', () => {
    expect(looksLikeEvent(item('Q2', { en: 'Dated', claims: { P585: [time('2000')] } }))).toBe(false);
    expect(looksLikeEvent(item('Q2', { en: 'Placed', claims: { P276: [ref('Q3')] } }))).toBe(false);
    expect(looksLikeEvent(item('Q2', { en: 'In a country', claims: { P585: [time('2000')], P17: [ref('Q3')] } }))).toBe(false);
  });

  it('never takes a person or a known work for an event', () => {
    expect(looksLikeEvent(item('Q2', { en: 'A Person', claims: { P31: [ref('Q5')], P585: [time('2000')], P276: [ref('Q3')] } }))).toBe(false);
    expect(looksLikeEvent(item('Q2', { en: 'A Series', claims: { P31: [ref(TV_SERIES)], P580: [time('2005')], P276: [ref('Q3')] } }))).toBe(false);
  });
});
