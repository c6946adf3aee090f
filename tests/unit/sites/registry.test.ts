import { describe, expect, it } from 'vitest';
import { netflix } from '../../../lib/sites/netflix';
import { adapterForUrl, adapters } from '../../../lib/sites/registry';

describe('site registry', () => {
  it('lists the Netflix adapter', () => {
    expect(adapters).toStrictEqual([netflix]);
    expect(netflix.site).toBe('netflix');
  });

  it.each([
    ['https://www.netflix.com/browse', netflix],
    ['https://WWW.NETFLIX.COM/title/80990017', netflix],
    ['https://netflix.com/watch/80990101', netflix],
    ['https://www.netflix.com:443/search?q=x', netflix],
    ['https://example.com/browse', undefined],
    ['https://www.netflix.com.evil.example/browse', undefined],
    ['https://help.netflix.com/', undefined],
  ])('%s → %s', (href, expected) => {
    expect(adapterForUrl(new URL(href))).toBe(expected);
  });
});
