/**
 * The Wikipedia client: REST page summaries, and critic quotes from an article's reception section
 * (Action API `parse`: the section list, then that section's wikitext, then reception.ts).
 *
 * Text is always the plain `extract`, never `extract_html`, and is cleaned again anyway: tags,
 * control characters and absurd lengths never get through. Links must be web URLs.
 */
import { z } from 'zod';
import type { ReviewQuote } from '../model';
import { SourceError, type HttpClient, type WikipediaClient, type WikipediaSummary } from './types';
import { MAX_DESCRIPTION_CHARS, MAX_EXTRACT_CHARS, MAX_LABEL_CHARS, plainText, webUrlOnHost } from './parsing/clean';
import { malformed } from './parsing/errors';
import { actionApiUrl, apiError, apiErrorCode, NOTHING_THERE } from './parsing/mediawiki';
import { extractReviewQuotes, headingKind, normaliseHeading } from './reception';

/** Wikipedia language codes: "en", "es", "zh-min-nan", "simple". */
const LANG = /^[a-z]{2,3}(?:-[a-z]{2,8}){0,2}$|^simple$/;
const MAX_TITLE_CHARS = 255;

const SUMMARY_TYPES = new Set<WikipediaSummary['type']>(['standard', 'disambiguation', 'mainpage', 'no-extract']);

const optional = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);

const SummaryResponseSchema = z.object({
  type: z.string(),
  title: z.string(),
  titles: optional(z.object({ normalized: optional(z.string()), canonical: optional(z.string()) })),
  extract: optional(z.string()),
  description: optional(z.string()),
  wikibase_item: optional(z.string()),
  coordinates: optional(z.object({ lat: z.number().min(-90).max(90), lon: z.number().min(-180).max(180) })),
  content_urls: optional(z.object({ desktop: z.object({ page: z.string() }) })),
});

const SectionsResponseSchema = z.object({
  parse: z.object({ title: optional(z.string()), sections: z.array(z.unknown()) }),
});
const SectionSchema = z.object({
  line: z.string(),
  index: z.union([z.string(), z.number()]),
  level: optional(z.union([z.string(), z.number()])),
});
const WikitextResponseSchema = z.object({
  parse: z.object({ wikitext: z.union([z.string(), z.object({ '*': z.string() })]) }),
});

export function isWikipediaLang(lang: string): boolean {
  return LANG.test(lang);
}

function cleanTitle(title: string): string | undefined {
  const text = title.replace(/_/g, ' ').replace(/\s+/g, ' ').trim();
  return text && text.length <= MAX_TITLE_CHARS && !/[<>[\]{}|#\u0000-\u001f]/.test(text) ? text : undefined;
}

/** "Fermat's Last Theorem" → "Fermat's_Last_Theorem" → percent-encoded for a path segment. */
function pathTitle(title: string): string {
  return encodeURIComponent(title.replace(/ /g, '_'));
}

export function summaryUrl(lang: string, title: string): string {
  return `https://${lang}.wikipedia.org/api/rest_v1/page/summary/${pathTitle(title)}`;
}

function actionApi(lang: string): string {
  return `https://${lang}.wikipedia.org/w/api.php`;
}

export function sectionsUrl(lang: string, title: string): string {
  return actionApiUrl(actionApi(lang), { action: 'parse', page: title, prop: 'sections', redirects: '1' });
}

export function sectionWikitextUrl(lang: string, title: string, index: string): string {
  return actionApiUrl(actionApi(lang), { action: 'parse', page: title, section: index, prop: 'wikitext' });
}

export function articleUrl(lang: string, title: string): string {
  return `https://${lang}.wikipedia.org/wiki/${pathTitle(title)}`;
}

/** A REST summary → WikipediaSummary; throws SourceError 'malformed' when it is not one. */
export function parseSummary(lang: string, json: unknown): WikipediaSummary {
  const parsed = SummaryResponseSchema.safeParse(json);
  if (!parsed.success) throw malformed('Wikipedia', 'page summary');
  const data = parsed.data;
  const title = plainText(data.titles?.normalized ?? data.title.replace(/_/g, ' '), MAX_LABEL_CHARS);
  if (!title) throw malformed('Wikipedia', 'page summary without a title');
  // An unknown type is treated as unusable, like a page without an extract.
  const type = SUMMARY_TYPES.has(data.type as WikipediaSummary['type']) ? (data.type as WikipediaSummary['type']) : 'no-extract';
  const summary: WikipediaSummary = {
    lang,
    title,
    type,
    extract: plainText(data.extract, MAX_EXTRACT_CHARS) ?? '',
    // Only a link to this very Wikipedia; anything else is rebuilt from the title.
    url: webUrlOnHost(data.content_urls?.desktop.page, `${lang}.wikipedia.org`) ?? articleUrl(lang, title),
  };
  const description = plainText(data.description, MAX_DESCRIPTION_CHARS);
  if (description) summary.description = description;
  if (data.wikibase_item && /^Q[1-9]\d{0,11}$/.test(data.wikibase_item)) summary.wikibaseItem = data.wikibase_item;
  if (data.coordinates) summary.coordinates = { lat: data.coordinates.lat, lon: data.coordinates.lon };
  return summary;
}

/**
 * The section to read quotes from: a specific "Critical response"-like heading if there is one,
 * else a general "Reception"-like one; the first in the article among equals. Undefined if none.
 * The headings are reception.ts's, which also decides which sub-sections of the answer to read
 * (a general "Reception" brings "Viewership", "Controversy", "Accolades"… along).
 */
export function pickReceptionSection(sections: readonly unknown[]): { index: string; line: string } | undefined {
  let best: { index: string; line: string; rank: number } | undefined;
  for (const raw of sections) {
    const parsed = SectionSchema.safeParse(raw);
    if (!parsed.success) continue;
    const index = String(parsed.data.index);
    // Transcluded sections ("T-1") live on another page: the section number would be wrong.
    if (!/^[1-9]\d{0,3}$/.test(index)) continue;
    const heading = normaliseHeading(parsed.data.line);
    const kind = headingKind(heading);
    const rank = kind === 'critic' ? 2 : kind === 'general' ? 1 : 0;
    if (rank > 0 && (!best || rank > best.rank)) best = { index, line: heading, rank };
  }
  return best && { index: best.index, line: best.line };
}

function checkApiError(json: unknown): 'nothing' | undefined {
  const code = apiErrorCode(json);
  if (code === undefined) return undefined;
  if (NOTHING_THERE.has(code)) return 'nothing';
  throw apiError('Wikipedia', code);
}

export function createWikipediaClient(http: HttpClient): WikipediaClient {
  return {
    async summary(lang, title) {
      const page = cleanTitle(title);
      if (!isWikipediaLang(lang) || !page) return null;
      let json: unknown;
      try {
        json = await http.getJson(summaryUrl(lang, page));
      } catch (err) {
        if (err instanceof SourceError && err.failure === 'not-found') return null;
        throw err;
      }
      return parseSummary(lang, json);
    },

    async reviews(lang, title): Promise<ReviewQuote[]> {
      const page = cleanTitle(title);
      if (!isWikipediaLang(lang) || !page) return [];
      const sectionsJson = await http.getJson(sectionsUrl(lang, page));
      if (checkApiError(sectionsJson) === 'nothing') return [];
      const sections = SectionsResponseSchema.safeParse(sectionsJson);
      if (!sections.success) throw malformed('Wikipedia', 'section list');
      const section = pickReceptionSection(sections.data.parse.sections);
      if (!section) return [];
      // After a redirect the API names the page it followed; ask for that page's section.
      const resolved = (sections.data.parse.title && cleanTitle(sections.data.parse.title)) || page;
      const wikitextJson = await http.getJson(sectionWikitextUrl(lang, resolved, section.index));
      if (checkApiError(wikitextJson) === 'nothing') return [];
      const wikitext = WikitextResponseSchema.safeParse(wikitextJson);
      if (!wikitext.success) throw malformed('Wikipedia', 'section wikitext');
      const text = typeof wikitext.data.parse.wikitext === 'string' ? wikitext.data.parse.wikitext : wikitext.data.parse.wikitext['*'];
      return extractReviewQuotes(text, { citedBy: articleUrl(lang, resolved) });
    },
  };
}
