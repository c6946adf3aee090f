import { describe, expect, it } from 'vitest';
import type { Sighting } from '../../../lib/model';
import { cardLookupKey, lookupKey } from '../../../lib/resolve/lookup-key';

const detail: Sighting = { site: 'netflix', surface: 'detail', siteId: '80990055', title: 'Paper Harbor', year: 2023, kind: 'film' };

describe('lookupKey', () => {
  it('keeps a card apart from a detail view of the same ID and title', () => {
    const fromDetail = lookupKey({ site: 'netflix', surface: 'detail', siteId: '80990055', title: 'Paper Harbor' });
    const fromCard = lookupKey({ site: 'netflix', surface: 'card', siteId: '80990055', title: 'Paper Harbor' });
    expect(fromCard).toBeDefined();
    expect(fromDetail).toBeDefined();
    expect(fromCard).not.toBe(fromDetail);
  });

  it('keeps a card apart from any other surface, which share one key among themselves', () => {
    const base = { site: 'netflix' as const, siteId: '80990055', title: 'Paper Harbor' };
    const others = (['detail', 'mini', 'title-page', 'watch'] as const).map((surface) => lookupKey({ ...base, surface }));
    expect(new Set(others).size).toBe(1);
    expect(others).not.toContain(lookupKey({ ...base, surface: 'card' }));
  });

  it('keys a card by its ID alone, since only the ID identifies it', () => {
    const card: Sighting = { site: 'netflix', surface: 'card', siteId: '80990017', title: 'Somos.' };
    expect(lookupKey(card)).toBe(cardLookupKey('netflix', '80990017'));
    expect(lookupKey({ ...card, title: 'We Are' })).toBe(lookupKey(card));
    expect(lookupKey({ ...card, year: 2021, kind: 'miniseries' })).toBe(lookupKey(card));
    expect(lookupKey({ ...card, siteId: '80990018' })).not.toBe(lookupKey(card));
  });

  it('has everything that decides a detail lookup in its key', () => {
    expect(lookupKey(detail)).not.toBe(lookupKey({ ...detail, year: 2024 }));
    expect(lookupKey(detail)).not.toBe(lookupKey({ ...detail, kind: 'series' }));
    expect(lookupKey(detail)).not.toBe(lookupKey({ ...detail, title: 'Paper Harbour Nights' }));
    expect(lookupKey(detail)).not.toBe(lookupKey({ ...detail, siteId: undefined }));
    expect(lookupKey(detail)).toBe(lookupKey({ ...detail, title: 'paper harbor!' }));
  });

  it('has no key for a card without an ID, even with a title, nor for a sighting with neither', () => {
    expect(lookupKey({ site: 'netflix', surface: 'card', title: 'Somos.' })).toBeUndefined();
    expect(lookupKey({ site: 'netflix', surface: 'card' })).toBeUndefined();
    expect(cardLookupKey('netflix', undefined)).toBeUndefined();
    expect(lookupKey({ site: 'netflix', surface: 'detail', title: ' … ' })).toBeUndefined();
    expect(lookupKey({ site: 'netflix', surface: 'watch', playableId: '80990101' })).toBeUndefined();
  });
});
