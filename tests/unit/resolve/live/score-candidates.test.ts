import { describe, expect, it } from 'vitest';
import { ACCEPT_AT, LEAD_BY, SCORE, TIE_BREAKERS, pickCandidate, scoreCandidate, type MatchEvidence } from '../../../../lib/resolve/live/score-candidates';
import { isOneEditAway } from '../../../../lib/resolve/live/title-match';
import { DOCUMENTARY_FILM, FILM, MINISERIES, NETFLIX, NETFLIX_CHANNEL, TV_SERIES, item, ref, str, time, tvmazeShow } from './fakes';

const pick = (evidence: MatchEvidence, ...entities: ReturnType<typeof item>[]) =>
  pickCandidate(entities.map((entity) => scoreCandidate(entity, evidence)));

describe('the scoring table', () => {
  it('matches data-sources.md §7, with contradictions costing more than any single agreement', () => {
    expect(SCORE).toEqual({
      netflixId: 10,
      crossId: 6,
      onNetflix: 3,
      exactTitle: 3,
      exactAlias: 2,
      nearTitle: 1,
      year: 2,
      kindAgrees: 1,
      enwiki: 1,
      kindContradicts: -5,
      yearContradicts: -5,
      idContradicts: -5,
    });
    expect(ACCEPT_AT).toBe(8);
    expect(LEAD_BY).toBe(3);
    // Only these break ties; none of them counts towards acceptance.
    expect([...TIE_BREAKERS].sort()).toEqual(['enwiki', 'kindAgrees', 'nearTitle']);
  });

  it('adds up every row that applies', () => {
    const show = item('Q1', {
      en: 'Somos.',
      enwiki: 'Somos (TV series)',
      claims: { P31: [ref(MINISERIES)], P1874: [str('81000001')], P449: [ref(NETFLIX)], P577: [time('2021-06-30')] },
    });
    const scored = scoreCandidate(show, { siteId: '81000001', title: 'Somos', year: 2021, kind: 'series' });
    expect(scored.reasons.sort()).toEqual(['enwiki', 'exactTitle', 'kindAgrees', 'netflixId', 'onNetflix', 'year']);
    expect(scored.score).toBe(10 + 3 + 3 + 2 + 1 + 1);
    expect(scored.core).toBe(10 + 3 + 3 + 2);
  });

  it('counts Netflix as distributor (P750) as well as original broadcaster (P449)', () => {
    const distributed = item('Q1', { en: 'X', claims: { P750: [ref(NETFLIX)] } });
    expect(scoreCandidate(distributed, {}).reasons).toEqual(['onNetflix']);
  });

  it('gives one point for a title one edit away, and none for another title', () => {
    const show = item('Q1', { en: 'Somas' });
    expect(scoreCandidate(show, { title: 'Somos' }).reasons).toEqual(['nearTitle']);
    expect(scoreCandidate(show, { title: 'Narcos' }).reasons).toEqual([]);
    expect(isOneEditAway('somos', 'somo')).toBe(true);
    expect(isOneEditAway('somos', 'osmos')).toBe(false);
    expect(isOneEditAway('somos', 'somos')).toBe(false);
  });

  it('reads aliases and the es and mul labels, not other languages', () => {
    expect(scoreCandidate(item('Q1', { en: 'We Are', aliases: { es: ['Somos'] } }), { title: 'Somos' }).reasons).toEqual(['exactAlias']);
    expect(scoreCandidate(item('Q1', { mul: 'Somos' }), { title: 'Somos' }).reasons).toEqual(['exactTitle']);
    expect(scoreCandidate(item('Q1', { en: 'We Are', es: 'Somos' }), { title: 'Somos' }).reasons).toEqual(['exactTitle']);
    expect(scoreCandidate(item('Q1', { en: 'We Are', aliases: { fr: ['Somos'] } }), { title: 'Somos' }).reasons).toEqual([]);
  });

  it('counts a label as stronger evidence than an alias, and a label match wins over an alias match', () => {
    const labelled = scoreCandidate(item('Q1', { en: 'Somos', aliases: { en: ['We Are'] } }), { title: 'Somos' });
    const aliased = scoreCandidate(item('Q2', { en: 'We Are', aliases: { en: ['Somos'] } }), { title: 'Somos' });
    expect([labelled.score, labelled.core]).toEqual([3, 3]);
    expect([aliased.score, aliased.core]).toEqual([2, 2]);
  });

  it('keeps tie-breakers out of the core', () => {
    const near = item('Q1', { en: 'Elites', enwiki: 'Elites', claims: { P31: [ref(TV_SERIES)], P449: [ref(NETFLIX)], P580: [time('2018')] } });
    const scored = scoreCandidate(near, { title: 'Elite', year: 2018, kind: 'series' });
    expect(scored.reasons.sort()).toEqual(['enwiki', 'kindAgrees', 'nearTitle', 'onNetflix', 'year']);
    expect(scored.score).toBe(3 + 2 + 1 + 1 + 1);
    expect(scored.core).toBe(3 + 2);
  });

  it('cross-checks IMDb and TVmaze IDs with the TVmaze show tied to the sighting', () => {
    const tvmaze = tvmazeShow(50001, 'Somos', { externals: { imdb: 'tt0000001' } });
    expect(scoreCandidate(item('Q1', { claims: { P345: [str('tt0000001')] } }), { tvmaze }).reasons).toEqual(['crossId']);
    expect(scoreCandidate(item('Q1', { claims: { P8600: [str('50001')] } }), { tvmaze }).reasons).toEqual(['crossId']);
    expect(scoreCandidate(item('Q1', { claims: { P345: [str('tt9999999')] } }), { tvmaze }).reasons).toEqual(['idContradicts']);
  });

  it('treats a Netflix ID of another title as a contradiction', () => {
    const other = item('Q1', { en: 'Somos', claims: { P1874: [str('80000002')] } });
    expect(scoreCandidate(other, { siteId: '81000001', title: 'Somos' }).reasons.sort()).toEqual(['exactTitle', 'idContradicts']);
  });

  it('takes the year from P580 or P577, and the TVmaze premiere when the page gave none', () => {
    const started = item('Q1', { claims: { P580: [time('2020-01-10')] } });
    expect(scoreCandidate(started, { year: 2021 }).reasons).toEqual(['year']);
    const tvmaze = tvmazeShow(1, 'X', { premiered: '2020-01-10' });
    expect(scoreCandidate(started, { tvmaze }).reasons).toEqual(['year']);
  });

  it('lets a series be older than the page year (the latest season), but nothing newer, and a film only its own year', () => {
    const series2005 = item('Q1', { claims: { P31: [ref(TV_SERIES)], P580: [time('2005')] } });
    expect(scoreCandidate(series2005, { year: 2019 }).reasons).toEqual([]);
    expect(scoreCandidate(series2005, { year: 2001 }).reasons).toEqual(['yearContradicts']);
    const film2005 = item('Q2', { claims: { P31: [ref(FILM)], P577: [time('2005-03-01')] } });
    expect(scoreCandidate(film2005, { year: 2019 }).reasons).toEqual(['yearContradicts']);
  });
});

describe('picking the show among candidates', () => {
  it('takes the series over a film of the same name when the page says series', () => {
    const film = item('Q1', { en: 'Dark Water', enwiki: 'Dark Water (film)', claims: { P31: [ref(FILM)], P750: [ref(NETFLIX)], P577: [time('2021')] } });
    const series = item('Q2', { en: 'Dark Water', enwiki: 'Dark Water (TV series)', claims: { P31: [ref(TV_SERIES)], P449: [ref(NETFLIX)], P580: [time('2021')] } });
    expect(pick({ title: 'Dark Water', year: 2021, kind: 'series' }, film, series)).toMatchObject({ qid: 'Q2' });
    expect(pick({ title: 'Dark Water', year: 2021, kind: 'film' }, film, series)).toMatchObject({ qid: 'Q1' });
    // Without the kind, nothing tells them apart.
    expect(pick({ title: 'Dark Water', year: 2021 }, film, series)).toEqual({ qid: null, reason: 'ambiguous' });
  });

  it('takes the 2019 remake, not the 2005 original, for a 2019 sighting', () => {
    const original = item('Q1', { en: 'The Hollow', enwiki: 'The Hollow (2005 film)', claims: { P31: [ref(FILM)], P577: [time('2005-10-07')] } });
    const remake = item('Q2', { en: 'The Hollow', enwiki: 'The Hollow (2019 film)', claims: { P31: [ref(FILM)], P750: [ref(NETFLIX)], P577: [time('2019-05-01')] } });
    expect(pick({ title: 'The Hollow', year: 2019, kind: 'film' }, original, remake)).toMatchObject({ qid: 'Q2' });
    expect(pick({ title: 'The Hollow', year: 2005, kind: 'film' }, original, remake)).toEqual({ qid: null, reason: 'weak' });
  });

  it('takes the remake even when both versions are on Netflix, because a film has one year', () => {
    const original = item('Q1', { en: 'The Hollow', enwiki: 'The Hollow (2005 film)', claims: { P31: [ref(FILM)], P750: [ref(NETFLIX)], P577: [time('2005')] } });
    const remake = item('Q2', { en: 'The Hollow', enwiki: 'The Hollow (2019 film)', claims: { P31: [ref(FILM)], P750: [ref(NETFLIX)], P577: [time('2019')] } });
    expect(pick({ title: 'The Hollow', year: 2019, kind: 'film' }, original, remake)).toMatchObject({ qid: 'Q2' });
  });

  it('matches "Somos." to "Somos" and the other way round', () => {
    const show = item('Q1', { en: 'Somos', claims: { P31: [ref(MINISERIES)], P449: [ref(NETFLIX)], P577: [time('2021')] } });
    expect(pick({ title: 'Somos.', year: 2021 }, show)).toMatchObject({ qid: 'Q1' });
    const dotted = item('Q1', { en: 'Somos.', claims: { P31: [ref(MINISERIES)], P449: [ref(NETFLIX)], P577: [time('2021')] } });
    expect(pick({ title: 'Somos', year: 2021 }, dotted)).toMatchObject({ qid: 'Q1' });
  });

  it('matches a Spanish title against an item labelled only in Spanish', () => {
    const show = item('Q1', { es: 'La casa de las flores', claims: { P31: [ref(TV_SERIES)], P449: [ref(NETFLIX)], P580: [time('2018-08-10')] } });
    expect(pick({ title: 'La Casa de las Flores', year: 2018 }, show)).toMatchObject({ qid: 'Q1' });
  });

  it('never takes a documentary about the same event for the show', () => {
    const show = item('Q1', { en: 'Somos.', enwiki: 'Somos (TV series)', claims: { P31: [ref(MINISERIES)], P577: [time('2021-06-30')] } });
    const documentary = item('Q2', {
      en: 'Allende: The Massacre',
      aliases: { en: ['Somos'] },
      enwiki: 'Allende: The Massacre',
      claims: { P31: [ref(DOCUMENTARY_FILM)], P750: [ref(NETFLIX)], P577: [time('2021')] },
    });
    // The page says series: the documentary is a film, ruled out.
    expect(pick({ title: 'Somos.', year: 2021, kind: 'series' }, show, documentary)).toEqual({ qid: null, reason: 'weak' });
    expect(scoreCandidate(documentary, { title: 'Somos.', year: 2021, kind: 'series' }).reasons).toContain('kindContradicts');
    // Found alone, by its own name, it still can't reach the bar without the show's title.
    const unnamed = item('Q3', { en: 'Allende: The Massacre', enwiki: 'Allende', claims: { P31: [ref(DOCUMENTARY_FILM)], P750: [ref(NETFLIX)], P577: [time('2021')] } });
    expect(pick({ title: 'Somos.', year: 2021 }, unnamed)).toEqual({ qid: null, reason: 'weak' });
  });

  it('with Netflix behind the show, the show wins over the same-name documentary', () => {
    const show = item('Q1', { en: 'Somos.', enwiki: 'Somos (TV series)', claims: { P31: [ref(MINISERIES)], P449: [ref(NETFLIX)], P577: [time('2021-06-30')] } });
    const documentary = item('Q2', { en: 'Somos', claims: { P31: [ref(DOCUMENTARY_FILM)], P577: [time('2021')] } });
    expect(pick({ title: 'Somos.', year: 2021, kind: 'series' }, show, documentary)).toMatchObject({ qid: 'Q1' });
  });

  it('shows nothing when two items score the same', () => {
    const a = item('Q1', { en: 'Twin', claims: { P31: [ref(TV_SERIES)], P449: [ref(NETFLIX)], P580: [time('2020')] } });
    const b = item('Q2', { en: 'Twin', claims: { P31: [ref(TV_SERIES)], P449: [ref(NETFLIX)], P580: [time('2020')] } });
    expect(pick({ title: 'Twin', year: 2020, kind: 'series' }, a, b)).toEqual({ qid: null, reason: 'ambiguous' });
  });

  it('never accepts a bare title, however exact', () => {
    const show = item('Q1', { en: 'Somos', enwiki: 'Somos' });
    expect(pick({ title: 'Somos' }, show)).toEqual({ qid: null, reason: 'weak' });
    expect(pickCandidate([])).toEqual({ qid: null, reason: 'no-candidate' });
  });

  it('accepts a Netflix series by title and year alone, with Netflix behind it', () => {
    const show = item('Q1', { en: 'Somos', claims: { P449: [ref(NETFLIX)], P577: [time('2021')] } });
    expect(pick({ title: 'Somos', year: 2021 }, show)).toMatchObject({ qid: 'Q1' });
  });

  it('uses the TVmaze premiere when the page gave no year', () => {
    const show = item('Q1', { en: 'Somos', claims: { P449: [ref(NETFLIX)], P577: [time('2021')] } });
    const tvmaze = tvmazeShow(1, 'Somos', { premiered: '2021-06-30', webChannel: NETFLIX_CHANNEL });
    expect(pick({ title: 'Somos', tvmaze }, show)).toMatchObject({ qid: 'Q1' });
  });
});

describe('acceptance rests on the core, never on tie-breakers', () => {
  const elite = item('Q1', { en: 'Elite', claims: { P449: [ref(NETFLIX)], P580: [time('2018-10-05')] } });
  const elites = item('Q2', { en: 'Elites', enwiki: 'Elites', claims: { P31: [ref(TV_SERIES)], P449: [ref(NETFLIX)], P580: [time('2018')] } });
  const page: MatchEvidence = { title: 'Elite', year: 2018, kind: 'series' };

  it('never accepts "Elites" for "Elite" without an ID, whatever the tie-breakers add', () => {
    expect(scoreCandidate(elites, page).score).toBe(ACCEPT_AT);
    expect(pick(page, elites)).toEqual({ qid: null, reason: 'weak' });
  });

  it('never lets a near namesake make the exact match ambiguous', () => {
    // Both score 8; only "Elite" has a core of 8, and "Elites" is only one edit away.
    expect(scoreCandidate(elite, page).score).toBe(scoreCandidate(elites, page).score);
    expect(pick(page, elites, elite)).toEqual({ qid: 'Q1', score: 8 });
  });

  it('still counts a near namesake as a rival when an ID ties it to the page', () => {
    const evidence = { ...page, siteId: '80200942' };
    const withId = item('Q2', { en: 'Elites', claims: { P1874: [str('80200942')], P580: [time('2018')] } });
    expect(pick(evidence, withId)).toMatchObject({ qid: 'Q2' });
    // Two items carry the page's Netflix ID: the near one is a real rival, and they tie.
    const exactWithId = item('Q1', { en: 'Elite', claims: { P1874: [str('80200942')] } });
    expect(pick(evidence, exactWithId, withId)).toEqual({ qid: null, reason: 'ambiguous' });
  });

  it('never accepts a 2006 telenovela with Netflix as distributor for a 2021 page (reviewer reproduction)', () => {
    const telenovela = item('Q1', { en: 'Somos', enwiki: 'Somos (telenovela)', claims: { P31: [ref(TV_SERIES)], P750: [ref(NETFLIX)], P580: [time('2006')] } });
    const evidence: MatchEvidence = { title: 'Somos.', year: 2021, kind: 'series' };
    expect(scoreCandidate(telenovela, evidence).reasons).not.toContain('year');
    expect(pick(evidence, telenovela)).toEqual({ qid: null, reason: 'weak' });
  });

  it('never accepts a documentary matched only through an alias when the page gives no kind (2 + 3 + 2 = 7)', () => {
    const documentary = item('Q2', {
      en: 'Allende: The Massacre',
      aliases: { en: ['Somos'] },
      enwiki: 'Allende: The Massacre',
      claims: { P31: [ref(DOCUMENTARY_FILM)], P750: [ref(NETFLIX)], P577: [time('2021')] },
    });
    const scored = scoreCandidate(documentary, { title: 'Somos.', year: 2021 });
    expect(scored.core).toBe(7);
    expect(pick({ title: 'Somos.', year: 2021 }, documentary)).toEqual({ qid: null, reason: 'weak' });
  });

  it('accepts an exact label on Netflix with the year, and needs the lead over a real rival', () => {
    expect(pick(page, elite)).toEqual({ qid: 'Q1', score: 8 });
    const namesake = item('Q3', { en: 'Elite', enwiki: 'Elite (2018 series)', claims: { P31: [ref(TV_SERIES)], P580: [time('2018')] } });
    expect(pick(page, elite, namesake)).toEqual({ qid: null, reason: 'ambiguous' });
  });
});
