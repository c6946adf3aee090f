/**
 * Which Wikidata item a sighting is about, IDs first (data-sources.md §0 and §7):
 *  (a) the page's Netflix ID → P1874;
 *  (b) a TVmaze show that is unmistakably the page's (its official site is this Netflix title, or
 *      it is the only Netflix show of that exact name premiered within a year of the page's year)
 *      → its IMDb ID (P345) or its TVmaze ID (P8600). A page with neither a Netflix ID nor a year
 *      can't confirm any TVmaze show, so TVmaze is not asked;
 *  (c) Wikidata full-text search, Netflix items first, then all items, every candidate scored.
 * A card (browse and search rows) is identified by its Netflix ID only.
 * When IDs point at several items, those items are scored too rather than one picked blindly.
 *
 * TVmaze failing (offline, timeout, 5xx, 429, an unreadable answer) does not stop the search: if
 * Wikidata alone identifies the show, that stands. If nothing is identified, the TVmaze failure is
 * thrown, so the caller says "couldn't reach TVmaze, retry" and stores nothing, rather than
 * storing "no story" for a show TVmaze might have identified.
 */
import type { Sighting } from '../../model';
import { SourceError, type LiveSources, type TvmazeShow, type WikidataEntity } from '../../sources/types';
import { normalizeTitle } from '../normalize-title';
import { isNeverAShow } from './item-classes';
import { pickTvmazeShow } from './pick-tvmaze-show';
import { LEAD_BY, ceilingWithoutNetflixOrIds, pickCandidate, scoreCandidate, type CandidatePick, type MatchEvidence } from './score-candidates';

export type IdentifiedVia = 'netflix-id' | 'tvmaze-imdb' | 'tvmaze-id' | 'search';

export type NotIdentified = 'no-title' | 'no-candidate' | 'weak' | 'ambiguous';

export type Identification =
  | {
      qid: string;
      via: IdentifiedVia;
      /** The item, when identifying it already fetched it (saves fetching it again). */
      entity?: WikidataEntity;
      /** The TVmaze show, when it is the same show by ID (a bridge or a cross-ID match). */
      tvmaze?: TvmazeShow;
    }
  | { qid: null; reason: NotIdentified };

/** Results per search; both searches together stay within one entity batch (50). */
const SEARCH_LIMIT = 10;

export async function identifyShow(sighting: Sighting, sources: LiveSources): Promise<Identification> {
  const evidence: MatchEvidence = { siteId: sighting.siteId, title: sighting.title, year: sighting.year, kind: sighting.kind };

  if (sighting.siteId) {
    const hits = await sources.wikidata.findByNetflixId(sighting.siteId);
    if (hits.length === 1) return { qid: hits[0]!, via: 'netflix-id' };
    if (hits.length > 1) {
      const candidates = new Candidates(sources);
      await candidates.fetch(hits);
      return candidates.identify(evidence, 'netflix-id');
    }
  }

  // A card (browse row, search result) gives a name and an ID, nothing that could tell same-name
  // works apart: only its ID can identify it. Searching by name for every card on a browse page
  // would also flood the sources for nothing.
  if (sighting.surface === 'card') return { qid: null, reason: 'no-candidate' };

  const title = sighting.title;
  if (!title || !normalizeTitle(title)) return { qid: null, reason: 'no-title' };

  // TVmaze lists shows only: a film is never there, and a same-name series would only mislead.
  // Without a Netflix ID (for the official site) or a year (for the name), no answer could be
  // confirmed: don't ask.
  let tvmaze: TvmazeShow | undefined;
  let bridged: string[] = [];
  let tvmazeFailure: SourceError | undefined;
  if (sighting.kind !== 'film' && (sighting.siteId !== undefined || sighting.year !== undefined)) {
    let results: { show: TvmazeShow }[] = [];
    try {
      results = await sources.tvmaze.searchShows(title);
    } catch (error) {
      if (!(error instanceof SourceError)) throw error;
      tvmazeFailure = error;
    }
    const pick = pickTvmazeShow(results, sighting);
    if (pick.show) {
      const bridge = await bridgeFromTvmaze(pick.show, sources);
      if (bridge.qid !== null) return { qid: bridge.qid, via: bridge.via, tvmaze: pick.show };
      tvmaze = pick.show;
      bridged = bridge.candidates;
    }
  }
  const found = await searchAndScore(title, { ...evidence, tvmaze }, bridged, sources);
  if (found.qid === null && tvmazeFailure) throw tvmazeFailure;
  return found;
}

/**
 * Netflix items first: the filtered search finds them even when the name is common, and only they
 * (or items with an ID match) can clear the bar. The unfiltered search finds the show when
 * Wikidata lacks P449/P750, and the same-name works it must be told apart from; it is skipped
 * when the Netflix winner leads by more than any such work could score (a request saved, no
 * risk taken).
 */
async function searchAndScore(title: string, evidence: MatchEvidence, bridged: readonly string[], sources: LiveSources): Promise<Identification> {
  const candidates = new Candidates(sources);
  await candidates.fetch([...bridged, ...(await sources.wikidata.searchTitle(title, { netflixOnly: true, limit: SEARCH_LIMIT }))]);
  const first = candidates.pick(evidence);
  if (first.qid !== null && first.score >= ceilingWithoutNetflixOrIds(evidence) + LEAD_BY) return candidates.identify(evidence, 'search');

  await candidates.fetch(await sources.wikidata.searchTitle(title, { limit: SEARCH_LIMIT }));
  return candidates.identify(evidence, 'search');
}

/** The items fetched so far as candidates, fetched in batches, scored together. */
class Candidates {
  private readonly asked = new Set<string>();
  private readonly entities = new Map<string, WikidataEntity>();

  constructor(private readonly sources: LiveSources) {}

  /** One entity batch for the QIDs not asked about yet. */
  async fetch(qids: readonly string[]): Promise<void> {
    const wanted = [...new Set(qids)].filter((qid) => !this.asked.has(qid));
    if (wanted.length === 0) return;
    wanted.forEach((qid) => this.asked.add(qid));
    for (const [qid, entity] of await this.sources.wikidata.getEntities(wanted)) this.entities.set(qid, entity);
  }

  pick(evidence: MatchEvidence): CandidatePick {
    return pickCandidate(this.eligible().map((entity) => scoreCandidate(entity, evidence)));
  }

  identify(evidence: MatchEvidence, via: IdentifiedVia): Identification {
    const pick = this.pick(evidence);
    if (pick.qid === null) return pick;
    const entity = this.entities.get(pick.qid)!;
    const tvmaze = evidence.tvmaze && scoreCandidate(entity, evidence).reasons.includes('crossId') ? evidence.tvmaze : undefined;
    return { qid: pick.qid, via, entity, ...(tvmaze ? { tvmaze } : {}) };
  }

  /** Disambiguation pages, seasons, episodes and people can be neither the show nor its rival. */
  private eligible(): WikidataEntity[] {
    return [...this.entities.values()].filter((entity) => !isNeverAShow(entity));
  }
}

type Bridge = { qid: string; via: 'tvmaze-imdb' | 'tvmaze-id' } | { qid: null; candidates: string[] };

/** From a TVmaze show to one Wikidata item by its IMDb ID, else by its TVmaze ID. */
async function bridgeFromTvmaze(show: TvmazeShow, sources: LiveSources): Promise<Bridge> {
  const byImdb = show.externals.imdb ? await sources.wikidata.findByImdbId(show.externals.imdb) : [];
  if (byImdb.length === 1) return { qid: byImdb[0]!, via: 'tvmaze-imdb' };
  const byTvmaze = await sources.wikidata.findByTvmazeId(show.id);
  // One item by TVmaze ID, and the IMDb lookup found nothing or found it too.
  if (byTvmaze.length === 1 && (byImdb.length === 0 || byImdb.includes(byTvmaze[0]!))) {
    return { qid: byTvmaze[0]!, via: 'tvmaze-id' };
  }
  return { qid: null, candidates: [...new Set([...byImdb, ...byTvmaze])] };
}
