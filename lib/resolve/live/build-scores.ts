/**
 * Review scores from P444 (review score), kept only when a P447 qualifier says who gave them
 * (Rotten Tomatoes or Metacritic): a bare "93%" with no aggregator means nothing to a reader.
 * Links go to the aggregator's page via P1258/P1712; there is no API to read, only a link out.
 */
import type { Score } from '../../model';
import type { WikidataEntity, WikidataValue } from '../../sources/types';
import { strings } from './entity-values';
import type { SourceList } from './source-list';
import { METACRITIC, P, ROTTEN_TOMATOES, RT_AVERAGE, TOMATOMETER } from './wikidata-ids';

const MAX_VALUE = 40;
/** Path-like IDs only ("m/somos", "tv/somos/s01", "tv/somos"); anything else is not linked. */
const AGGREGATOR_ID = /^[a-z0-9][a-z0-9_\-/]*$/i;

interface Aggregator {
  name: string;
  idProperty: string;
  base: string;
}

const AGGREGATORS: Readonly<Record<string, Aggregator>> = {
  [ROTTEN_TOMATOES]: { name: 'Rotten Tomatoes', idProperty: P.rottenTomatoesId, base: 'https://www.rottentomatoes.com/' },
  [METACRITIC]: { name: 'Metacritic', idProperty: P.metacriticId, base: 'https://www.metacritic.com/' },
};

export function buildScores(show: WikidataEntity, sources: SourceList): Score[] {
  // One score per aggregator and method; with several, the most recent (P585 "as of") wins.
  const latest = new Map<string, { score: Score; asOf: string }>();
  for (const value of show.claims[P.reviewScore] ?? []) {
    if (value.type !== 'string') continue;
    const text = value.value.trim();
    const aggregator = aggregatorOf(value);
    if (!aggregator || !text || text.length > MAX_VALUE) continue;
    const by = labelFor(aggregator, value);
    const asOf = asOfDate(value);
    const known = latest.get(by);
    if (known && known.asOf >= asOf) continue;
    const score: Score = { by, value: text };
    const url = pageOf(show, aggregator, sources);
    if (url) score.url = url;
    latest.set(by, { score, asOf });
  }
  return [...latest.values()].map(({ score }) => score);
}

function aggregatorOf(value: WikidataValue): Aggregator | undefined {
  for (const by of value.qualifiers?.[P.reviewScoreBy] ?? []) {
    if (by.type === 'item' && AGGREGATORS[by.id]) return AGGREGATORS[by.id];
  }
  return undefined;
}

/** Rotten Tomatoes gives two figures: the Tomatometer (the headline one) and an average rating. */
function labelFor(aggregator: Aggregator, value: WikidataValue): string {
  const methods = (value.qualifiers?.[P.determinationMethod] ?? []).flatMap((method) => (method.type === 'item' ? [method.id] : []));
  if (methods.includes(RT_AVERAGE)) return `${aggregator.name} average rating`;
  if (methods.includes(TOMATOMETER)) return `${aggregator.name} Tomatometer`;
  return aggregator.name;
}

function asOfDate(value: WikidataValue): string {
  const asOf = (value.qualifiers?.[P.pointInTime] ?? []).find((date) => date.type === 'time');
  return asOf?.type === 'time' ? asOf.date : '';
}

function pageOf(show: WikidataEntity, aggregator: Aggregator, sources: SourceList): string | undefined {
  const id = strings(show, aggregator.idProperty).find((candidate) => AGGREGATOR_ID.test(candidate));
  return id ? sources.add(`${aggregator.base}${id}`, aggregator.name) : undefined;
}
