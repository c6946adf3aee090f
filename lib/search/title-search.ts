import { t } from '../i18n/t';
import type { TitleHit, TitleQuery, TitleSearchResult } from '../messaging';
import type { ShowContext, Sighting } from '../model';
import { watchlistEntryFor } from '../db/watchlist';
import type { Resolver } from '../resolve/resolver';
import { matchTitles } from './match-titles';

/** Most hits one search returns: the popup shows them all, so a short list. */
export const MAX_HITS = 20;

export interface TitleSearchDeps {
  pack: readonly ShowContext[];
  /** Every show the live sources found before, already checked against the schema (lib/search/cached-shows.ts). */
  cachedShows(): Promise<ShowContext[]>;
  resolver: Pick<Resolver, 'resolve'>;
  /** The viewer's setting and the browser's permission: whether a live lookup may run at all. */
  liveAllowed(): Promise<boolean>;
}

/**
 * Any title the viewer types: the curated pack and the cached live shows answer at once; with
 * `live`, one live lookup of the text as a title, held to the same rules as a title on a page.
 * Without a year ("Paper Harbor 2021") a live match rarely clears the bar, and then nothing is
 * added rather than a guess.
 */
export function createTitleSearch(deps: TitleSearchDeps) {
  async function known(text: string): Promise<{ hits: TitleHit[]; storageFailed: boolean }> {
    // "Somos 2021" looks for "Somos" from about that year.
    const { title = text, year } = sightingOf(text);
    const fromYear = (context: ShowContext) => year === undefined || context.year === undefined || Math.abs(context.year - year) <= 1;
    const fromPack = matchTitles(deps.pack.filter(fromYear), title, MAX_HITS).map((context) => hitOf(context, 'pack'));
    let cached: ShowContext[] = [];
    let storageFailed = false;
    try {
      cached = await deps.cachedShows();
    } catch {
      storageFailed = true;
    }
    const packKeys = new Set(deps.pack.map((entry) => entry.key));
    const fromCache = matchTitles(
      cached.filter((context) => !packKeys.has(context.key) && fromYear(context)),
      title,
      MAX_HITS,
    ).map((context) => hitOf(context, 'cache'));
    return { hits: [...fromPack, ...fromCache].slice(0, MAX_HITS), storageFailed };
  }

  return {
    async search(query: TitleQuery): Promise<TitleSearchResult> {
      const { hits, storageFailed } = await known(query.text);
      if (!query.live || !(await deps.liveAllowed())) {
        return storageFailed && hits.length === 0 ? { ok: false, message: t('popup_error_search_storage') } : { ok: true, hits };
      }
      const resolution = await deps.resolver.resolve(sightingOf(query.text));
      if (resolution.status === 'error') return { ok: false, message: resolution.message };
      if (resolution.status === 'none' || hits.some((hit) => hit.key === resolution.context.key)) return { ok: true, hits };
      const from = resolution.context.key.startsWith('pack:') ? 'pack' : 'live';
      return { ok: true, hits: [...hits, hitOf(resolution.context, from)].slice(0, MAX_HITS + 1) };
    },
  };
}
export type TitleSearch = ReturnType<typeof createTitleSearch>;

const TRAILING_YEAR = /^(.*\S)\s+\(?((?:18|19|20)\d{2})\)?$/;

/** The text as a page would have shown it: a title, and a year when the text ends with one. */
export function sightingOf(text: string): Sighting {
  const trimmed = text.trim();
  const withYear = TRAILING_YEAR.exec(trimmed);
  const year = withYear ? Number(withYear[2]) : undefined;
  if (withYear && year! >= 1880 && year! <= 2100) return { site: 'netflix', surface: 'detail', title: withYear[1]!, year };
  return { site: 'netflix', surface: 'detail', title: trimmed };
}

function hitOf(context: ShowContext, from: TitleHit['from']): TitleHit {
  // The same words the watchlist keeps for the story at a glance.
  const { basedOn, inspiredBy } = watchlistEntryFor(context, undefined, 0);
  return {
    key: context.key,
    title: context.title,
    kind: context.kind,
    from,
    ...(context.year === undefined ? {} : { year: context.year }),
    ...(basedOn === undefined ? {} : { basedOn }),
    ...(inspiredBy === undefined ? {} : { inspiredBy }),
  };
}
