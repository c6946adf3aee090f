/** The Somos. entry carries the facts issue #2 asks for, each with its link. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PackEntrySchema } from '../../../lib/sources/pack';
import type { ShowContext } from '../../../lib/model';

const raw = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../../assets/pack/somos.json'), 'utf8')) as unknown;
const somos: ShowContext = PackEntrySchema.parse(raw);

const ARTICLE_URL = 'https://www.propublica.org/article/allende-zetas-cartel-massacre-and-the-us-dea';
const GUARDIAN_URL =
  'https://www.theguardian.com/tv-and-radio/2021/jun/30/somos-review-the-show-that-flips-the-script-on-brutal-cartel-epics';

describe('pack:somos', () => {
  it('identifies the show', () => {
    expect(somos.key).toBe('pack:somos');
    expect(somos.title).toBe('Somos.');
    expect(somos.aliases).toContain('Somos');
    expect(somos.year).toBe(2021);
    expect(somos.premiered).toBe('2021-06-30');
    expect(somos.kind).toBe('miniseries');
    expect(somos.platforms).toEqual(['netflix']);
    expect(somos.tagline).toBeTruthy();
  });

  it('ships no identifier that was not verified', () => {
    // The Netflix title ID and IMDb ID could not be confirmed on their own sites: unknown stays unknown.
    expect(somos.ids).toEqual({});
  });

  it('is based on Ginger Thompson’s 2017 ProPublica article', () => {
    const basis = somos.basedOn.filter((work) => work.relation === 'basis');
    expect(basis).toHaveLength(1);
    const article = basis[0]!;
    expect(article).toMatchObject({
      kind: 'article',
      title: 'How the U.S. Triggered a Massacre in Mexico',
      authors: ['Ginger Thompson'],
      outlet: 'ProPublica',
      copublishers: ['National Geographic'],
      published: '2017-06',
      url: ARTICLE_URL,
    });
    expect(article.aliases).toEqual(expect.arrayContaining(['Anatomía de una masacre', 'Anatomy of a Massacre']));
    expect(article.citedBy).toContain(ARTICLE_URL);
  });

  it('lists the 2018 Audible podcast as a companion work', () => {
    const podcast = somos.basedOn.find((work) => work.kind === 'podcast');
    expect(podcast).toMatchObject({
      relation: 'companion',
      title: 'The Making of a Massacre',
      published: '2018',
    });
    expect(podcast?.url).toBeUndefined(); // its own page was not verified
    expect(podcast?.citedBy).toContain('https://www.texasmonthly.com/arts-entertainment/making-massacre-podcast/');
  });

  it('describes the March 2011 massacre in Allende, Coahuila', () => {
    expect(somos.events).toHaveLength(1);
    const event = somos.events[0]!;
    expect(event.start).toBe('2011-03-18');
    expect(event.end).toBe('2011-03-20');
    expect(event.place).toMatchObject({ name: 'Allende', region: 'Coahuila', country: 'Mexico' });
    expect(event.summary).toMatch(/Zetas/);
    expect(event.summary).toMatch(/DEA/);
  });

  it('places Allende with the coordinates Spanish Wikipedia gives for the town', () => {
    const place = somos.events[0]!.place!;
    expect(place.lat).toBeCloseTo(28.347, 3);
    expect(place.lon).toBeCloseTo(-100.854, 3);
    expect(place.citedBy).toEqual(['https://es.wikipedia.org/wiki/Allende_(Coahuila)']);
  });

  it('gives the toll as a disputed range, 26 to 300, with who says what', () => {
    const figures = somos.events[0]!.figures ?? [];
    expect(figures).toHaveLength(1);
    const toll = figures[0]!;
    expect(toll.low).toBe(26);
    expect(toll.high).toBe(300);
    expect(toll.claims.length).toBeGreaterThanOrEqual(5);
    for (const claim of toll.claims) {
      expect(claim.url).toMatch(/^https:\/\//);
      expect(claim.who.length).toBeGreaterThan(0);
    }
    const figuresSaid = toll.claims.map((claim) => [claim.low, claim.high]);
    // Every row of the reference table is present.
    for (const n of [26, 28, 38, 42, 45, 60, 300]) {
      expect(figuresSaid.some(([low, high]) => low === n && high === n)).toBe(true);
    }
  });

  it('quotes the Guardian review by Jack Seale, with its link', () => {
    const guardian = somos.reviews.find((review) => review.outlet === 'The Guardian');
    expect(guardian).toMatchObject({
      critic: 'Jack Seale',
      url: GUARDIAN_URL,
      published: '2021-06-30',
      quote: 'this is a show not only about what happened, but who it happened to',
    });
    // The byline comes from PureWow's coverage, not the review page itself.
    expect(guardian?.citedBy).toEqual(['https://www.purewow.com/entertainment/somos-netflix-top-ten']);
  });

  it('links further reviews, with no critic or quote that was not verified', () => {
    const others = somos.reviews.filter((review) => review.outlet !== 'The Guardian');
    expect(others.length).toBeGreaterThanOrEqual(1);
    for (const review of others) {
      expect(review.url).toMatch(/^https:\/\//);
      expect(review.quote).toBeUndefined();
    }
    expect(somos.reviews.find((review) => review.outlet === 'Radio Times')).toMatchObject({
      url: 'https://radiotimes.com/tv/drama/somos-review-netflix',
      rating: '4/5',
    });
    expect(somos.reviews.find((review) => review.outlet === 'The Hollywood Reporter')?.critic).toBeUndefined();
    expect(somos.reviews.find((review) => review.outlet === 'Decider')?.critic).toBeUndefined();
  });

  it('names every source it cites', () => {
    for (const source of somos.sources) {
      expect(source.name).not.toMatch(/https?:/);
    }
    const urls = somos.sources.map((source) => source.url);
    expect(urls).toEqual(expect.arrayContaining([ARTICLE_URL, GUARDIAN_URL]));
  });
});
