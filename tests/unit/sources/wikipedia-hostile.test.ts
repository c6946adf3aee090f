/** Wikipedia answers as an attacker or a bug could send them. */
import { describe, expect, it } from 'vitest';
import { parseSummary } from '../../../lib/sources/wikipedia';

const base = {
  type: 'standard',
  title: 'Paper Harbor',
  content_urls: { desktop: { page: 'https://en.wikipedia.org/wiki/Paper_Harbor' } },
  extract: 'Paper Harbor is a film.',
};

describe('hostile Wikipedia summaries', () => {
  it('markup and scripts in the extract, title and description become plain text', () => {
    const summary = parseSummary('en', {
      ...base,
      title: '<i>Paper</i> Harbor<script>alert(1)</script>',
      extract: '<p onclick="alert(1)">Paper <b>Harbor</b> is a film.</p><script>document.cookie</script><style>p{}</style> &lt;img src=x onerror=alert(1)&gt;Done.',
      extract_html: '<img src=x onerror=alert(1)>',
      description: '<a href="javascript:alert(1)">2023 film</a>\u0000\u202e',
    });
    expect(summary.title).toBe('Paper Harbor');
    expect(summary.extract).toBe('Paper Harbor is a film. Done.');
    expect(summary.description).toBe('2023 film');
    expect(JSON.stringify(summary)).not.toMatch(/<|>|alert|onerror|cookie|javascript:/);
  });

  it('a javascript: or foreign page URL is replaced by the article URL built from the title', () => {
    expect(parseSummary('en', { ...base, content_urls: { desktop: { page: 'javascript:alert(1)' } } }).url).toBe('https://en.wikipedia.org/wiki/Paper_Harbor');
    expect(parseSummary('en', { ...base, content_urls: { desktop: { page: 'https://evil.example/wiki/Paper_Harbor' } } }).url).toBe('https://en.wikipedia.org/wiki/Paper_Harbor');
    expect(parseSummary('en', { ...base, content_urls: 'nope' }).url).toBe('https://en.wikipedia.org/wiki/Paper_Harbor');
    expect(parseSummary('es', { ...base, title: 'Puerto de papel', content_urls: undefined }).url).toBe('https://es.wikipedia.org/wiki/Puerto_de_papel');
  });

  it('an enormous extract is capped at 2,000 characters', () => {
    const summary = parseSummary('en', { ...base, extract: 'word '.repeat(300_000), title: 'T'.repeat(1_000_000) });
    expect(summary.extract.length).toBeLessThanOrEqual(2000);
    expect(summary.extract.endsWith('…')).toBe(true);
    expect(summary.title.length).toBeLessThanOrEqual(300);
  });

  it('wrong types in optional fields are dropped, not fatal', () => {
    const summary = parseSummary('en', {
      ...base,
      extract: 42,
      description: ['x'],
      wikibase_item: 'Q1 <script>',
      coordinates: { lat: 'north', lon: 2 },
    });
    expect(summary).toEqual({ lang: 'en', title: 'Paper Harbor', type: 'standard', extract: '', url: 'https://en.wikipedia.org/wiki/Paper_Harbor' });
    expect(parseSummary('en', { ...base, coordinates: { lat: 91, lon: 0 } }).coordinates).toBeUndefined();
  });

  it('an unknown page type is not usable', () => {
    expect(parseSummary('en', { ...base, type: '<b>standard</b>' }).type).toBe('no-extract');
  });

  it('a title that is only markup is malformed', () => {
    expect(() => parseSummary('en', { ...base, title: '<script></script>' })).toThrow(expect.objectContaining({ failure: 'malformed' }));
  });
});
