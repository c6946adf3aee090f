/**
 * The shapes every part of Backstory agrees on: what a site adapter saw (Sighting), what we know
 * about a show (ShowContext), and what resolving a sighting gave (Resolution).
 *
 * Schemas live next to their types so that untrusted input (messages, the pack, later API
 * responses) is parsed by the same definition the code is typed against. The always-on content
 * script imports types only from here (type imports are erased), so zod never ships in it.
 */
import { z } from 'zod';

// Extension pages forbid eval (MV3 CSP): tell zod not to probe for it or try to compile parsers.
z.config({ jitless: true });

/** A date as precise as the source allows: "2017", "2017-06" or "2011-03-18". */
export const PartialDateSchema = z
  .string()
  .regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, 'expected YYYY, YYYY-MM or YYYY-MM-DD');
export type PartialDate = z.infer<typeof PartialDateSchema>;

/** Only web links: a javascript: or data: URL from any source must never reach an href. */
export const WebUrlSchema = z.url({ protocol: /^https?$/, hostname: z.regexes.domain });
export type WebUrl = z.infer<typeof WebUrlSchema>;

const Text = (max: number) => z.string().trim().min(1).max(max);

/**
 * Our own prose in Spanish, beside the English it translates (curated pack only). Only what we
 * wrote: quotes stay as they were said, titles and names as they were published.
 */
function spanish<Shape extends z.ZodRawShape>(shape: Shape) {
  return z.object(shape).partial().optional();
}

export const SiteSchema = z.enum(['netflix']);
export type Site = z.infer<typeof SiteSchema>;

/** Series and miniseries are both "series" to a streaming page; the model keeps them apart. */
export const ShowKindSchema = z.enum(['series', 'miniseries', 'film']);
export type ShowKind = z.infer<typeof ShowKindSchema>;

export const SurfaceSchema = z.enum(['detail', 'mini', 'title-page', 'watch', 'card']);
export type Surface = z.infer<typeof SurfaceSchema>;

const SiteIdSchema = z.string().regex(/^\d{5,10}$/);

/**
 * One title seen on a page. `siteId` is only ever a show or film ID; a `/watch/` ID that may be an
 * episode goes in `playableId` and is never used to identify the show.
 */
export const SightingSchema = z.object({
  site: SiteSchema,
  surface: SurfaceSchema,
  siteId: SiteIdSchema.optional(),
  playableId: SiteIdSchema.optional(),
  title: Text(300).optional(),
  year: z.number().int().min(1880).max(2100).optional(),
  kind: ShowKindSchema.optional(),
});
export type Sighting = z.infer<typeof SightingSchema>;

export const SourceRefSchema = z.object({
  name: Text(120),
  url: WebUrlSchema,
  /** When we last checked the page (curated pack) or fetched it (live sources). */
  retrieved: PartialDateSchema.optional(),
  /** The text's licence where it obliges us to say so, e.g. "CC BY-SA 4.0" for Wikipedia. */
  license: Text(40).optional(),
  /** Where the name is partly ours ("Wikipedia (Spanish): …"), its Spanish; a title in it stays as published. */
  es: spanish({ name: Text(120) }),
});
export type SourceRef = z.infer<typeof SourceRefSchema>;

/** URLs that support a fact; each must also be listed, with a name, in ShowContext.sources. */
const CitedBy = z.array(WebUrlSchema).min(1);

export const SourceWorkSchema = z.object({
  kind: z.enum(['article', 'book', 'podcast', 'documentary', 'other']),
  /** `basis`: the show is based on it. `companion`: grew out of the same work (a podcast, a book). */
  // `inspiration`: the show is only inspired by it (Wikidata P941), never shown as "based on".
  relation: z.enum(['basis', 'companion', 'inspiration']),
  title: Text(300),
  aliases: z.array(Text(300)).optional(),
  authors: z.array(Text(120)),
  outlet: Text(120).optional(),
  copublishers: z.array(Text(120)).optional(),
  published: PartialDateSchema.optional(),
  url: WebUrlSchema.optional(),
  /** In our own words (pack) or a short extract with attribution (live). */
  summary: Text(900).optional(),
  citedBy: CitedBy,
  es: spanish({ summary: Text(900) }),
});
export type SourceWork = z.infer<typeof SourceWorkSchema>;

/** One party's figure in a disputed count, with who says it and where. */
export const FigureClaimSchema = z.object({
  figure: Text(120),
  low: z.number().nonnegative(),
  high: z.number().nonnegative(),
  who: Text(300),
  when: Text(60).optional(),
  url: WebUrlSchema,
  es: spanish({ figure: Text(120), who: Text(300), when: Text(60) }),
});
export type FigureClaim = z.infer<typeof FigureClaimSchema>;

export const DisputedFigureSchema = z.object({
  label: Text(120),
  low: z.number().nonnegative(),
  high: z.number().nonnegative(),
  summary: Text(400),
  claims: z.array(FigureClaimSchema).min(2),
  es: spanish({ label: Text(120), summary: Text(400) }),
});
export type DisputedFigure = z.infer<typeof DisputedFigureSchema>;

export const PlaceSchema = z.object({
  name: Text(200),
  region: Text(120).optional(),
  country: Text(120).optional(),
  lat: z.number().min(-90).max(90).optional(),
  lon: z.number().min(-180).max(180).optional(),
  citedBy: CitedBy,
  es: spanish({ name: Text(200), region: Text(120), country: Text(120) }),
});
export type Place = z.infer<typeof PlaceSchema>;

export const RealEventSchema = z.object({
  name: Text(200),
  start: PartialDateSchema.optional(),
  end: PartialDateSchema.optional(),
  place: PlaceSchema.optional(),
  summary: Text(1200).optional(),
  url: WebUrlSchema.optional(),
  figures: z.array(DisputedFigureSchema).optional(),
  citedBy: CitedBy,
  es: spanish({ name: Text(200), summary: Text(1200) }),
});
export type RealEvent = z.infer<typeof RealEventSchema>;

export const ReviewQuoteSchema = z.object({
  outlet: Text(120),
  url: WebUrlSchema,
  critic: Text(120).optional(),
  /** Short by design: a quote longer than a couple of sentences is not fair use. */
  quote: Text(300).optional(),
  published: PartialDateSchema.optional(),
  rating: Text(40).optional(),
  /** Where the attribution or quote was confirmed, when that is not the review itself. */
  citedBy: z.array(WebUrlSchema).optional(),
});
export type ReviewQuote = z.infer<typeof ReviewQuoteSchema>;

export const ScoreSchema = z.object({ by: Text(80), value: Text(40), url: WebUrlSchema.optional() });
export type Score = z.infer<typeof ScoreSchema>;

export const ShowIdsSchema = z.object({
  netflix: z.array(SiteIdSchema).optional(),
  wikidata: z.string().regex(/^Q\d+$/).optional(),
  imdb: z.string().regex(/^tt\d+$/).optional(),
  tvmaze: z.number().int().positive().optional(),
});

export const ShowKeySchema = z.string().regex(/^(wd:Q\d+|pack:[a-z0-9-]+)$/);
export type ShowKey = z.infer<typeof ShowKeySchema>;

export const ShowContextSchema = z.object({
  key: ShowKeySchema,
  title: Text(300),
  originalTitle: Text(300).optional(),
  /** Other names the show goes by (translations, without punctuation); used for matching. */
  aliases: z.array(Text(300)).optional(),
  year: z.number().int().min(1880).max(2100).optional(),
  premiered: PartialDateSchema.optional(),
  kind: ShowKindSchema,
  /** Where the show streams, e.g. ["netflix"]; a title seen elsewhere needs stronger evidence. */
  platforms: z.array(SiteSchema).optional(),
  ids: ShowIdsSchema,
  /** One line in our words, for the popup and the collapsed panel. */
  tagline: Text(200).optional(),
  es: spanish({ tagline: Text(200) }),
  basedOn: z.array(SourceWorkSchema),
  events: z.array(RealEventSchema),
  reviews: z.array(ReviewQuoteSchema),
  scores: z.array(ScoreSchema).optional(),
  sources: z.array(SourceRefSchema).min(1),
});
export type ShowContext = z.infer<typeof ShowContextSchema>;

/** Why a context can't be saved right now; the panel says so instead of failing silently. */
export type StorageState = 'ok' | 'unavailable';

export type Resolution =
  | { status: 'found'; context: ShowContext; saved: boolean; storage: StorageState }
  | { status: 'none' }
  /** A live lookup failed; `retryable` when trying again later may work (offline, 5xx, 429). */
  | { status: 'error'; message: string; retryable?: boolean };
