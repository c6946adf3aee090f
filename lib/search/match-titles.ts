import type { ShowContext } from '../model';
import { normalizeTitle } from '../resolve/normalize-title';

/** How well a title fits what was typed: the whole title, its beginning, or the beginning of one of its words. */
export type TitleFit = 'exact' | 'prefix' | 'word';
const FIT_RANK: Record<TitleFit, number> = { exact: 0, prefix: 1, word: 2 };

/**
 * The fit of one title to a normalised query, if any. Matching whole words only from their start
 * keeps "mos" from finding "Somos." while "somos" and "mas" (in "Las hermanas …") still find theirs.
 */
export function fitOf(title: string, query: string): TitleFit | undefined {
  const normal = normalizeTitle(title);
  if (!normal || !query) return undefined;
  if (normal === query) return 'exact';
  if (normal.startsWith(query)) return 'prefix';
  if (` ${normal}`.includes(` ${query}`)) return 'word';
  return undefined;
}

/** The best fit of a show's title or original title. */
export function showFit(context: Pick<ShowContext, 'title' | 'originalTitle'>, query: string): TitleFit | undefined {
  const fits = [context.title, context.originalTitle]
    .filter((title): title is string => Boolean(title))
    .map((title) => fitOf(title, query))
    .filter((fit): fit is TitleFit => fit !== undefined);
  return fits.sort((a, b) => FIT_RANK[a] - FIT_RANK[b])[0];
}

/** Shows that fit the query, best fit first, then by title; at most `limit`. */
export function matchTitles<T extends Pick<ShowContext, 'title' | 'originalTitle'>>(shows: readonly T[], text: string, limit: number): T[] {
  const query = normalizeTitle(text);
  if (!query) return [];
  return shows
    .map((show) => ({ show, fit: showFit(show, query) }))
    .filter((scored): scored is { show: T; fit: TitleFit } => scored.fit !== undefined)
    .sort((a, b) => FIT_RANK[a.fit] - FIT_RANK[b.fit] || a.show.title.localeCompare(b.show.title))
    .slice(0, limit)
    .map(({ show }) => show);
}
