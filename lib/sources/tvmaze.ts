/**
 * The TVmaze client: fuzzy show search. Reads the 2017 and the current (2026) show shapes; any
 * field may be null or missing. A result whose show has no usable ID or name is dropped, the rest
 * kept; only an answer that is not a list at all is an error. Scores are passed through as they
 * are: their scale changed over the years (tens in 2017, below 1 now), so never compare them with
 * a fixed threshold.
 */
import { z } from 'zod';
import type { HttpClient, TvmazeClient, TvmazeShow } from './types';
import { MAX_LABEL_CHARS, partialDateOf, plainText, webUrl, webUrlOnHost } from './parsing/clean';
import { malformed } from './parsing/errors';

export const TVMAZE_API = 'https://api.tvmaze.com';
const MAX_QUERY_CHARS = 200;
const MAX_RESULTS = 50;

const optional = <T extends z.ZodType>(schema: T) => schema.nullish().catch(undefined);
const PositiveId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

const ChannelSchema = z.object({ id: PositiveId, name: z.string() });

const ShowSchema = z.object({
  id: PositiveId,
  url: optional(z.string()),
  name: z.string(),
  type: optional(z.string()),
  language: optional(z.string()),
  premiered: optional(z.string()),
  ended: optional(z.string()),
  officialSite: optional(z.string()),
  network: optional(ChannelSchema),
  webChannel: optional(ChannelSchema),
  externals: optional(z.object({ imdb: optional(z.string()), thetvdb: optional(PositiveId) })),
});

const ResultSchema = z.object({ score: z.number().finite(), show: z.unknown() });

export function searchShowsUrl(query: string): string {
  return `${TVMAZE_API}/search/shows?q=${encodeURIComponent(query)}`;
}

function channel(raw: { id: number; name: string } | null | undefined): { id: number; name: string } | undefined {
  if (!raw) return undefined;
  const name = plainText(raw.name, 120);
  return name ? { id: raw.id, name } : undefined;
}

/** One show object (from search, singlesearch, lookup or /shows/:id), or undefined if unusable. */
export function parseShow(raw: unknown): TvmazeShow | undefined {
  const parsed = ShowSchema.safeParse(raw);
  if (!parsed.success) return undefined;
  const data = parsed.data;
  const name = plainText(data.name, MAX_LABEL_CHARS);
  if (!name) return undefined;
  const show: TvmazeShow = {
    id: data.id,
    // TVmaze's own page for the show; a link elsewhere is replaced by the canonical one.
    url: webUrlOnHost(data.url, 'tvmaze.com') ?? `https://www.tvmaze.com/shows/${data.id}`,
    name,
    externals: {},
  };
  const type = plainText(data.type, 60);
  if (type) show.type = type;
  const language = plainText(data.language, 60);
  if (language) show.language = language;
  const premiered = partialDateOf(data.premiered);
  if (premiered) show.premiered = premiered;
  const ended = partialDateOf(data.ended);
  if (ended) show.ended = ended;
  const officialSite = webUrl(data.officialSite);
  if (officialSite) show.officialSite = officialSite;
  const webChannel = channel(data.webChannel);
  if (webChannel) show.webChannel = webChannel;
  const network = channel(data.network);
  if (network) show.network = network;
  const imdb = data.externals?.imdb;
  if (imdb && /^tt\d{1,12}$/.test(imdb)) show.externals.imdb = imdb;
  const thetvdb = data.externals?.thetvdb;
  if (thetvdb) show.externals.thetvdb = thetvdb;
  return show;
}

/** A `/search/shows` answer → `{score, show}` in TVmaze's order; malformed entries dropped. */
export function parseSearchShows(json: unknown): { score: number; show: TvmazeShow }[] {
  const list = z.array(z.unknown()).safeParse(json);
  if (!list.success) throw malformed('TVmaze', 'search results');
  const out: { score: number; show: TvmazeShow }[] = [];
  for (const entry of list.data.slice(0, MAX_RESULTS)) {
    const result = ResultSchema.safeParse(entry);
    if (!result.success) continue;
    const show = parseShow(result.data.show);
    if (show) out.push({ score: result.data.score, show });
  }
  return out;
}

export function createTvmazeClient(http: HttpClient): TvmazeClient {
  return {
    async searchShows(query) {
      const q = query.replace(/[\u0000-\u001f\u007f]/g, ' ').replace(/\s+/g, ' ').trim().slice(0, MAX_QUERY_CHARS);
      if (!q) return [];
      return parseSearchShows(await http.getJson(searchShowsUrl(q)));
    },
  };
}
