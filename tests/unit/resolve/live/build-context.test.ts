import { describe, expect, it } from 'vitest';
import { ShowContextSchema, type ShowContext } from '../../../../lib/model';
import { buildContext, type ContextExtras } from '../../../../lib/resolve/live/build-context';
import { countSentences, packRuleIssues } from '../../../../lib/sources/pack';
import type { WikidataEntity, WikidataValue, WikipediaSummary } from '../../../../lib/sources/types';
import { DOCUMENTARY_FILM, MINISERIES, NETFLIX, NETFLIX_CHANNEL, TV_SERIES, coords, item, ref, str, time, tvmazeShow, wikipediaUrl } from './fakes';
import * as w from './story-world';

const related = new Map<string, WikidataEntity>(w.world.entities!.filter((e) => e.id !== w.SHOW).map((e) => [e.id, e]));

function summary(qid: string, title: string, extract: string, overrides: Partial<WikipediaSummary> = {}): [string, WikipediaSummary] {
  return [qid, { lang: 'en', title, type: 'standard', extract, url: wikipediaUrl('en', title), wikibaseItem: qid, ...overrides }];
}

const summaries = new Map([
  summary(w.ARTICLE, 'How the U.S. Triggered a Massacre in Mexico', w.world.extracts!['How the U.S. Triggered a Massacre in Mexico']!),
  summary(w.MASSACRE, 'Allende massacre', w.world.extracts!['Allende massacre']!),
]);

/** An event class (seen): events in these tests have a class or a place, as real ones do. */
const NATURAL_DISASTER = 'Q8065';

const extras = (overrides: Partial<ContextExtras> = {}): ContextExtras => ({
  summaries,
  reviews: [],
  retrieved: '2026-05-01',
  ...overrides,
});

/** The curated pack's citation rules (every cited URL listed once, with a human name). */
function citationIssues(context: ShowContext) {
  return packRuleIssues(context).filter((issue) => /source/i.test(issue.message));
}

describe('buildContext: a full story', () => {
  const context = buildContext(w.show, related, extras({ reviews: w.world.reviews!['Somos (TV series)']!.map((r) => ({ ...r, citedBy: [wikipediaUrl('en', 'Somos (TV series)')] })) }))!;

  it('passes the model schema and the pack citation invariant', () => {
    expect(ShowContextSchema.safeParse(context).success).toBe(true);
    expect(citationIssues(context)).toEqual([]);
  });

  it('describes the show from its item', () => {
    expect(context).toMatchObject({
      key: `wd:${w.SHOW}`,
      title: 'Somos.',
      year: 2021,
      premiered: '2021-06-30',
      kind: 'miniseries',
      platforms: ['netflix'],
      ids: { wikidata: w.SHOW, netflix: [w.NETFLIX_ID], imdb: 'tt0000001', tvmaze: 50001 },
      tagline: '2021 Mexican drama miniseries',
    });
    // The Spanish label is the same title: no original title.
    expect(context.originalTitle).toBeUndefined();
  });

  it('reads the work: kind, authors, outlet, date as precise as Wikidata, link, a short summary', () => {
    expect(context.basedOn).toHaveLength(1);
    const work = context.basedOn[0]!;
    expect(work).toMatchObject({
      kind: 'article',
      relation: 'basis',
      title: 'How the U.S. Triggered a Massacre in Mexico',
      authors: ['Ginger Thompson', 'A. Co-Writer'],
      outlet: 'ProPublica',
      published: '2017',
      url: w.ARTICLE_URL,
    });
    // HTML and entities from the extract end up as text; at most three sentences.
    expect(work.summary).toBe(
      'How the U.S. Triggered a Massacre in Mexico is a 2017 investigation by Ginger Thompson. It was co-published by ProPublica & National Geographic. It traces the killings to a leak.',
    );
    expect(countSentences(work.summary!)).toBe(3);
    expect(work.citedBy).toEqual([
      `https://www.wikidata.org/wiki/${w.SHOW}`,
      `https://www.wikidata.org/wiki/${w.ARTICLE}`,
      wikipediaUrl('en', 'How the U.S. Triggered a Massacre in Mexico'),
    ]);
  });

  it('reads the event once, though both the show and the article name it, with its place', () => {
    expect(context.events).toHaveLength(1);
    expect(context.events[0]).toEqual({
      name: 'Allende massacre',
      start: '2011-03-18',
      end: '2011-03-20',
      place: {
        name: 'Allende',
        region: 'Coahuila',
        country: 'Mexico',
        lat: 28.3472,
        lon: -100.8542,
        citedBy: [
          `https://www.wikidata.org/wiki/${w.MASSACRE}`,
          `https://www.wikidata.org/wiki/${w.TOWN}`,
          `https://www.wikidata.org/wiki/${w.STATE}`,
          `https://www.wikidata.org/wiki/${w.COUNTRY}`,
        ],
      },
      summary: 'The Allende massacre was a series of killings in Allende, Coahuila, in March 2011. Gunmen of Los Zetas overran the town.',
      url: wikipediaUrl('en', 'Allende massacre'),
      citedBy: [
        `https://www.wikidata.org/wiki/${w.SHOW}`,
        `https://www.wikidata.org/wiki/${w.ARTICLE}`,
        `https://www.wikidata.org/wiki/${w.MASSACRE}`,
        wikipediaUrl('en', 'Allende massacre'),
      ],
    });
  });

  it('names every source, with the licence on Wikipedia text', () => {
    const byUrl = new Map(context.sources.map((s) => [s.url, s]));
    expect(byUrl.get(`https://www.wikidata.org/wiki/${w.SHOW}`)).toEqual({ name: 'Wikidata: Somos.', url: `https://www.wikidata.org/wiki/${w.SHOW}`, retrieved: '2026-05-01' });
    expect(byUrl.get(wikipediaUrl('en', 'Allende massacre'))).toMatchObject({ name: 'Wikipedia: Allende massacre', license: 'CC BY-SA 4.0' });
    expect(byUrl.get(w.ARTICLE_URL)?.name).toBe('ProPublica: How the U.S. Triggered a Massacre in Mexico');
    expect(byUrl.get(w.REVIEW_URL)?.name).toBe('The Guardian');
    expect(byUrl.get('https://www.rottentomatoes.com/tv/somos')?.name).toBe('Rotten Tomatoes');
    for (const source of context.sources) {
      if (source.url.includes('wikipedia.org') && source.name !== 'Wikipedia: Somos (TV series)') expect(source.license).toBe('CC BY-SA 4.0');
    }
  });

  it('keeps the reviews as given, citing the article they were found in', () => {
    expect(context.reviews).toEqual([
      {
        outlet: 'The Guardian',
        url: w.REVIEW_URL,
        critic: 'Jack Seale',
        quote: 'this is a show not only about what happened, but who it happened to',
        published: '2021-06-30',
        citedBy: [wikipediaUrl('en', 'Somos (TV series)')],
      },
    ]);
  });

  it('takes the latest Rotten Tomatoes score with its aggregator, and drops a score nobody gave', () => {
    expect(context.scores).toEqual([{ by: 'Rotten Tomatoes Tomatometer', value: '91%', url: 'https://www.rottentomatoes.com/tv/somos' }]);
  });
});

describe('buildContext: unknown stays unknown', () => {
  it('returns null for a show with nothing it is based on and no event', () => {
    const plain = item('Q1', { en: 'Just a Show', claims: { P31: [ref(TV_SERIES)], P449: [ref(NETFLIX)] } });
    expect(buildContext(plain, new Map(), extras())).toBeNull();
  });

  it('returns null when the only subject is not an event (a person, a topic)', () => {
    const person = item('Q2', { en: 'A Person', claims: { P31: [ref('Q5')], P569: [time('1950')] } });
    const topic = item('Q3', { en: 'Drug trafficking' });
    const biopic = item('Q1', { en: 'Biopic', claims: { P31: [ref(TV_SERIES)], P921: [ref('Q2'), ref('Q3')], P144: [ref('Q2')] } });
    expect(buildContext(biopic, new Map([['Q2', person], ['Q3', topic]]), extras())).toBeNull();
  });

  it('never reads a dated work (another series) as an event', () => {
    const otherSeries = item('Q2', { en: 'The Original Series', claims: { P31: [ref(TV_SERIES)], P580: [time('2005')] } });
    const show = item('Q1', { en: 'Talk About It', claims: { P31: [ref(TV_SERIES)], P921: [ref('Q2')] } });
    expect(buildContext(show, new Map([['Q2', otherSeries]]), extras())).toBeNull();
  });

  it('skips a based-on work without any label, and one whose item was not fetched', () => {
    const unlabelled = item('Q2', { claims: { P31: [ref('Q571')] } });
    const show = item('Q1', { en: 'S', claims: { P31: [ref(TV_SERIES)], P144: [ref('Q2'), ref('Q9')] } });
    expect(buildContext(show, new Map([['Q2', unlabelled]]), extras())).toBeNull();
  });

  it('keeps a year-only publication date as a year, and leaves out what Wikidata lacks', () => {
    const book = item('Q2', { en: 'The Book', claims: { P31: [ref('Q8261')], P577: [time('2017')] } });
    const show = item('Q1', { en: 'Bookish', claims: { P31: [ref(TV_SERIES)], P144: [ref('Q2')] } });
    const context = buildContext(show, new Map([['Q2', book]]), extras({ summaries: new Map() }))!;
    expect(context.basedOn).toEqual([
      { kind: 'book', relation: 'basis', title: 'The Book', authors: [], published: '2017', citedBy: ['https://www.wikidata.org/wiki/Q1', 'https://www.wikidata.org/wiki/Q2'] },
    ]);
    expect(context).not.toHaveProperty('year');
    expect(context).not.toHaveProperty('tagline');
    expect(context).not.toHaveProperty('platforms');
    expect(context).not.toHaveProperty('scores');
    expect(ShowContextSchema.safeParse(context).success).toBe(true);
  });

  it('classifies works it does not recognise as "other" and a documentary as "documentary"', () => {
    const documentary = item('Q2', { en: 'The Documentary', claims: { P31: [ref(DOCUMENTARY_FILM)] } });
    // Its class is in none of our tables, but it has an author: a work.
    const thing = item('Q3', { en: 'A Thing', claims: { P31: [ref('Q123456789')], P2093: [str('Some Author')] } });
    const show = item('Q1', { en: 'S', claims: { P31: [ref(TV_SERIES)], P144: [ref('Q2')], P941: [ref('Q3')] } });
    const context = buildContext(show, new Map([['Q2', documentary], ['Q3', thing]]), extras())!;
    expect(context.basedOn.map((work) => [work.title, work.kind, work.relation])).toEqual([
      ['The Documentary', 'documentary', 'basis'],
      ['A Thing', 'other', 'inspiration'],
    ]);
  });

  it('reads an event that the show is "inspired by" as an event, not a work', () => {
    const event = item('Q2', { en: 'The Flood', claims: { P31: [ref(NATURAL_DISASTER)], P585: [time('1953-02-01')] } });
    const show = item('Q1', { en: 'S', claims: { P31: [ref(TV_SERIES)], P941: [ref('Q2')] } });
    const context = buildContext(show, new Map([['Q2', event]]), extras())!;
    expect(context.basedOn).toEqual([]);
    expect(context.events).toEqual([{ name: 'The Flood', start: '1953-02-01', citedBy: ['https://www.wikidata.org/wiki/Q1', 'https://www.wikidata.org/wiki/Q2'] }]);
  });

  it('has no kind to give when P31 is unknown and the page said nothing', () => {
    const event = item('Q2', { en: 'The Flood', claims: { P31: [ref(NATURAL_DISASTER)], P585: [time('1953')] } });
    const show = item('Q1', { en: 'S', claims: { P31: [ref('Q123456789')], P921: [ref('Q2')] } });
    const map = new Map([['Q2', event]]);
    expect(buildContext(show, map, extras())).toBeNull();
    expect(buildContext(show, map, extras({ seenAs: 'series' }))?.kind).toBe('series');
  });
});

describe('buildContext: titles, taglines and summaries', () => {
  const event = item('Q2', { en: 'The Flood', enwiki: 'The Flood', claims: { P31: [ref(NATURAL_DISASTER)], P585: [time('1953')] } });
  const map = new Map([['Q2', event]]);

  it('uses the Spanish label when there is no English one, and P1476 or a different es label as the original title', () => {
    const spanishOnly = item('Q1', { es: 'La casa de las flores', claims: { P31: [ref(TV_SERIES)], P921: [ref('Q2')] } });
    const context = buildContext(spanishOnly, map, extras())!;
    expect(context.title).toBe('La casa de las flores');
    expect(context.originalTitle).toBeUndefined();
    expect(context.sources[0]?.name).toBe('Wikidata: La casa de las flores');

    const translated = item('Q1', { en: 'The House of Flowers', es: 'La casa de las flores', claims: { P31: [ref(TV_SERIES)], P921: [ref('Q2')] } });
    expect(buildContext(translated, map, extras())?.originalTitle).toBe('La casa de las flores');

    const withTitle = item('Q1', { en: 'Money Heist', es: 'La casa de papel', claims: { P31: [ref(TV_SERIES)], P921: [ref('Q2')], P1476: [str('La casa de papel', 'es')] } });
    expect(buildContext(withTitle, map, extras())?.originalTitle).toBe('La casa de papel');
  });

  it('caps the description tagline at 200 characters', () => {
    const wordy = item('Q1', { en: 'S', description: 'word '.repeat(60).trim(), claims: { P31: [ref(TV_SERIES)], P921: [ref('Q2')] } });
    const tagline = buildContext(wordy, map, extras())!.tagline!;
    expect(tagline.length).toBeLessThanOrEqual(200);
    expect(tagline.endsWith('…')).toBe(true);
  });

  it('falls back to the first sentence of the show summary for the tagline, licensed', () => {
    const show = item('Q1', { en: 'S', enwiki: 'S (TV series)', claims: { P31: [ref(TV_SERIES)], P921: [ref('Q2')] } });
    const context = buildContext(show, map, extras({ summaries: new Map([summary('Q1', 'S (TV series)', '<b>S</b> is a 2020 series. It has two seasons.')]) }))!;
    expect(context.tagline).toBe('S is a 2020 series.');
    expect(context.sources).toContainEqual({ name: 'Wikipedia: S (TV series)', url: wikipediaUrl('en', 'S (TV series)'), retrieved: '2026-05-01', license: 'CC BY-SA 4.0' });
  });

  it('never uses a disambiguation page or a summary of another item', () => {
    const show = item('Q1', { en: 'S', claims: { P31: [ref(TV_SERIES)], P921: [ref('Q2')] } });
    const disambiguation = new Map([summary('Q2', 'The Flood', 'The Flood may refer to: …', { type: 'disambiguation' })]);
    const elsewhere = new Map([summary('Q2', 'The Flood', 'Zeeland is a province.', { wikibaseItem: 'Q777' })]);
    for (const summaries of [disambiguation, elsewhere]) {
      const context = buildContext(show, map, extras({ summaries }))!;
      expect(context.events[0]?.summary).toBeUndefined();
      // Still linked through the sitelink, but not licensed: no Wikipedia text is shown.
      expect(context.events[0]?.url).toBe(wikipediaUrl('en', 'The Flood'));
      expect(context.sources.find((s) => s.url === wikipediaUrl('en', 'The Flood'))).toEqual({ name: 'Wikipedia: The Flood', url: wikipediaUrl('en', 'The Flood') });
      expect(citationIssues(context)).toEqual([]);
    }
  });

  it('names the TVmaze show when it is the same show, and takes its ID when Wikidata has none', () => {
    const show = item('Q1', { en: 'S', claims: { P921: [ref('Q2')] } });
    const tvmaze = tvmazeShow(4242, 'S', { webChannel: NETFLIX_CHANNEL });
    const context = buildContext(show, map, extras({ tvmaze }))!;
    expect(context.kind).toBe('series');
    expect(context.ids.tvmaze).toBe(4242);
    expect(context.platforms).toEqual(['netflix']);
    expect(context.sources).toContainEqual({ name: 'TVmaze: S', url: tvmaze.url, retrieved: '2026-05-01' });
  });

  it('drops a review citation it cannot name, and a review the model would refuse', () => {
    const show = item('Q1', { en: 'S', enwiki: 'S', claims: { P31: [ref(MINISERIES)], P921: [ref('Q2')] } });
    const context = buildContext(
      show,
      map,
      extras({
        reviews: [
          { outlet: 'Paper', url: 'https://paper.example/review', citedBy: ['https://archive.example/x', wikipediaUrl('en', 'S')] },
          { outlet: 'Blog', url: 'https://blog.example/r', citedBy: ['https://archive.example/y'] },
          { outlet: 'Script', url: 'javascript:alert(1)' },
          { outlet: 'Rambling', url: 'https://long.example/r', quote: 'word '.repeat(80) },
        ],
      }),
    )!;
    expect(context.reviews).toEqual([
      { outlet: 'Paper', url: 'https://paper.example/review', citedBy: [wikipediaUrl('en', 'S')] },
      { outlet: 'Blog', url: 'https://blog.example/r' },
    ]);
    expect(citationIssues(context)).toEqual([]);
  });

  it('leaves the end out when Wikidata says an event ended before it began', () => {
    const odd = item('Q2', { en: 'Odd', claims: { P580: [time('2011-03-18')], P582: [time('2010')], P276: [ref('Q3')] } });
    const show = item('Q1', { en: 'S', claims: { P31: [ref(TV_SERIES)], P921: [ref('Q2')] } });
    expect(buildContext(show, new Map([['Q2', odd]]), extras())?.events[0]).toMatchObject({ start: '2011-03-18' });
    expect(buildContext(show, new Map([['Q2', odd]]), extras())?.events[0]).not.toHaveProperty('end');
  });
});

describe('buildContext: works and events are read for what they are', () => {
  /** Invented classes, in none of our tables. */
  const MANGA_SERIES = 'Q9100001';
  const HISTORICAL_PERIOD = 'Q9100002';
  const ORGANISATION = 'Q9100003';
  const UNKNOWN_CLASS = 'Q9100005';
  const author = item('Q4', { en: 'Eiichiro Oda', claims: { P31: [ref('Q5')] } });

  it('reads a dated manga series the show is based on as a work, not an event (One Piece)', () => {
    const manga = item('Q2', { en: 'One Piece', claims: { P31: [ref(MANGA_SERIES)], P580: [time('1997-07-22')], P50: [ref('Q4')] } });
    const show = item('Q1', { en: 'One Piece', claims: { P31: [ref(TV_SERIES)], P144: [ref('Q2')] } });
    const context = buildContext(show, new Map([['Q2', manga], ['Q4', author]]), extras({ summaries: new Map() }))!;
    expect(context.events).toEqual([]);
    expect(context.basedOn).toEqual([
      { kind: 'other', relation: 'basis', title: 'One Piece', authors: ['Eiichiro Oda'], citedBy: ['https://www.wikidata.org/wiki/Q1', 'https://www.wikidata.org/wiki/Q2'] },
    ]);
    expect(ShowContextSchema.safeParse(context).success).toBe(true);
  });

  it('reads a dated comic series with a place as a work, not an event', () => {
    const comic = item('Q2', { en: 'Harbor Tales', claims: { P31: [ref(MANGA_SERIES)], P580: [time('1990')], P276: [ref('Q5')], P123: [ref('Q6')] } });
    const show = item('Q1', { en: 'Harbor Tales', claims: { P31: [ref(TV_SERIES)], P144: [ref('Q2')] } });
    const context = buildContext(show, new Map([['Q2', comic]]), extras({ summaries: new Map() }))!;
    expect(context.events).toEqual([]);
    expect(context.basedOn.map((work) => work.title)).toEqual(['Harbor Tales']);
  });

  it('never tells a time period as an event (Victorian era)', () => {
    const period = item('Q2', {
      en: 'Victorian era',
      claims: { P31: [ref(HISTORICAL_PERIOD)], P580: [time('1837-06-20')], P582: [time('1901-01-22')], P17: [ref('Q145')] },
    });
    const show = item('Q1', { en: 'Period Drama', claims: { P31: [ref(TV_SERIES)], P921: [ref('Q2')] } });
    expect(buildContext(show, new Map([['Q2', period]]), extras())).toBeNull();
  });

  it('tells a real massacre of an unknown class as an event, by its date and place', () => {
    for (const dated of [{ P585: [time('1968-10-02')] }, { P580: [time('1968-10-02')] }] as Record<string, WikidataValue[]>[]) {
      const massacre = item('Q2', { en: 'A Massacre', claims: { P31: [ref(UNKNOWN_CLASS)], ...dated, P276: [ref('Q3')] } });
      const town = item('Q3', { en: 'A Town' });
      const show = item('Q1', { en: 'S', claims: { P31: [ref(TV_SERIES)], P921: [ref('Q2')] } });
      const context = buildContext(show, new Map([['Q2', massacre], ['Q3', town]]), extras())!;
      expect(context.events).toHaveLength(1);
      expect(context.events[0]).toMatchObject({ name: 'A Massacre', start: '1968-10-02', place: { name: 'A Town' } });
    }
  });

  it('never presents an organisation, a place or a concept as what the show is based on', () => {
    const cartel = item('Q2', { en: 'Los Zetas', claims: { P31: [ref(ORGANISATION)], P571: [time('1999')], P159: [ref('Q3')] } });
    const town = item('Q3', { en: 'Allende', claims: { P31: [ref('Q9100004')], P625: [coords(28.3, -100.8)], P17: [ref('Q4')] } });
    const concept = item('Q4', { en: 'Drug trafficking' });
    const show = item('Q1', { en: 'S', claims: { P31: [ref(TV_SERIES)], P144: [ref('Q2'), ref('Q3')], P941: [ref('Q4')] } });
    expect(buildContext(show, new Map([['Q2', cartel], ['Q3', town], ['Q4', concept]]), extras())).toBeNull();
  });

  it('never presents a person as a work, even one with a genre or a language (a musician)', () => {
    const musician = item('Q2', { en: 'A Singer', claims: { P31: [ref('Q5')], P136: [ref('Q7')], P569: [time('1950')] } });
    const show = item('Q1', { en: 'S', claims: { P31: [ref(TV_SERIES)], P144: [ref('Q2')], P941: [ref('Q2')] } });
    expect(buildContext(show, new Map([['Q2', musician]]), extras())).toBeNull();
  });

  it('presents what the show is inspired by as an inspiration, not a basis, and keeps it as a story', () => {
    const novel = item('Q2', { en: 'The Novel', claims: { P31: [ref('Q8261')] } });
    const show = item('Q1', { en: 'S', claims: { P31: [ref(TV_SERIES)], P941: [ref('Q2')] } });
    const context = buildContext(show, new Map([['Q2', novel]]), extras())!;
    expect(context.basedOn).toEqual([
      { kind: 'book', relation: 'inspiration', title: 'The Novel', authors: [], citedBy: ['https://www.wikidata.org/wiki/Q1', 'https://www.wikidata.org/wiki/Q2'] },
    ]);
    expect(context.events).toEqual([]);
    expect(ShowContextSchema.safeParse(context).success).toBe(true);
  });

  it('presents a work the show is both based on and inspired by as its basis, once', () => {
    const novel = item('Q2', { en: 'The Novel', claims: { P31: [ref('Q8261')] } });
    const show = item('Q1', { en: 'S', claims: { P31: [ref(TV_SERIES)], P941: [ref('Q2')], P144: [ref('Q2')] } });
    expect(buildContext(show, new Map([['Q2', novel]]), extras())!.basedOn.map((work) => work.relation)).toEqual(['basis']);
  });
});
