/**
 * The curated pack: one JSON file per show in `assets/pack/`, bundled with the extension and
 * checked against stricter rules than live data, because the pack is what we vouch for.
 *
 * Adding a show is dropping `assets/pack/<slug>.json` (key `pack:<slug>`): the glob below picks
 * it up, and the unit test that validates every file fails the build if the entry breaks a rule.
 * At run time a bad entry is skipped with one warning, so it can never break the extension.
 */
import { z } from 'zod';
import { PartialDateSchema, ShowContextSchema, type PartialDate, type ShowContext } from '../model';

const PACK_KEY = /^pack:[a-z0-9-]+$/;
const SLUG = /^[a-z0-9-]+$/;
export const MAX_QUOTE_CHARS = 300;
export const MAX_QUOTE_WORDS = 40;
export const MIN_BASIS_SENTENCES = 2;
export const MAX_BASIS_SENTENCES = 4;

type Path = (string | number)[];
interface PackIssue {
  path: Path;
  message: string;
}

/** Every URL the entry cites, with where it is cited, in document order. */
function citedUrls(entry: ShowContext): { path: Path; url: string }[] {
  const out: { path: Path; url: string }[] = [];
  const add = (path: Path, url: string | undefined) => {
    if (url !== undefined) out.push({ path, url });
  };
  entry.basedOn.forEach((work, i) => {
    add(['basedOn', i, 'url'], work.url);
    work.citedBy.forEach((url, j) => add(['basedOn', i, 'citedBy', j], url));
  });
  entry.events.forEach((event, i) => {
    add(['events', i, 'url'], event.url);
    event.citedBy.forEach((url, j) => add(['events', i, 'citedBy', j], url));
    event.place?.citedBy.forEach((url, j) => add(['events', i, 'place', 'citedBy', j], url));
    event.figures?.forEach((figure, f) =>
      figure.claims.forEach((claim, c) => add(['events', i, 'figures', f, 'claims', c, 'url'], claim.url)),
    );
  });
  entry.reviews.forEach((review, i) => {
    add(['reviews', i, 'url'], review.url);
    review.citedBy?.forEach((url, j) => add(['reviews', i, 'citedBy', j], url));
  });
  entry.scores?.forEach((score, i) => add(['scores', i, 'url'], score.url));
  return out;
}

/**
 * Counts sentences in prose: a run of . ! or ? ends one when followed by whitespace or the end.
 * Single-letter initials ("U.S.", "J. Smith") are not sentence ends.
 */
export function countSentences(text: string): number {
  const withoutInitials = text.replace(/(?<!\p{L})(\p{L})\./gu, '$1');
  return withoutInitials
    .split(/[.!?]+(?:["'”’)\]]*)(?=\s|$)/u)
    .filter((part) => /[\p{L}\p{N}]/u.test(part)).length;
}

export function countWords(text: string): number {
  return text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

/** True when `end` is before `start`, compared at the precision both dates share. */
function endsBeforeStart(start: PartialDate, end: PartialDate): boolean {
  // A malformed date is already reported by the model's schema; don't pile a second issue on it.
  if (!PartialDateSchema.safeParse(start).success || !PartialDateSchema.safeParse(end).success) return false;
  const n = Math.min(start.length, end.length);
  return end.slice(0, n) < start.slice(0, n);
}

/** The rules that apply to curated entries on top of the shared model. */
export function packRuleIssues(entry: ShowContext): PackIssue[] {
  const issues: PackIssue[] = [];
  const problem = (path: Path, message: string) => issues.push({ path, message });

  if (!PACK_KEY.test(entry.key)) {
    problem(['key'], `pack keys look like "pack:<slug>" (lowercase letters, digits, hyphens); got "${entry.key}"`);
  }

  if (entry.year !== undefined && entry.premiered !== undefined && !entry.premiered.startsWith(String(entry.year))) {
    problem(['premiered'], `premiered ${entry.premiered} is not in the entry's year ${entry.year}`);
  }

  // Sources: each URL once, each with a human name, and every cited URL listed.
  const listed = new Set<string>();
  entry.sources.forEach((source, i) => {
    if (listed.has(source.url)) problem(['sources', i, 'url'], `source URL listed twice: ${source.url}`);
    listed.add(source.url);
    for (const [path, name] of [[['sources', i, 'name'], source.name], [['sources', i, 'es', 'name'], source.es?.name]] as const) {
      if (name !== undefined && /:\/\/|^www\.|\.(com|org|net)(\/|$)/i.test(name)) {
        problem([...path], `source name should be a human name (e.g. "ProPublica"), not a URL or host: "${name}"`);
      }
    }
  });
  for (const { path, url } of citedUrls(entry)) {
    if (!listed.has(url)) problem(path, `cited URL is not listed in sources: ${url}`);
  }

  // Works: at least one basis, and a basis is summarised in 2–4 sentences of our own words.
  if (!entry.basedOn.some((work) => work.relation === 'basis')) {
    problem(['basedOn'], 'a pack entry needs at least one work with relation "basis" (what the show is based on)');
  }
  entry.basedOn.forEach((work, i) => {
    if (work.relation !== 'basis') return;
    if (work.summary === undefined) {
      problem(['basedOn', i, 'summary'], `basis work "${work.title}" needs a summary of ${MIN_BASIS_SENTENCES}–${MAX_BASIS_SENTENCES} sentences in our own words`);
      return;
    }
    const sentences = countSentences(work.summary);
    if (sentences < MIN_BASIS_SENTENCES || sentences > MAX_BASIS_SENTENCES) {
      problem(['basedOn', i, 'summary'], `summary of "${work.title}" has ${sentences} sentence(s); basis summaries have ${MIN_BASIS_SENTENCES}–${MAX_BASIS_SENTENCES}`);
    }
  });

  // Spanish: a translation of our own words needs the words it translates, and a basis summary
  // keeps the same 2–4 sentences in Spanish.
  const untranslated = (path: Path, spanish: string | undefined, english: string | undefined) => {
    if (spanish !== undefined && english === undefined) problem(path, 'a Spanish text needs the English text it translates');
  };
  untranslated(['es', 'tagline'], entry.es?.tagline, entry.tagline);
  entry.basedOn.forEach((work, i) => {
    const spanish = work.es?.summary;
    untranslated(['basedOn', i, 'es', 'summary'], spanish, work.summary);
    if (work.relation !== 'basis' || spanish === undefined) return;
    const sentences = countSentences(spanish);
    if (sentences < MIN_BASIS_SENTENCES || sentences > MAX_BASIS_SENTENCES) {
      problem(['basedOn', i, 'es', 'summary'], `Spanish summary of "${work.title}" has ${sentences} sentence(s); basis summaries have ${MIN_BASIS_SENTENCES}–${MAX_BASIS_SENTENCES}`);
    }
  });
  entry.events.forEach((event, i) => {
    untranslated(['events', i, 'es', 'summary'], event.es?.summary, event.summary);
    untranslated(['events', i, 'place', 'es', 'region'], event.place?.es?.region, event.place?.region);
    untranslated(['events', i, 'place', 'es', 'country'], event.place?.es?.country, event.place?.country);
    event.figures?.forEach((figure, f) =>
      figure.claims.forEach((claim, c) => untranslated(['events', i, 'figures', f, 'claims', c, 'es', 'when'], claim.es?.when, claim.when)),
    );
  });

  // Events: dates in order, disputed figures whose range is exactly the span of their claims.
  entry.events.forEach((event, i) => {
    if (event.start !== undefined && event.end !== undefined && endsBeforeStart(event.start, event.end)) {
      problem(['events', i, 'end'], `event "${event.name}" ends (${event.end}) before it starts (${event.start})`);
    }
    event.figures?.forEach((figure, f) => {
      const at: Path = ['events', i, 'figures', f];
      if (figure.low > figure.high) {
        problem([...at, 'low'], `figure "${figure.label}": low ${figure.low} is above high ${figure.high}`);
      }
      figure.claims.forEach((claim, c) => {
        if (claim.low > claim.high) {
          problem([...at, 'claims', c, 'low'], `claim "${claim.figure}": low ${claim.low} is above high ${claim.high}`);
        }
      });
      if (figure.claims.length === 0) return;
      const min = Math.min(...figure.claims.map((claim) => claim.low));
      const max = Math.max(...figure.claims.map((claim) => claim.high));
      if (figure.low !== min || figure.high !== max) {
        problem(at, `figure "${figure.label}" is ${figure.low}–${figure.high} but its claims span ${min}–${max}; the range must be exactly what the claims cover`);
      }
    });
  });

  // Reviews: quotes are short.
  entry.reviews.forEach((review, i) => {
    if (review.quote === undefined) return;
    const chars = review.quote.length;
    const words = countWords(review.quote);
    if (chars > MAX_QUOTE_CHARS || words > MAX_QUOTE_WORDS) {
      problem(['reviews', i, 'quote'], `quote from ${review.outlet} is too long (${chars} characters, ${words} words); keep quotes to ${MAX_QUOTE_CHARS} characters and ${MAX_QUOTE_WORDS} words`);
    }
  });

  return issues;
}

/** A ShowContext that also follows the curated pack's rules. */
export const PackEntrySchema = ShowContextSchema.superRefine((entry, ctx) => {
  for (const { path, message } of packRuleIssues(entry)) ctx.addIssue({ code: 'custom', path, message });
});

export interface PackProblem {
  file: string;
  issues: string[];
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let value: unknown = data;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(entry)';
  return path.map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i === 0 ? '' : '.'}${String(key)}`)).join('');
}

function formatIssue(issue: z.core.$ZodIssue, data: unknown): string {
  const where = formatPath(issue.path);
  if (issue.code === 'invalid_format' && issue.format === 'url') {
    const value = valueAt(data, issue.path);
    return `${where}: ${JSON.stringify(value)} is not an allowed link (only http or https URLs with a real host name)`;
  }
  return `${where}: ${issue.message}`;
}

/** The file name without folders or the .json extension: "../../assets/pack/somos.json" → "somos". */
export function slugOf(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  return base.replace(/\.json$/i, '');
}

/**
 * Checks every pack file and reports each problem, so a test or a build step can print them all.
 * `files` maps a file path to its parsed JSON. Entries come back in file-name order.
 */
export function validatePackFiles(files: Record<string, unknown>): { entries: ShowContext[]; problems: PackProblem[] } {
  const entries: ShowContext[] = [];
  const problems: PackProblem[] = [];
  for (const file of Object.keys(files).sort()) {
    const data = files[file];
    const issues: string[] = [];
    const slug = slugOf(file);
    if (!SLUG.test(slug)) {
      issues.push(`file name "${slug}.json" must be a slug of lowercase letters, digits and hyphens`);
    }
    const parsed = PackEntrySchema.safeParse(data);
    if (!parsed.success) issues.push(...parsed.error.issues.map((issue) => formatIssue(issue, data)));
    const key = valueAt(data, ['key']);
    if (typeof key === 'string' && key !== `pack:${slug}`) {
      issues.push(`key: "${key}" does not match the file name; ${slug}.json must have key "pack:${slug}"`);
    }
    if (issues.length > 0 || !parsed.success) problems.push({ file, issues });
    else entries.push(parsed.data);
  }
  return { entries, problems };
}

let cached: ShowContext[] | undefined;

/** Every valid entry of the bundled pack. Bad files are skipped with one warning each. */
export function loadPack(): ShowContext[] {
  if (cached) return cached;
  const files = import.meta.glob('../../assets/pack/*.json', { eager: true, import: 'default' });
  const { entries, problems } = validatePackFiles(files);
  for (const { file, issues } of problems) {
    console.warn(`Backstory: skipped curated pack entry ${file}: ${issues.join('; ')}`);
  }
  cached = entries;
  return entries;
}
