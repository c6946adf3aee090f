import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getMessage } from '../../../lib/content/badges/badge-text';

describe('badge texts', () => {
  it('ask the browser once per text and values, however many badges show them', () => {
    const ask = vi.spyOn(fakeBrowser.i18n, 'getMessage');
    expect(getMessage('badge_label', 'Somos.')).toBe(getMessage('badge_label', 'Somos.'));
    expect(getMessage('badge_label', 'Paper Harbor')).not.toBe(getMessage('badge_label', 'Somos.'));
    expect(getMessage('badge')).toBe('Real story');
    getMessage('badge');
    expect(ask.mock.calls).toEqual([
      ['badge_label', ['Somos.']],
      ['badge_label', ['Paper Harbor']],
      ['badge', []],
    ]);
  });
});
