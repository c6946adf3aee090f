import type { z } from 'zod';
import type { WatchlistEntry } from '../db/schema';
import { WatchlistEntrySchema } from './entry-schema';
import { EXPORT_FORMAT, EXPORT_VERSION } from './file-format';
import { MAX_IMPORT_ENTRIES, MAX_IMPORT_FILE_BYTES } from './limits';
import { newestByKey, type DuplicateKey } from './merge-plan';

/** What is wrong with one field of one entry. */
export type FieldIssue =
  | { code: 'missing' }
  | { code: 'wrong-type'; expected: string }
  | { code: 'empty' }
  | { code: 'too-long'; limit: number }
  | { code: 'too-small'; limit: number }
  | { code: 'too-large'; limit: number }
  | { code: 'not-allowed'; allowed: string[] }
  | { code: 'bad-format' }
  | { code: 'invalid' };

/** Why a file cannot be imported; the options page words each one in the viewer's language. */
export type ImportProblem =
  | { kind: 'file-too-large'; bytes: number; limit: number }
  | { kind: 'not-json'; detail: string }
  | { kind: 'not-a-watchlist' }
  | { kind: 'newer-version'; version: number }
  | { kind: 'bad-version' }
  | { kind: 'no-entries-list' }
  | { kind: 'too-many-entries'; count: number; limit: number }
  /** `index` counts from 1, as a person reads the file; `title` when the entry has a readable one. */
  | { kind: 'entry'; index: number; title?: string; field: string; issue: FieldIssue };

export type ParsedImport =
  | { ok: true; entries: WatchlistEntry[]; duplicates: DuplicateKey[]; count: number }
  | { ok: false; problems: ImportProblem[]; moreProblems: number };

/** The problems listed at most; a file broken throughout would otherwise bury the page. */
export const MAX_LISTED_PROBLEMS = 100;

const fail = (...problems: ImportProblem[]): ParsedImport => ({ ok: false, problems, moreProblems: 0 });

/**
 * Reads a watchlist file (the text of a JSON file made by Backstory's export) into entries ready
 * for a preview: validated, one per key. Nothing here trusts the file: every field is checked, and
 * strings stay strings (a note holding markup is kept as text, and only ever rendered as text).
 */
export function parseWatchlistFile(text: string, byteSize = new Blob([text]).size): ParsedImport {
  if (byteSize > MAX_IMPORT_FILE_BYTES) return fail({ kind: 'file-too-large', bytes: byteSize, limit: MAX_IMPORT_FILE_BYTES });
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return fail({ kind: 'not-json', detail: (error as Error).message });
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return fail({ kind: 'not-a-watchlist' });
  const file = data as Record<string, unknown>;
  if (file.format !== EXPORT_FORMAT) return fail({ kind: 'not-a-watchlist' });
  if (typeof file.version !== 'number' || !Number.isInteger(file.version) || file.version < 1) return fail({ kind: 'bad-version' });
  if (file.version > EXPORT_VERSION) return fail({ kind: 'newer-version', version: file.version });
  if (!Array.isArray(file.entries)) return fail({ kind: 'no-entries-list' });
  if (file.entries.length > MAX_IMPORT_ENTRIES) return fail({ kind: 'too-many-entries', count: file.entries.length, limit: MAX_IMPORT_ENTRIES });

  const entries: WatchlistEntry[] = [];
  const problems: ImportProblem[] = [];
  let problemCount = 0;
  file.entries.forEach((raw: unknown, position) => {
    const result = WatchlistEntrySchema.safeParse(raw);
    if (result.success) return void entries.push(result.data);
    for (const issue of result.error.issues) {
      problemCount += 1;
      if (problems.length < MAX_LISTED_PROBLEMS) problems.push(entryProblem(raw, position + 1, issue));
    }
  });
  if (problemCount > 0) return { ok: false, problems, moreProblems: problemCount - problems.length };
  return { ok: true, ...newestByKey(entries), count: file.entries.length };
}

function entryProblem(raw: unknown, index: number, issue: z.core.$ZodIssue): ImportProblem {
  const title = readableTitle(raw);
  const field = issue.path.length > 0 ? issue.path.join('.') : 'entry';
  return { kind: 'entry', index, ...(title === undefined ? {} : { title }), field, issue: fieldIssue(issue, valueAt(raw, issue.path)) };
}

function fieldIssue(issue: z.core.$ZodIssue, value: unknown): FieldIssue {
  switch (issue.code) {
    case 'invalid_type':
      return value === undefined ? { code: 'missing' } : { code: 'wrong-type', expected: issue.expected };
    case 'too_big':
      return issue.origin === 'string' ? { code: 'too-long', limit: Number(issue.maximum) } : { code: 'too-large', limit: Number(issue.maximum) };
    case 'too_small':
      if (issue.origin === 'string') return { code: 'empty' };
      return { code: 'too-small', limit: Number(issue.minimum) };
    case 'invalid_value':
      return { code: 'not-allowed', allowed: issue.values.map(String) };
    case 'invalid_format':
      return { code: 'bad-format' };
    default:
      return { code: 'invalid' };
  }
}

/** The entry's title when it has a plain one, shortened, to help the viewer find it in the file. */
function readableTitle(raw: unknown): string | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const title = (raw as { title?: unknown }).title;
  if (typeof title !== 'string' || title.trim() === '') return undefined;
  const trimmed = title.trim();
  return trimmed.length > 80 ? `${trimmed.slice(0, 79)}…` : trimmed;
}

function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
  let value = raw;
  for (const step of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[step];
  }
  return value;
}
