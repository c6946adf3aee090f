/**
 * One SourceWork from a Wikidata item the show is based on (relation `basis`) or only inspired by
 * (relation `inspiration`: never presented as "based on"). Every field comes from a statement or
 * a linked label; a field Wikidata doesn't have stays empty.
 */
import type { SourceWork } from '../../model';
import type { WikidataEntity, WikipediaSummary } from '../../sources/types';
import { dates, earliest, itemIds, labelOf, strings } from './entity-values';
import { workKindOf } from './item-classes';
import { truncate } from '../../sources/parsing/clean';
import { leadingSentences } from './plain-text';
import type { SourceList } from './source-list';
import type { StoryWork } from './story-items';
import { usableSummary } from './usable-summary';
import { P } from './wikidata-ids';

/** "At most 2–3 sentences" of Wikipedia's text, within the model's 900 characters. */
const SUMMARY_SENTENCES = 3;
const SUMMARY_CHARS = 900;
const MAX_TITLE = 300;
const MAX_NAME = 120;

export interface WorkInputs {
  show: WikidataEntity;
  related: ReadonlyMap<string, WikidataEntity>;
  summaries: ReadonlyMap<string, WikipediaSummary>;
  sources: SourceList;
}

export function buildWork({ entity: work, relation }: StoryWork, { show, related, summaries, sources }: WorkInputs): SourceWork | undefined {
  const title = labelOf(work);
  const showLabel = labelOf(show);
  if (!title || !showLabel) return undefined;

  const outlet = firstLabel(work, [P.publishedIn, P.publisher], related);
  const published = earliest(dates(work, P.publicationDate));
  const usable = usableSummary(summaries, work.id);
  const summary = usable && leadingSentences(usable.text, SUMMARY_SENTENCES, SUMMARY_CHARS);
  const wikipediaPage = summary && usable ? sources.wikipediaText(usable.summary) : undefined;

  // The show's page says "based on" or "inspired by" this work; the work's page gives its details.
  const citedBy = [sources.wikidata(show.id, showLabel), sources.wikidata(work.id, title)];
  if (wikipediaPage) citedBy.push(wikipediaPage);

  const result: SourceWork = {
    kind: workKindOf(work),
    relation,
    title: truncate(title, MAX_TITLE),
    authors: authorsOf(work, related),
    citedBy,
  };
  if (outlet) result.outlet = outlet;
  if (published) result.published = published;
  const url = fullWorkUrl(work, title, outlet, sources) ?? wikipediaPage ?? sources.sitelinkPage(work);
  if (url) result.url = url;
  if (summary && wikipediaPage) result.summary = summary;
  return result;
}

/** Authors as items (P50, by label) and as plain names (P2093), without repeats. */
function authorsOf(work: WikidataEntity, related: ReadonlyMap<string, WikidataEntity>): string[] {
  const linked = itemIds(work, P.author).flatMap((qid) => {
    const author = related.get(qid);
    const label = author ? labelOf(author) : undefined;
    return label ? [label] : [];
  });
  const named = strings(work, P.authorNameString);
  return [...new Set([...linked, ...named])].filter((name) => name.length <= MAX_NAME);
}

/** The label of the first linked item that has one, trying the properties in order. */
export function firstLabel(entity: WikidataEntity, properties: readonly string[], related: ReadonlyMap<string, WikidataEntity>): string | undefined {
  for (const property of properties) {
    for (const qid of itemIds(entity, property)) {
      const linked = related.get(qid);
      const label = linked ? labelOf(linked) : undefined;
      if (label && label.length <= MAX_NAME) return label;
    }
  }
  return undefined;
}

/** P953, the work itself online, listed under its outlet and title. */
function fullWorkUrl(work: WikidataEntity, title: string, outlet: string | undefined, sources: SourceList): string | undefined {
  for (const url of strings(work, P.fullWorkUrl)) {
    const listed = sources.add(url, outlet ? `${outlet}: ${title}` : title);
    if (listed) return listed;
  }
  return undefined;
}
