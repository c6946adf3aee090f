/**
 * One live lookup, from a sighting to a context: identify the show, fetch what it links to in at
 * most two more entity batches, fetch Wikipedia summaries through sitelinks (never a guessed
 * title) and critic quotes from the show's article, then build the context.
 *
 * Budget (data-sources.md §0): about 6–9 Wikimedia requests per title. Identifying takes 1 (the
 * Netflix ID), 1–2 (a TVmaze bridge, plus the TVmaze search) or, by search, usually 3 (the
 * Netflix-only search is two queries, then one batch) and at most 5 when the unfiltered search is
 * needed; then the show (0–1: reused when identifying fetched it), 2 batches, at most 4 summaries
 * and the reviews (two parse calls). The tests count 8 by Netflix ID and 9 by search for the
 * reference case. A show with no story stops after the first batch.
 *
 * Failures: a SourceError propagates (the caller says "couldn't reach Wikipedia, retry" and
 * stores nothing), except where the story can be told without the answer: critic quotes, the
 * summary behind a fallback tagline, and a work's or event's summary that will never come (an
 * answer that can't be read). A work's or event's summary that may come on retry (timeout,
 * offline, 5xx, 429) fails the lookup instead, so a retry gets the whole story rather than a
 * summary-less one cached for days. Critic quotes that may come on retry leave the story
 * `partial`, so the caller keeps it for a shorter time. TVmaze failing fails the lookup only
 * when Wikidata alone can't identify the show (see identify-show).
 */
import type { PartialDate, ReviewQuote, ShowContext, Sighting } from '../../model';
import { SourceError, type LiveSources, type TvmazeShow, type WikidataEntity, type WikipediaSummary } from '../../sources/types';
import { buildContext } from './build-context';
import { identifyShow, type NotIdentified } from './identify-show';
import { SCORE, scoreCandidate } from './score-candidates';
import { linksOfShow, linksOfStory, storyItems, type StoryItems } from './story-items';

export type NoStory =
  | NotIdentified
  /** The identified item does not exist (deleted or merged since the search index saw it). */
  | 'not-found'
  /** Reached through TVmaze or search, the item says something the page rules out. */
  | 'contradicted'
  /** The show is known but nothing links it to a work or a real event. */
  | 'no-story';

export type LiveLookup =
  /** `partial`: told without a part that failed for the moment (the critic quotes); worth asking again soon. */
  | { status: 'found'; context: ShowContext; partial?: true; byNetflixId?: true }
  | { status: 'none'; reason: NoStory };

/** Entity batches are one request each up to this many IDs (the client splits above it). */
const BATCH_LIMIT = 50;
/** Summaries per lookup: works first, then events, then the show's (for a fallback tagline). */
const MAX_SUMMARIES = 4;

export async function lookUpLive(sighting: Sighting, sources: LiveSources, { today }: { today: PartialDate }): Promise<LiveLookup> {
  const identity = await identifyShow(sighting, sources);
  if (identity.qid === null) return none(identity.reason);

  const show = identity.entity ?? (await sources.wikidata.getEntities([identity.qid])).get(identity.qid);
  if (!show) return none('not-found');
  // A single P1874 hit is the page's own ID: certain. Anything reached another way is re-checked
  // against what the page says (kind, year, IDs) now that the item is at hand.
  if (identity.via !== 'netflix-id' && isContradicted(show, sighting, identity.tvmaze)) return none('contradicted');

  const related = new Map<string, WikidataEntity>();
  await fetchInto(related, linksOfShow(show), show, sources);
  const linked = storyItems(show, related);
  if (linked.works.length === 0 && linked.events.length === 0) return none('no-story');
  // Reviews need only the show's article, and Wikipedia is another host than Wikidata: ask it
  // while the last Wikidata batch runs. (fetchReviews never rejects.)
  const reviewsAsked = fetchReviews(show, sources);
  await fetchInto(related, linksOfStory(linked), show, sources);
  const items = storyItems(show, related);

  const [summaries, reviews] = await Promise.all([fetchSummaries(show, items, sources), reviewsAsked]);
  const context = buildContext(show, related, { summaries, reviews: reviews.quotes, tvmaze: identity.tvmaze, retrieved: today, seenAs: sighting.kind });
  if (!context) return none('no-story');
  const found: LiveLookup = { status: 'found', context };
  if (reviews.failedForNow) found.partial = true;
  // Found through the page's own Netflix ID: the same answer holds for any card with that ID.
  if (identity.via === 'netflix-id') found.byNetflixId = true;
  return found;
}

function none(reason: NoStory): LiveLookup {
  return { status: 'none', reason };
}

function isContradicted(show: WikidataEntity, sighting: Sighting, tvmaze: TvmazeShow | undefined): boolean {
  const { reasons } = scoreCandidate(show, { siteId: sighting.siteId, year: sighting.year, kind: sighting.kind, tvmaze });
  return reasons.some((reason) => SCORE[reason] < 0);
}

/** One getEntities request for the IDs not yet known, merged into `into`. */
async function fetchInto(into: Map<string, WikidataEntity>, ids: readonly string[], show: WikidataEntity, sources: LiveSources): Promise<void> {
  const wanted = ids.filter((id) => id !== show.id && !into.has(id)).slice(0, BATCH_LIMIT);
  if (wanted.length === 0) return;
  for (const [id, entity] of await sources.wikidata.getEntities(wanted)) into.set(id, entity);
}

async function fetchSummaries(show: WikidataEntity, items: StoryItems, sources: LiveSources): Promise<Map<string, WikipediaSummary>> {
  const wanted: { entity: WikidataEntity; optional: boolean }[] = [
    ...items.works.map(({ entity }) => ({ entity, optional: false })),
    ...items.events.map(({ entity }) => ({ entity, optional: false })),
    // The show's summary only feeds the tagline, and only when Wikidata has no description.
    ...(show.descriptions.en?.trim() ? [] : [{ entity: show, optional: true }]),
  ]
    .filter(({ entity }) => entity.sitelinks.enwiki)
    .slice(0, MAX_SUMMARIES);

  const found = await Promise.all(
    wanted.map(async ({ entity, optional }) => {
      try {
        const summary = await sources.wikipedia.summary('en', entity.sitelinks.enwiki!.title);
        return summary ? ([entity.id, summary] as const) : undefined;
      } catch (error) {
        if (error instanceof SourceError && (optional || !error.retryable)) return undefined;
        throw error;
      }
    }),
  );
  return new Map(found.filter((entry) => entry !== undefined));
}

interface Reviews {
  quotes: ReviewQuote[];
  /** The request failed in a way a retry may fix (offline, timeout, 5xx, 429). */
  failedForNow: boolean;
}

/**
 * Critic quotes from the show's English article, each noting that article as where it was found.
 * Best effort: any failure means no quotes, never no story; a failure worth retrying is noted.
 */
async function fetchReviews(show: WikidataEntity, sources: LiveSources): Promise<Reviews> {
  const article = show.sitelinks.enwiki;
  if (!article) return { quotes: [], failedForNow: false };
  try {
    const quotes = await sources.wikipedia.reviews('en', article.title);
    return { quotes: quotes.map((quote) => ({ ...quote, citedBy: [...new Set([...(quote.citedBy ?? []), article.url])] })), failedForNow: false };
  } catch (error) {
    return { quotes: [], failedForNow: error instanceof SourceError && error.retryable };
  }
}
