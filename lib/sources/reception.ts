/**
 * The wikitext of a Wikipedia "Reception" / "Critical response" section → short critic quotes,
 * each with the critic, outlet, review URL and date taken from the citation that backs it.
 *
 * wtf_wikipedia is used only as a parser (never wtf.fetch): to read `{{cite …}}` templates and to
 * turn wikitext into plain text. Which quote belongs to which citation is our own reading, since
 * the parser drops where each `<ref>` stood: every `<ref>` is replaced by a marker word, the
 * paragraph is turned into text, and a quote counts only if it is in the last sentence before a
 * group of refs. The rules are conservative; a quote we are not sure about is left out:
 * - `action=parse&section=N` brings the section with all its sub-sections. The section's own text
 *   is read, and under it only sub-sections with a critic heading ("Critical response",
 *   "Reviews", "Crítica"…) and what is nested in those; never "Viewership", "Controversy",
 *   "Historical accuracy", "Accolades"… (headings are read with wtf_wikipedia: title and depth);
 * - the citation must be `{{cite web}}`, `{{cite news}}` or `{{cite magazine}}` with a web URL and
 *   an outlet (work, website, newspaper, magazine or publisher); critic and date only if given;
 * - review aggregators (Rotten Tomatoes, Metacritic…) are not critics: their scores come from
 *   Wikidata P444, and their "critics consensus" is not a review;
 * - the sentence must name its citation's outlet or critic (by surname), however many refs back
 *   it, and exactly one of them when there are several: a quote from "relatives of the victims"
 *   cited to a newspaper is the newspaper reporting someone else's words, not its review;
 * - a sentence that reports speech or an interview ("told Variety", "in an interview",
 *   "according to", "dijo", "declaró", "en entrevista"…) is not a review, whoever it names;
 * - a quote longer than 300 characters or 40 words is skipped, never cut;
 * - at most one quote per review URL, at most six, in article order.
 */
import wtf from 'wtf_wikipedia';
import { ReviewQuoteSchema, type PartialDate, type ReviewQuote } from '../model';
import { partialDate, partialDateOf, plainText, webUrl } from './parsing/clean';

export const MAX_REVIEW_QUOTES = 6;
/** The same limits the curated pack holds its quotes to. */
export const MAX_QUOTE_CHARS = 300;
export const MAX_QUOTE_WORDS = 40;
const MAX_NAME_CHARS = 120;
/** A Reception section is a few kilobytes; anything past this is not read. */
const MAX_WIKITEXT_CHARS = 300_000;
/**
 * A paragraph of prose (refs already replaced by markers) is well under this; longer ones are
 * skipped, since the parser slows down quadratically on some degenerate inputs.
 */
const MAX_PARAGRAPH_CHARS = 10_000;
const MAX_REF_CHARS = 5_000;

const CITE_TYPES = new Set(['cite web', 'cite news', 'cite magazine']);
const OUTLET_PARAMS = ['work', 'website', 'newspaper', 'magazine', 'publisher'] as const;
const AGGREGATOR_NAME = /\b(rotten\s*tomatoes|metacritic|imdb|letterboxd|allocin[eé])\b/i;
const AGGREGATOR_HOST = /(^|\.)(rottentomatoes\.com|metacritic\.com|imdb\.com|letterboxd\.com|allocine\.fr)$/i;

interface Citation {
  url: string;
  outlet: string;
  critic?: string;
  published?: PartialDate;
}

/** A usable citation, and the names a sentence may use for it (outlets, critics' surnames). */
interface Candidate {
  citation: Citation;
  outlets: string[];
  surnames: string[];
}

// ---------------------------------------------------------------------------------------------
// Headings

/** Headings that mean "what critics said"; compared after normaliseHeading. */
export const CRITIC_HEADINGS: readonly string[] = [
  'critical response',
  'critical reception',
  'critical reaction',
  'reviews',
  'recepción crítica',
  'crítica',
  'respuesta crítica',
];
/** Headings over critics and much else (ratings, awards, controversy…). */
export const GENERAL_HEADINGS: readonly string[] = ['reception', 'response', 'reception and legacy', 'recepción'];
/**
 * Topics that are not reviews even nested under a critic heading ("Critical response" →
 * "Accolades"). Sub-sections such as "Season 1" or "Top ten lists" stay.
 */
const OFF_TOPIC_HEADING =
  /\b(accolades?|awards?|honou?rs|nominations?|viewership|ratings|audiences?|box office|controvers(y|ies)|accuracy|legacy|impact|commercial|premios|audiencia|polémicas?|controversias?|taquilla|legado)\b/iu;

export type HeadingKind = 'critic' | 'general' | 'other';

/** "<i>Critical</i> Response:" → "critical response". */
export function normaliseHeading(line: string): string {
  return (plainText(line, 200) ?? '').toLowerCase().replace(/[:.]+$/, '').trim();
}

/** What a heading (already normalised) is about. */
export function headingKind(heading: string): HeadingKind {
  if (CRITIC_HEADINGS.includes(heading)) return 'critic';
  if (GENERAL_HEADINGS.includes(heading)) return 'general';
  return 'other';
}

// ---------------------------------------------------------------------------------------------
// Dates

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10,
  nov: 11, november: 11, dec: 12, december: 12,
};

function monthOf(name: string): number | undefined {
  return MONTHS[name.toLowerCase().replace(/\.$/, '')];
}

/** A day/month/year exactly as written, or undefined when the parts do not make that date. */
function exactDate(year: number, month: number | undefined, day: number | undefined): PartialDate | undefined {
  if (year < 1800 || year > 2100) return undefined;
  const date = partialDate(year, month, day);
  const wantedParts = 1 + (month === undefined ? 0 : 1) + (day === undefined ? 0 : 1);
  return date !== undefined && date.split('-').length === wantedParts ? date : undefined;
}

/**
 * A citation's `date` as YYYY, YYYY-MM or YYYY-MM-DD when it is unambiguous: ISO dates, "March 3,
 * 2023", "3 March 2023", "March 2023", "2023". Numeric day/month orders ("3/4/2023"), seasons and
 * ranges are dropped rather than guessed.
 */
export function normaliseCitationDate(raw: string | undefined): PartialDate | undefined {
  if (!raw) return undefined;
  const text = raw.replace(/\s+/g, ' ').trim();
  const iso = partialDateOf(text);
  if (iso) return Number(iso.slice(0, 4)) >= 1800 && Number(iso.slice(0, 4)) <= 2100 ? iso : undefined;
  let match = /^([A-Za-z]{3,9}\.?) (\d{1,2}),? (\d{4})$/.exec(text);
  if (match) {
    const month = monthOf(match[1]!);
    return month ? exactDate(Number(match[3]), month, Number(match[2])) : undefined;
  }
  match = /^(\d{1,2}) ([A-Za-z]{3,9}\.?),? (\d{4})$/.exec(text);
  if (match) {
    const month = monthOf(match[2]!);
    return month ? exactDate(Number(match[3]), month, Number(match[1])) : undefined;
  }
  match = /^([A-Za-z]{3,9}\.?),? (\d{4})$/.exec(text);
  if (match) {
    const month = monthOf(match[1]!);
    return month ? exactDate(Number(match[2]), month, undefined) : undefined;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Citations

/** Text of a name-like field, or undefined when it is empty or too long to be a name. */
function nameText(raw: unknown): string | undefined {
  if (typeof raw !== 'string') return undefined;
  const text = plainText(raw.replace(/'{2,}/g, ''), MAX_NAME_CHARS + 1);
  return text !== undefined && text.length <= MAX_NAME_CHARS ? text : undefined;
}

function authorName(data: Record<string, unknown>, suffix: string): string | undefined {
  const author = nameText(data[`author${suffix}`]);
  if (author) return author;
  const last = nameText(data[`last${suffix}`]);
  const first = nameText(data[`first${suffix}`]);
  return last ? (first ? `${first} ${last}` : last) : undefined;
}

/** The surname a sentence would use for the author in one slot: last=, or author='s last word. */
function surnameOf(data: Record<string, unknown>, suffix: string): string | undefined {
  const last = nameText(data[`last${suffix}`]) ?? nameText(data[`surname${suffix}`]);
  if (last) return last;
  const author = nameText(data[`author${suffix}`]);
  return author?.replace(/\s*\([^)]*\)\s*$/, '').split(/\s+/).pop();
}

/** "A", "A and B", "A, B and C" from author/last+first/author1…; undefined if none or too long. */
function criticOf(data: Record<string, unknown>): string | undefined {
  const names: string[] = [];
  for (const suffix of ['', '1', '2', '3', '4']) {
    const name = authorName(data, suffix);
    if (name && !names.includes(name)) names.push(name);
  }
  if (names.length === 0) {
    const authors = nameText(data.authors);
    if (authors) names.push(authors);
  }
  if (names.length === 0) return undefined;
  const joined = names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]!}`;
  return joined.length <= MAX_NAME_CHARS ? joined : undefined;
}

function isAggregator(citation: { url: string; outlet: string }): boolean {
  return AGGREGATOR_NAME.test(citation.outlet) || AGGREGATOR_HOST.test(new URL(citation.url).hostname);
}

/** The usable `{{cite web|news|magazine}}` citations in one ref's wikitext. */
function citationsIn(refWikitext: string): Candidate[] {
  const out: Candidate[] = [];
  for (const reference of wtf(refWikitext).references()) {
    const data = reference.json() as Record<string, unknown>;
    const type = typeof data.type === 'string' ? data.type.toLowerCase().replace(/[\s_]+/g, ' ').trim() : '';
    if (!CITE_TYPES.has(type)) continue;
    const url = webUrl(data.url);
    const outlet = OUTLET_PARAMS.map((param) => nameText(data[param])).find((value) => value !== undefined);
    // Missing stays missing: without a link or an outlet there is nothing to attribute the quote to.
    if (!url || !outlet) continue;
    const citation: Citation = { url, outlet };
    if (isAggregator(citation)) continue;
    const critic = criticOf(data);
    if (critic) citation.critic = critic;
    const published = normaliseCitationDate(typeof data.date === 'string' ? data.date : undefined);
    if (published) citation.published = published;
    const outlets = OUTLET_PARAMS.map((param) => nameText(data[param])).filter((value): value is string => value !== undefined);
    const surnames = ['', '1', '2', '3', '4'].map((suffix) => surnameOf(data, suffix)).filter((value): value is string => value !== undefined);
    out.push({ citation, outlets: [...new Set(outlets)], surnames: [...new Set(surnames)] });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Sentences and quotes

const ABBREVIATIONS = new Set(['mr', 'mrs', 'ms', 'dr', 'st', 'jr', 'sr', 'prof', 'mt', 'vs', 'no', 'vol', 'inc', 'ltd', 'co', 'sept', 'feb', 'jan', 'aug', 'oct', 'nov', 'dec']);

function isAbbreviationBefore(text: string, dot: number): boolean {
  const word = /([A-Za-z]+)$/.exec(text.slice(Math.max(0, dot - 12), dot))?.[1];
  if (!word) return false;
  return (word.length === 1 && /[A-Z]/.test(word)) || ABBREVIATIONS.has(word.toLowerCase());
}

/** Where the next sentence starts after position `from`, or -1: closers, whitespace, a capital. */
function nextSentenceStart(text: string, from: number): number {
  let i = from;
  while (i < text.length && /[)\]’']/.test(text[i]!)) i++;
  if (i >= text.length || !/\s/.test(text[i]!)) return -1;
  while (i < text.length && /\s/.test(text[i]!)) i++;
  return i < text.length && /[\p{Lu}\d"“‘(]/u.test(text[i]!) ? i : -1;
}

/** The last sentence of a text, not splitting inside quotation marks or after "Dr." / "J.". */
export function lastSentence(text: string): string {
  let start = 0;
  let straight = false;
  let curly = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    const prev = text[i - 1] ?? '';
    if (c === '"' || c === '”' || c === '“' || c === '«' || c === '»') {
      const closing = c === '"' ? straight : c === '”' || c === '»';
      if (c === '"') straight = !straight;
      else if (c === '“' || c === '«') curly++;
      else if (curly > 0) curly--;
      // "…a fine film." Another critic… : the full stop inside the quote ends the sentence too.
      if (closing && !straight && curly === 0 && /[.!?]/.test(prev)) {
        const next = nextSentenceStart(text, i + 1);
        if (next >= 0) start = next;
      }
      continue;
    }
    if (straight || curly > 0 || !/[.!?]/.test(c)) continue;
    if (c === '.' && isAbbreviationBefore(text, i)) continue;
    const next = nextSentenceStart(text, i + 1);
    if (next >= 0) start = next;
  }
  return text.slice(start).trim();
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/** "Best Original Score", "Contemporary World Cinema": a title or a name, not a critic's words. */
function looksLikeTitle(quote: string): boolean {
  const words = quote.split(/\s+/).filter(Boolean);
  if (words.length < 2 || words.length > 8) return false;
  const minor = new Set(['a', 'an', 'the', 'of', 'and', 'or', 'in', 'on', 'at', 'to', 'for', 'with', 'from', 'by']);
  return words.every((word, i) => /^\p{Lu}/u.test(word) || (i > 0 && minor.has(word.toLowerCase())));
}

/** Straight, curly and Spanish-style («…») double quotes. */
const QUOTED = /"([^"]{1,2000})"|“([^“”]{1,2000})”|«([^«»]{1,2000})»/g;

/** The first quotation in the sentence that is short enough to be fair and reads like a review. */
export function quoteIn(sentence: string): string | undefined {
  for (const match of sentence.matchAll(QUOTED)) {
    const raw = (match[1] ?? match[2] ?? match[3] ?? '').replace(/[\s,;:]+$/, '');
    const quote = plainText(raw, MAX_QUOTE_CHARS + 1);
    if (!quote || !/\p{L}/u.test(quote)) continue;
    if (quote.length > MAX_QUOTE_CHARS || wordCount(quote) > MAX_QUOTE_WORDS) continue;
    if (looksLikeTitle(quote)) continue;
    return quote;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Refs and paragraphs

/** An opening (or self-closing) ref tag; attributes are short, so their length is bounded. */
const REF_OPEN = /<ref\b([^<>]{0,500})>/gi;
const REF_CLOSE = /<\/ref\s*>/gi;
const REF_NAME = /\bname\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'/>]+))/i;

interface RefTag {
  name?: string;
  content?: string;
}

/**
 * Replaces every `<ref …>…</ref>` and `<ref … />` with what `onRef` returns. Linear time: once a
 * `<ref>` has no closing tag, no later one can have one either, so unclosed refs stay as text.
 */
function replaceRefs(text: string, onRef: (attributes: string, content: string | undefined) => string): string {
  const out: string[] = [];
  let pos = 0;
  let closersLeft = true;
  const open = new RegExp(REF_OPEN.source, 'gi');
  const close = new RegExp(REF_CLOSE.source, 'gi');
  for (let match = open.exec(text); match; match = open.exec(text)) {
    const attributes = match[1] ?? '';
    if (/\/\s*$/.test(attributes)) {
      out.push(text.slice(pos, match.index), onRef(attributes.replace(/\/\s*$/, ''), undefined));
      pos = open.lastIndex;
      continue;
    }
    if (!closersLeft) continue;
    close.lastIndex = open.lastIndex;
    const end = close.exec(text);
    if (!end) {
      closersLeft = false;
      continue;
    }
    out.push(text.slice(pos, match.index), onRef(attributes, text.slice(open.lastIndex, end.index)));
    pos = close.lastIndex;
    open.lastIndex = pos;
  }
  out.push(text.slice(pos));
  return out.join('');
}

function markerNonce(wikitext: string): string {
  for (;;) {
    const nonce = `bkref${Math.random().toString(36).slice(2, 10).replace(/\d/g, 'q')}`;
    if (!wikitext.toLowerCase().includes(nonce)) return nonce;
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Whether `name` stands in `sentence` as a whole name (not inside a longer word), any spacing.
 * The sentence is already plain text, so italics and links around the name are gone.
 */
function mentions(sentence: string, name: string, caseSensitive = false): boolean {
  const words = name.trim().split(/\s+/).map(escapeRegExp).join('\\s+');
  if (!words) return false;
  return new RegExp(`(?<![\\p{L}\\p{N}])${words}(?![\\p{L}\\p{N}])`, caseSensitive ? 'u' : 'iu').test(sentence);
}

/** A leading article, dropped when looking for an outlet: "The Guardian" is often "Guardian". */
const LEADING_ARTICLE = /^(the|el|la|los|las)\s+/i;

/** Whether the sentence names the citation: one of its outlets, or one of its critics' surnames. */
function namesCitation(sentence: string, candidate: Candidate): boolean {
  for (const outlet of candidate.outlets) {
    if (mentions(sentence, outlet)) return true;
    const bare = outlet.replace(LEADING_ARTICLE, '');
    // Without its article the name must keep its capitals: "Times" is The Times, "times" is not.
    if (bare !== outlet && bare.length >= 3 && mentions(sentence, bare, true)) return true;
  }
  return candidate.surnames.some((surname) => surname.length >= 2 && mentions(sentence, surname));
}

/** The sentence names the outlet or critic of exactly one of its usable citations: that one. */
function pickCitation(candidates: Candidate[], sentence: string): Citation | undefined {
  const unique = candidates.filter((c, i) => candidates.findIndex((d) => d.citation.url === c.citation.url) === i);
  const named = unique.filter((candidate) => namesCitation(sentence, candidate));
  return named.length === 1 ? named[0]!.citation : undefined;
}

/**
 * Words that report speech or an interview rather than a review: "told Variety", "said in an
 * interview", "according to", "dijo", "declaró", "en entrevista". Looked for outside the quotes.
 */
const REPORTED_SPEECH =
  /(?<![\p{L}\p{N}])(told|said in an interview|in an interview|according to|said that|stated|speaking to|explained|dijo|declaró|en (una )?entrevista)(?![\p{L}\p{N}])/iu;

export function reportsSpeech(sentence: string): boolean {
  return REPORTED_SPEECH.test(sentence.replace(QUOTED, ' '));
}

/** Text runs, each with the refs right after it; consecutive refs (nothing between) form one group. */
function chunksOf(parts: readonly string[]): { text: string; refs: number[] }[] {
  const chunks: { text: string; refs: number[] }[] = [];
  let k = 0;
  while (k < parts.length) {
    const text = parts[k]!;
    const refs: number[] = [];
    k++;
    while (k < parts.length) {
      refs.push(Number(parts[k]));
      k++;
      if (k + 1 < parts.length && parts[k]!.trim() === '') {
        k++;
        continue;
      }
      break;
    }
    chunks.push({ text, refs });
  }
  return chunks;
}

// ---------------------------------------------------------------------------------------------
// Sections

/** A heading line, "== Reception ==" to "====== … ======" (and "= … =", which ends a paragraph). */
const HEADING_LINE = /^[ \t]*(={1,6})([^\n]{0,300}?)\1[ \t]*$/gm;
/** wtf_wikipedia reads this many headings; past that a heading is only stripped of markup. */
const MAX_PARSED_HEADINGS = 200;

/** A heading's normalised title and depth (0 for "==", 1 for "===") as wtf_wikipedia reads them. */
function readHeading(level: number, inner: string, parse: boolean): { title: string; depth: number } {
  if (parse && level >= 2 && inner.trim()) {
    const equals = '='.repeat(level);
    const section = wtf(`${equals}${inner.trim()}${equals}`)
      .sections()
      .find((candidate) => candidate.title() !== '');
    if (section) return { title: normaliseHeading(section.title()), depth: section.depth() };
  }
  return { title: normaliseHeading(inner.replace(/'{2,}/g, '')), depth: level - 2 };
}

/**
 * The parts of a section's wikitext that may hold critics' quotes. `action=parse&section=N`
 * answers with the section's heading, its own text, then all its sub-sections. The own text is
 * read (or, with no heading first, the text before the first heading); a sub-section only when
 * its heading is a critic one, or when it is nested in one and not about another topic (so
 * "Critical response" → "Season 1" is read, "Reception" → "Viewership" and "Critical response"
 * → "Accolades" are not). `marker` is the ref marker, kept out of the headings' titles.
 */
function readableParts(text: string, marker: RegExp): string[] {
  const parts: string[] = [];
  const open: { depth: number; critics: boolean }[] = [];
  const heading = new RegExp(HEADING_LINE.source, 'gm');
  let reading = true;
  let from = 0;
  let count = 0;
  for (let match = heading.exec(text); match; match = heading.exec(text)) {
    if (reading) parts.push(text.slice(from, match.index));
    from = heading.lastIndex;
    const isOwnHeading = count === 0 && text.slice(0, match.index).trim() === '';
    const { title, depth } = readHeading(match[1]!.length, match[2]!.replace(marker, ' '), count < MAX_PARSED_HEADINGS);
    count += 1;
    const kind = headingKind(title);
    if (isOwnHeading) {
      // The section asked for: its own text is what was asked for, whatever it is called.
      open.push({ depth, critics: kind === 'critic' });
      reading = true;
      continue;
    }
    while (open.length > 0 && open[open.length - 1]!.depth >= depth) open.pop();
    const insideCritics = open[open.length - 1]?.critics === true;
    const critics = kind === 'critic' || (insideCritics && kind === 'other' && !OFF_TOPIC_HEADING.test(title));
    open.push({ depth, critics });
    reading = critics;
  }
  if (reading) parts.push(text.slice(from));
  return parts;
}

// ---------------------------------------------------------------------------------------------
// Quotes

/**
 * Critic quotes from a reception section's wikitext, in article order. `citedBy` is the article
 * the quotes were read from (where the attribution was found, which is not the review itself).
 */
export function extractReviewQuotes(wikitext: string, options: { max?: number; citedBy?: string } = {}): ReviewQuote[] {
  const max = Math.max(0, Math.min(options.max ?? MAX_REVIEW_QUOTES, MAX_REVIEW_QUOTES));
  if (typeof wikitext !== 'string' || max === 0) return [];
  const citedBy = webUrl(options.citedBy);
  let text = wikitext.slice(0, MAX_WIKITEXT_CHARS).replace(/<!--[\s\S]*?(?:-->|$)/g, '');
  // Script and style blocks are not prose; the parser would keep their contents as text.
  text = text.replace(/<(script|style)\b[\s\S]*?(?:<\/\1\s*>|$)/gi, ' ');

  const nonce = markerNonce(text);
  const refs: RefTag[] = [];
  const contentByName = new Map<string, string>();
  text = replaceRefs(text, (attributes, content) => {
    const nameMatch = REF_NAME.exec(attributes);
    const name = nameMatch ? (nameMatch[1] ?? nameMatch[2] ?? nameMatch[3])?.trim() : undefined;
    if (name && content !== undefined && content.trim() && !contentByName.has(name)) contentByName.set(name, content);
    refs.push({ name, content });
    return ` ${nonce}x${refs.length - 1}x `;
  });
  const citationCache = new Map<number, Candidate[]>();
  const citationsOf = (index: number): Candidate[] => {
    let found = citationCache.get(index);
    if (!found) {
      const ref = refs[index];
      const content = ref?.content?.trim() ? ref.content : ref?.name ? contentByName.get(ref.name) : undefined;
      // A citation template is a few hundred characters; a huge ref is not one we read.
      found = content && content.length <= MAX_REF_CHARS ? citationsIn(content) : [];
      citationCache.set(index, found);
    }
    return found;
  };

  const marker = new RegExp(`${nonce}x(\\d+)x`, 'g');
  // Only the section's own text and its critics' sub-sections; headings end paragraphs, and so
  // do blank lines and list items.
  const paragraphs = readableParts(text, marker)
    .join('\n\n')
    .split(/\n[ \t]*\n|\n(?=[*#:;])/)
    .map((p) => p.replace(/[ \t]{2,}/g, ' ').trim())
    .filter((p) => p.length > 0 && p.length <= MAX_PARAGRAPH_CHARS);

  const quotes: ReviewQuote[] = [];
  const seenUrls = new Set<string>();
  for (const paragraph of paragraphs) {
    if (!paragraph.includes(nonce)) continue;
    const plain = wtf(paragraph).text().replace(/'{2,}/g, '');
    // split() with a capture group alternates text and ref indexes: [text, ref, text, ref, …].
    const parts = plain.split(marker);
    for (const { text: chunk, refs: group } of chunksOf(parts.map((part, i) => (i % 2 === 0 ? part.trim() : part)))) {
      if (group.length === 0 || !chunk.trim()) continue;
      const sentence = lastSentence(chunk);
      const quote = reportsSpeech(sentence) ? undefined : quoteIn(sentence);
      const citation = quote ? pickCitation(group.flatMap(citationsOf), sentence) : undefined;
      if (!quote || !citation || seenUrls.has(citation.url)) continue;
      const review = ReviewQuoteSchema.safeParse({ ...citation, quote, ...(citedBy ? { citedBy: [citedBy] } : {}) });
      if (!review.success) continue;
      seenUrls.add(citation.url);
      quotes.push(review.data);
      if (quotes.length >= max) return quotes;
    }
  }
  return quotes;
}
