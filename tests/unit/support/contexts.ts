import type { ShowContext } from '../../../lib/model';

/** A minimal valid context for tests that need one that is not the curated Somos. entry. */
export function contextFixture(overrides: Partial<ShowContext> = {}): ShowContext {
  return {
    key: 'pack:lantern-test',
    title: 'The Lantern Test',
    year: 2020,
    kind: 'series',
    platforms: ['netflix'],
    ids: {},
    basedOn: [
      {
        kind: 'book',
        relation: 'basis',
        title: 'An Invented Book',
        authors: ['A. Writer'],
        published: '2015',
        summary: 'An invented summary. It has two sentences.',
        citedBy: ['https://example.org/book'],
      },
    ],
    events: [],
    reviews: [],
    sources: [{ name: 'Example', url: 'https://example.org/book' }],
    ...overrides,
  };
}
