/**
 * The live path end to end in one process: the real source clients parsing our recorded-shape
 * fixtures (tests/fixtures/api/), the resolution and the context builder, through a fake
 * HttpClient that answers like the services do.
 */
import { describe, expect, it } from 'vitest';
import { ShowContextSchema, type Sighting } from '../../../lib/model';
import { lookUpLive } from '../../../lib/resolve/live/look-up-live';
import { packRuleIssues } from '../../../lib/sources/pack';
import { createTvmazeClient } from '../../../lib/sources/tvmaze';
import type { LiveSources } from '../../../lib/sources/types';
import { createWikidataClient } from '../../../lib/sources/wikidata';
import { createWikipediaClient } from '../../../lib/sources/wikipedia';
import { createLookupRepository } from '../../../lib/db/lookups';
import { createShowRepository } from '../../../lib/db/shows';
import { createLiveService } from '../../../lib/resolve/live-service';
import { SourceError } from '../../../lib/sources/types';
import { answerApiRequest, fixtureHttpClient, recordingHttpClient } from '../../harness/api-fixtures';
import { freshDb } from '../support/databases';

function sourcesOverFixtures() {
  const http = fixtureHttpClient();
  const sources: LiveSources = { wikidata: createWikidataClient(http), wikipedia: createWikipediaClient(http), tvmaze: createTvmazeClient(http) };
  return { http, sources };
}

const paperHarbor: Sighting = { site: 'netflix', surface: 'detail', siteId: '80990055', title: 'Paper Harbor', year: 2023, kind: 'film' };

describe('live lookup over the recorded-shape fixtures', () => {
  it('tells the story of a title outside the pack, every fact cited, within the request budget', async () => {
    const { http, sources } = sourcesOverFixtures();
    const result = await lookUpLive(paperHarbor, sources, { today: '2026-11-24' });
    expect(result.status).toBe('found');
    if (result.status !== 'found') return;
    const { context } = result;
    expect(ShowContextSchema.safeParse(context).success).toBe(true);
    expect(packRuleIssues(context).filter((issue) => /not listed in sources|cited/.test(issue.message))).toEqual([]);
    expect(context).toMatchObject({ key: 'wd:Q990000001', title: 'Paper Harbor', year: 2023, kind: 'film' });
    expect(context.basedOn[0]).toMatchObject({ title: 'The Harbor That Moved', authors: ['Mara Quill'], outlet: 'The Meridian Review', published: '2019-06' });
    expect(context.events[0]).toMatchObject({ name: 'Saltmarsh Pier collapse', start: '1961-03-14', end: '1961-03-15' });
    expect(context.reviews).toHaveLength(3);
    expect(context.scores?.map((score) => score.value)).toEqual(expect.arrayContaining(['91%', '74/100']));
    expect(context.scores?.map((score) => score.value)).not.toContain('55%');
    expect(context.sources.find((source) => source.url.startsWith('https://en.wikipedia.org/'))?.license).toBe('CC BY-SA 4.0');
    const wikimedia = http.urls.filter((url) => /^https:\/\/[a-z.]*(wikidata|wikipedia)\.org\//.test(url));
    expect(wikimedia.length).toBeLessThanOrEqual(9);
  });

  it('finds the title but no story for The Lantern Keepers', async () => {
    const { sources } = sourcesOverFixtures();
    const result = await lookUpLive({ site: 'netflix', surface: 'detail', siteId: '80990042', title: 'The Lantern Keepers', year: 2024, kind: 'series' }, sources, { today: '2026-11-24' });
    expect(result).toEqual({ status: 'none', reason: 'no-story' });
  });

  it('refuses to choose between two works called "Night Ferry" that the page does not match', async () => {
    const { sources } = sourcesOverFixtures();
    const result = await lookUpLive({ site: 'netflix', surface: 'detail', siteId: '80990031', title: 'Night Ferry', year: 2022, kind: 'film' }, sources, { today: '2026-11-24' });
    expect(result).toMatchObject({ status: 'none', reason: expect.stringMatching(/^(weak|ambiguous)$/) });
  });
});

describe('the network gone in the middle of a lookup', () => {
  it('fails the lookup with the source that was lost, and stores nothing', async () => {
    let answered = 0;
    // The first two requests get through; then the network is gone.
    const http = recordingHttpClient((url) => {
      answered += 1;
      if (answered > 2) throw new SourceError(url.hostname.endsWith('wikipedia.org') ? 'Wikipedia' : 'Wikidata', 'offline', 'the network is gone');
      return answerApiRequest(url);
    });
    const sources: LiveSources = { wikidata: createWikidataClient(http), wikipedia: createWikipediaClient(http), tvmaze: createTvmazeClient(http) };
    const db = freshDb();
    const service = createLiveService({
      shows: createShowRepository(db),
      lookups: createLookupRepository(db),
      lookUp: (sighting) => lookUpLive(sighting, sources, { today: '2026-11-24' }),
      isAllowed: async () => true,
      isOnline: () => true,
      now: () => 1,
    });
    expect(await service.answer(paperHarbor)).toMatchObject({ status: 'error', retryable: true });
    expect(answered).toBeGreaterThan(2);
    expect(await db.lookups.count()).toBe(0);
    expect(await db.shows.count()).toBe(0);
  });
});
