/**
 * A Wikipedia summary we may show for an item: a standard article (never a disambiguation page)
 * that is about that very item. A sitelink can lead to a redirect whose target is a broader
 * article (the author's, the town's); its text would then describe something else.
 */
import type { WikipediaSummary } from '../../sources/types';
import { MAX_EXTRACT_CHARS, plainText } from '../../sources/parsing/clean';

export interface UsableSummary {
  summary: WikipediaSummary;
  /** The extract as plain text, even if markup slipped into it. */
  text: string;
}

export function usableSummary(summaries: ReadonlyMap<string, WikipediaSummary>, qid: string): UsableSummary | undefined {
  const summary = summaries.get(qid);
  if (!summary || summary.type !== 'standard') return undefined;
  if (summary.wikibaseItem !== undefined && summary.wikibaseItem !== qid) return undefined;
  const text = plainText(summary.extract, MAX_EXTRACT_CHARS) ?? '';
  return text ? { summary, text } : undefined;
}
