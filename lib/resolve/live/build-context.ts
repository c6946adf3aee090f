/**
 * A ShowContext from what the live sources said about a show: the show's Wikidata item, the items
 * it links to, Wikipedia summaries of those items, critic quotes from the show's article, and the
 * TVmaze show when it is the same show by ID. Pure: no requests, the same inputs give the same
 * context.
 *
 * Every fact cites the pages it came from (the Wikidata item at least) and every cited page is in
 * `sources` with a name; Wikipedia text carries its licence. A show with neither a work behind it
 * nor a real event gets no context at all: the panel shows nothing rather than a story-less card.
 */
import { ReviewQuoteSchema, type PartialDate, type ReviewQuote, type ShowContext, type ShowKind } from '../../model';
import type { TvmazeShow, WikidataEntity, WikipediaSummary } from '../../sources/types';
import { normalizeTitle } from '../normalize-title';
import { buildEvent } from './build-events';
import { buildScores } from './build-scores';
import { buildWork } from './build-works';
import { dates, earliest, hasItem, labelOf, strings, values, yearOfDate } from './entity-values';
import { showKindOf } from './item-classes';
import { TVMAZE_NETFLIX } from './pick-tvmaze-show';
import { truncate } from '../../sources/parsing/clean';
import { leadingSentences } from './plain-text';
import { SourceList } from './source-list';
import { storyItems } from './story-items';
import { usableSummary } from './usable-summary';
import { NETFLIX, P } from './wikidata-ids';

export interface ContextExtras {
  /** Wikipedia summaries by QID (the show's, the works', the events'). */
  summaries: ReadonlyMap<string, WikipediaSummary>;
  /** Critic quotes, as found in the show's Wikipedia article. */
  reviews: readonly ReviewQuote[];
  /** The TVmaze show, only when it is known by ID to be this show. */
  tvmaze?: TvmazeShow;
  /** When the data was fetched: the `retrieved` date of the sources we read. */
  retrieved: PartialDate;
  /**
   * The kind the streaming page showed. Used only when P31 names no class we know: it is what
   * the page says, not a guess, and the model needs a kind.
   */
  seenAs?: ShowKind;
}

const MAX_TITLE = 300;
const MAX_TAGLINE = 200;

export function buildContext(show: WikidataEntity, related: ReadonlyMap<string, WikidataEntity>, extras: ContextExtras): ShowContext | null {
  const label = labelOf(show);
  const kind = showKindOf(show) ?? extras.seenAs ?? (extras.tvmaze ? 'series' : undefined);
  if (!label || !kind) return null;

  const sources = new SourceList(extras.retrieved);
  sources.wikidata(show.id, label);

  const items = storyItems(show, related);
  const basedOn = items.works.flatMap((work) => buildWork(work, { show, related, summaries: extras.summaries, sources }) ?? []);
  const linkers = new Map([show, ...items.works.map(({ entity }) => entity)].map((entity) => [entity.id, entity]));
  const events = items.events.flatMap((event) => buildEvent(event, { linkers, related, summaries: extras.summaries, sources }) ?? []);
  if (basedOn.length === 0 && events.length === 0) return null;

  const context: ShowContext = {
    key: `wd:${show.id}`,
    title: truncate(label, MAX_TITLE),
    kind,
    ids: idsOf(show, extras.tvmaze),
    basedOn,
    events,
    reviews: reviewsOf(show, extras.reviews, sources),
    sources: [],
  };

  const originalTitle = originalTitleOf(show, label);
  if (originalTitle) context.originalTitle = originalTitle;
  const premiered = earliest([...dates(show, P.startTime), ...dates(show, P.publicationDate)]);
  const year = premiered ? yearOfDate(premiered) : undefined;
  if (premiered && year !== undefined && year >= 1880 && year <= 2100) {
    context.premiered = premiered;
    context.year = year;
  }
  if (isOnNetflix(show, extras.tvmaze)) context.platforms = ['netflix'];
  const tagline = taglineOf(show, extras.summaries, sources);
  if (tagline) context.tagline = tagline;
  const scores = buildScores(show, sources);
  if (scores.length > 0) context.scores = scores;
  if (extras.tvmaze) sources.add(extras.tvmaze.url, `TVmaze: ${extras.tvmaze.name}`, { fetched: true });

  context.sources = sources.list();
  return context;
}

/**
 * The title in the show's original language when it is not the display title: P1476 (title, in
 * its language) first, else the Spanish label. Compared normalised, so "Somos." and "Somos" are
 * the same title, not two.
 */
function originalTitleOf(show: WikidataEntity, title: string): string | undefined {
  const candidates = [...strings(show, P.title), show.labels.es?.trim()];
  const found = candidates.find((candidate) => candidate && normalizeTitle(candidate) !== normalizeTitle(title));
  return found ? truncate(found, MAX_TITLE) : undefined;
}

function idsOf(show: WikidataEntity, tvmaze: TvmazeShow | undefined): ShowContext['ids'] {
  const ids: ShowContext['ids'] = { wikidata: show.id };
  const netflix = strings(show, P.netflixId).filter((id) => /^\d{5,10}$/.test(id));
  if (netflix.length > 0) ids.netflix = netflix;
  const imdb = strings(show, P.imdbId).find((id) => /^tt\d+$/.test(id));
  if (imdb) ids.imdb = imdb;
  const tvmazeId = strings(show, P.tvmazeId).map(Number).find((id) => Number.isSafeInteger(id) && id > 0) ?? tvmaze?.id;
  if (tvmazeId !== undefined) ids.tvmaze = tvmazeId;
  return ids;
}

function isOnNetflix(show: WikidataEntity, tvmaze: TvmazeShow | undefined): boolean {
  return (
    values(show, P.netflixId).length > 0 ||
    hasItem(show, P.originalBroadcaster, NETFLIX) ||
    hasItem(show, P.distributedBy, NETFLIX) ||
    tvmaze?.webChannel?.id === TVMAZE_NETFLIX
  );
}

/** The show's Wikidata description; failing that, the first sentence of its Wikipedia summary. */
function taglineOf(show: WikidataEntity, summaries: ReadonlyMap<string, WikipediaSummary>, sources: SourceList): string | undefined {
  const description = show.descriptions.en?.trim();
  if (description) return truncate(description, MAX_TAGLINE);
  const usable = usableSummary(summaries, show.id);
  const sentence = usable && leadingSentences(usable.text, 1, MAX_TAGLINE);
  if (!usable || !sentence || !sources.wikipediaText(usable.summary)) return undefined;
  return sentence;
}

/**
 * The quotes as given, each listed under its outlet; one the model would refuse (an overlong
 * quote, a link that is not a web URL) is left out rather than failing the whole context. A
 * quote's `citedBy` keeps only pages we can name: the show's own Wikipedia article, where the
 * quotes were found.
 */
function reviewsOf(show: WikidataEntity, reviews: readonly ReviewQuote[], sources: SourceList): ReviewQuote[] {
  const articles = new Map(
    (['enwiki', 'eswiki'] as const).flatMap((site) => {
      const link = show.sitelinks[site];
      return link ? [[link.url, { lang: site.slice(0, 2), title: link.title }] as const] : [];
    }),
  );
  return reviews.flatMap((review) => {
    if (!ReviewQuoteSchema.safeParse(review).success || !sources.add(review.url, review.outlet)) return [];
    const citedBy = (review.citedBy ?? []).filter((url) => {
      const article = articles.get(url);
      return article !== undefined && sources.wikipediaLink(article.lang, article.title, url) !== undefined;
    });
    const quote: ReviewQuote = { ...review };
    if (citedBy.length > 0) quote.citedBy = citedBy;
    else delete quote.citedBy;
    return [quote];
  });
}
