/**
 * Which TVmaze search result, if any, is the Netflix show on the page. TVmaze's search is fuzzy
 * and its scores are not comparable over time, so we ignore them and keep only results that agree
 * with the page: on Netflix, premiered within a year of the page's year, and named exactly the
 * same once normalised. An official site pointing at this very Netflix title wins outright.
 *
 * The name is never enough on its own: without a year on the page there is nothing to tell a
 * film "Dark" from the series "Dark", so only the official site can tie a TVmaze show to it.
 */
import type { Sighting } from '../../model';
import type { TvmazeShow } from '../../sources/types';
import { normalizeTitle } from '../normalize-title';
import { yearOfDate } from './entity-values';

/** TVmaze's web channel ID for Netflix. */
export const TVMAZE_NETFLIX = 1;

const YEAR_TOLERANCE = 1;

export type TvmazePick =
  | { show: TvmazeShow; via: 'official-site' | 'name' }
  /** `no-year`: no official site names this title, and the page gave no year to go by the name. */
  | { show: null; reason: 'no-candidate' | 'no-year' | 'ambiguous' };

export function pickTvmazeShow(results: readonly { show: TvmazeShow }[], sighting: Sighting): TvmazePick {
  const { siteId } = sighting;
  const shows = results.map((result) => result.show);

  if (siteId) {
    const exact = shows.find((show) => netflixIdOfUrl(show.officialSite) === siteId);
    if (exact) return { show: exact, via: 'official-site' };
  }
  const wanted = sighting.title ? normalizeTitle(sighting.title) : '';
  if (!wanted) return { show: null, reason: 'no-candidate' };
  const year = sighting.year;
  if (year === undefined) return { show: null, reason: 'no-year' };

  const fitting = shows.filter((show) => {
    const linkedId = netflixIdOfUrl(show.officialSite);
    // The official site names another Netflix title: this is a different show.
    if (siteId && linkedId !== undefined && linkedId !== siteId) return false;
    if (show.webChannel?.id !== TVMAZE_NETFLIX) return false;
    if (!show.premiered || Math.abs(yearOfDate(show.premiered) - year) > YEAR_TOLERANCE) return false;
    return normalizeTitle(show.name) === wanted;
  });
  if (fitting.length === 0) return { show: null, reason: 'no-candidate' };
  if (fitting.length > 1) return { show: null, reason: 'ambiguous' };
  return { show: fitting[0]!, via: 'name' };
}

/**
 * The Netflix title ID in a netflix.com title URL: "https://www.netflix.com/title/80987903",
 * also with a locale ("/gb/title/…", "/es-en/title/…"), a trailing slash or a query.
 */
export function netflixIdOfUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (!/^https?:$/.test(parsed.protocol)) return undefined;
  if (parsed.hostname !== 'netflix.com' && !parsed.hostname.endsWith('.netflix.com')) return undefined;
  return /^\/(?:[a-z]{2}(?:-[a-z]{2})?\/)?title\/(\d{5,10})\/?$/i.exec(parsed.pathname)?.[1];
}
