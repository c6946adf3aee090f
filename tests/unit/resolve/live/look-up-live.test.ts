import { describe, expect, it } from 'vitest';
import { ShowContextSchema, type Sighting } from '../../../../lib/model';
import { lookUpLive } from '../../../../lib/resolve/live/look-up-live';
import { packRuleIssues } from '../../../../lib/sources/pack';
import { SourceError } from '../../../../lib/sources/types';
import { FILM, FakeSources, NETFLIX, NETFLIX_CHANNEL, TV_SERIES, item, offline, ref, str, time, timedOut, tvmazeShow, unreadable, wikipediaUrl, type FakeWorld } from './fakes';
import * as w from './story-world';

const seen = (overrides: Partial<Sighting>): Sighting => ({ site: 'netflix', surface: 'detail', ...overrides });
const today = { today: '2026-05-01' };
const somosOnNetflix = seen({ siteId: w.NETFLIX_ID, title: 'Somos.', year: 2021, kind: 'series' });

/** The reference world without the show's Netflix ID, so only a title search can find it. */
const searchWorld: FakeWorld = {
  ...w.world,
  entities: w.world.entities!.map((e) => (e.id === w.SHOW ? { ...e, claims: { ...e.claims, P1874: [] } } : e)),
  search: { Somos: [w.SHOW, w.MASSACRE] },
};

describe('lookUpLive', () => {
  it('finds the story by Netflix ID, within the request budget', async () => {
    const sources = new FakeSources(w.world);
    const result = await lookUpLive(somosOnNetflix, sources, today);
    expect(result.status).toBe('found');
    if (result.status !== 'found') return;
    expect(ShowContextSchema.safeParse(result.context).success).toBe(true);
    expect(packRuleIssues(result.context).filter((issue) => /source/i.test(issue.message))).toEqual([]);
    expect(result.context.basedOn[0]?.title).toBe('How the U.S. Triggered a Massacre in Mexico');
    expect(result.context.events[0]?.place?.name).toBe('Allende');
    expect(result.context.reviews[0]?.citedBy).toEqual([wikipediaUrl('en', 'Somos (TV series)')]);

    expect(sources.requests.map((r) => r.method)).toEqual([
      'findByNetflixId',
      'getEntities', // the show
      'getEntities', // what it links to: the article, the massacre
      'reviews', // asked of Wikipedia while Wikidata answers the last batch
      'getEntities', // the author, the outlet, the places
      'summary',
      'summary',
    ]);
    // The show has a description, so its own summary is not fetched.
    expect(sources.requests.filter((r) => r.method === 'summary').map((r) => r.arg)).toEqual(['How the U.S. Triggered a Massacre in Mexico', 'Allende massacre']);
    expect(sources.wikimediaRequests).toBe(8);
  });

  it('finds the story by title search, reusing the entity it scored, within the budget', async () => {
    const sources = new FakeSources(searchWorld);
    const result = await lookUpLive(seen({ title: 'Somos', year: 2021, kind: 'series' }), sources, today);
    expect(result).toMatchObject({ status: 'found', context: { key: `wd:${w.SHOW}` } });
    // One TVmaze search (nothing there), two Wikidata searches and the candidates' batch, no second fetch of the show.
    expect(sources.count('searchShows')).toBe(1);
    expect(sources.count('getEntities')).toBe(3);
    expect(sources.wikimediaRequests).toBe(9);
  });

  it('stops after the first batch for a show with no real story', async () => {
    const plain = item('Q1', { en: 'Just a Show', description: 'a show', claims: { P31: [ref(TV_SERIES)], P1874: [str('81000002')], P921: [ref('Q2')] } });
    const topic = item('Q2', { en: 'Friendship' });
    const sources = new FakeSources({ entities: [plain, topic] });
    expect(await lookUpLive(seen({ siteId: '81000002', title: 'Just a Show' }), sources, today)).toEqual({ status: 'none', reason: 'no-story' });
    expect(sources.requests.map((r) => r.method)).toEqual(['findByNetflixId', 'getEntities', 'getEntities']);

    const bare = item('Q3', { en: 'Bare', claims: { P31: [ref(TV_SERIES)], P1874: [str('81000003')] } });
    const fewer = new FakeSources({ entities: [bare] });
    expect(await lookUpLive(seen({ siteId: '81000003' }), fewer, today)).toEqual({ status: 'none', reason: 'no-story' });
    expect(fewer.requests.map((r) => r.method)).toEqual(['findByNetflixId', 'getEntities']);
  });

  it('passes on why nothing was identified', async () => {
    const sources = new FakeSources({ entities: [] });
    expect(await lookUpLive(seen({ title: 'Nothing Here', year: 2020 }), sources, today)).toEqual({ status: 'none', reason: 'no-candidate' });
  });

  it('says not-found when the identified item no longer exists', async () => {
    const sources = new FakeSources({ ...w.world, entities: w.world.entities, fail: undefined });
    sources.wikidata.getEntities = async () => new Map();
    expect(await lookUpLive(somosOnNetflix, sources, today)).toEqual({ status: 'none', reason: 'not-found' });
  });

  it('rejects an item reached through TVmaze when it contradicts the page', async () => {
    const film = item('Q1', { en: 'Somos', claims: { P31: [ref(FILM)], P345: [str('tt0000009')], P144: [ref(w.ARTICLE)] } });
    const tvmaze = tvmazeShow(7, 'Somos', { premiered: '2021-06-30', webChannel: NETFLIX_CHANNEL, externals: { imdb: 'tt0000009' } });
    const sources = new FakeSources({ entities: [film, w.article], tvmaze: { Somos: [tvmaze] } });
    expect(await lookUpLive(seen({ title: 'Somos', year: 2021, kind: 'series' }), sources, today)).toEqual({ status: 'none', reason: 'contradicted' });
  });

  it('carries the TVmaze show into the context when it bridged to the item', async () => {
    const world = { ...searchWorld, tvmaze: { Somos: [tvmazeShow(50001, 'Somos', { premiered: '2021-06-30', webChannel: NETFLIX_CHANNEL })] } };
    const result = await lookUpLive(seen({ title: 'Somos', year: 2021 }), new FakeSources(world), today);
    expect(result.status === 'found' && result.context.sources.some((s) => s.name === 'TVmaze: Somos')).toBe(true);
  });

  it('lets an error from getEntities reach the caller', async () => {
    const error = timedOut('Wikidata');
    const sources = new FakeSources({ ...w.world, fail: (r) => (r.method === 'getEntities' ? error : undefined) });
    await expect(lookUpLive(somosOnNetflix, sources, today)).rejects.toBe(error);
  });

  it('tells the story without quotes when the reviews request fails', async () => {
    for (const error of [offline('Wikipedia'), new TypeError('parser bug')]) {
      const sources = new FakeSources({ ...w.world, fail: (r) => (r.method === 'reviews' ? error : undefined) });
      const result = await lookUpLive(somosOnNetflix, sources, today);
      expect(result.status).toBe('found');
      if (result.status === 'found') expect(result.context.reviews).toEqual([]);
    }
  });

  it('marks the story partial when the reviews failed for the moment, so it is kept for less time', async () => {
    const failures = [offline('Wikipedia'), timedOut('Wikipedia'), new SourceError('Wikipedia', 'unavailable', '503'), new SourceError('Wikipedia', 'rate-limited', '429')];
    for (const error of failures) {
      const sources = new FakeSources({ ...w.world, fail: (r) => (r.method === 'reviews' ? error : undefined) });
      const result = await lookUpLive(somosOnNetflix, sources, today);
      expect({ failure: error.failure, status: result.status, partial: result.status === 'found' ? result.partial : undefined }).toEqual({
        failure: error.failure,
        status: 'found',
        partial: true,
      });
    }
  });

  it('does not mark the story partial when the reviews will never come, or came', async () => {
    for (const error of [unreadable('Wikipedia'), new SourceError('Wikipedia', 'not-found', '404'), new TypeError('parser bug')]) {
      const sources = new FakeSources({ ...w.world, fail: (r) => (r.method === 'reviews' ? error : undefined) });
      const result = await lookUpLive(somosOnNetflix, sources, today);
      expect(result.status).toBe('found');
      expect(result).not.toHaveProperty('partial');
    }
    expect(await lookUpLive(somosOnNetflix, new FakeSources(w.world), today)).not.toHaveProperty('partial');
  });

  it('fails rather than saying "no story" when TVmaze failed and the search identified nothing', async () => {
    const error = offline('TVmaze');
    const sources = new FakeSources({ entities: [], fail: (r) => (r.method === 'searchShows' ? error : undefined) });
    await expect(lookUpLive(seen({ title: 'Nothing Here', year: 2020 }), sources, today)).rejects.toBe(error);
  });

  it('tells the story found by search when TVmaze failed', async () => {
    const sources = new FakeSources({ ...searchWorld, fail: (r) => (r.method === 'searchShows' ? offline('TVmaze') : undefined) });
    expect(await lookUpLive(seen({ title: 'Somos', year: 2021, kind: 'series' }), sources, today)).toMatchObject({ status: 'found', context: { key: `wd:${w.SHOW}` } });
  });

  it('leaves out a summary that will never come, but fails on one worth retrying', async () => {
    const failing = (error: SourceError): FakeWorld => ({ ...w.world, fail: (r) => (r.method === 'summary' && r.arg === 'Allende massacre' ? error : undefined) });
    const result = await lookUpLive(somosOnNetflix, new FakeSources(failing(unreadable('Wikipedia'))), today);
    expect(result.status).toBe('found');
    if (result.status === 'found') {
      expect(result.context.events[0]?.summary).toBeUndefined();
      expect(result.context.basedOn[0]?.summary).toBeDefined();
    }
    await expect(lookUpLive(somosOnNetflix, new FakeSources(failing(timedOut('Wikipedia'))), today)).rejects.toBeInstanceOf(SourceError);
  });

  it('fetches the show summary only for a missing description, and shrugs off its failure', async () => {
    const undescribed: FakeWorld = {
      ...w.world,
      entities: w.world.entities!.map((e) => (e.id === w.SHOW ? { ...e, descriptions: {} } : e)),
    };
    const sources = new FakeSources(undescribed);
    const result = await lookUpLive(somosOnNetflix, sources, today);
    expect(result.status === 'found' && result.context.tagline).toBe('Somos. is a Mexican miniseries.');
    expect(sources.count('summary')).toBe(3);

    const failing = new FakeSources({ ...undescribed, fail: (r) => (r.arg === 'Somos (TV series)' && r.method === 'summary' ? offline('Wikipedia') : undefined) });
    const quiet = await lookUpLive(somosOnNetflix, failing, today);
    expect(quiet.status).toBe('found');
    if (quiet.status === 'found') expect(quiet.context.tagline).toBeUndefined();
  });

  it('caps the summaries at four however many works and events there are', async () => {
    const events = Array.from({ length: 6 }, (_, i) => item(`Q${100 + i}`, { en: `Event ${i}`, enwiki: `Event ${i}`, claims: { P31: [ref('Q1656682')], P585: [time('2000')] } }));
    const show = item('Q1', { en: 'Many', description: 'd', claims: { P31: [ref(TV_SERIES)], P1874: [str('81000004')], P449: [ref(NETFLIX)], P921: events.map((e) => ref(e.id)) } });
    const sources = new FakeSources({ entities: [show, ...events], extracts: Object.fromEntries(events.map((_event, i) => [`Event ${i}`, `Event ${i} happened.`])) });
    const result = await lookUpLive(seen({ siteId: '81000004' }), sources, today);
    expect(result.status === 'found' && result.context.events).toHaveLength(6);
    expect(sources.count('summary')).toBe(4);
    expect(sources.wikimediaRequests).toBeLessThanOrEqual(9);
  });
});
