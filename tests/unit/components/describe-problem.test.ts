import { describe, expect, it } from 'vitest';
import { describeProblem } from '@/components/options/describe-problem';
import type { ImportProblem } from '@/lib/watchlist-io/parse-import';
import { useLocale } from '../support/i18n';

const entryProblem = (field: string, issue: Extract<ImportProblem, { kind: 'entry' }>['issue'], title?: string): ImportProblem => ({ kind: 'entry', index: 1234, field, issue, ...(title ? { title } : {}) });

describe('how a refused file’s problems are worded', () => {
  it.each<[ImportProblem, string]>([
    [{ kind: 'file-too-large', bytes: 25_000_000, limit: 20_000_000 }, 'The file is 25 MB; Backstory imports files of up to 20 MB.'],
    [{ kind: 'not-json', detail: 'Unexpected end of JSON input' }, 'The file is not valid JSON. It may be damaged, or not a file Backstory exported.'],
    [{ kind: 'not-a-watchlist' }, 'This is not a Backstory watchlist file (it should say "format": "backstory-watchlist").'],
    [{ kind: 'newer-version', version: 2 }, 'This file was made by a newer version of Backstory. Update Backstory, then import it again.'],
    [{ kind: 'bad-version' }, "The file's format version is missing or is not a whole number."],
    [{ kind: 'no-entries-list' }, 'The file has no list of entries.'],
    [{ kind: 'too-many-entries', count: 60_000, limit: 50_000 }, 'The file has 60,000 entries; Backstory imports at most 50,000 at a time.'],
    [entryProblem('title', { code: 'missing' }), 'Entry 1,234, field “title”: missing.'],
    [entryProblem('year', { code: 'wrong-type', expected: 'number' }, 'Somos.'), 'Entry 1,234 (“Somos.”), field “year”: should be a number.'],
    [entryProblem('year', { code: 'wrong-type', expected: 'int' }), 'Entry 1,234, field “year”: should be a whole number.'],
    [entryProblem('where', { code: 'wrong-type', expected: 'object' }), 'Entry 1,234, field “where”: should be a group of fields.'],
    [entryProblem('note', { code: 'too-long', limit: 2000 }), 'Entry 1,234, field “note”: is longer than 2,000 characters.'],
    [entryProblem('year', { code: 'too-small', limit: 1880 }), 'Entry 1,234, field “year”: is smaller than 1880.'],
    [entryProblem('year', { code: 'too-large', limit: 2100 }), 'Entry 1,234, field “year”: is larger than 2100.'],
    [entryProblem('addedAt', { code: 'too-large', limit: 1 }), 'Entry 1,234, field “addedAt”: is not a plausible date.'],
    [entryProblem('statusAt', { code: 'wrong-type', expected: 'number' }), 'Entry 1,234, field “statusAt”: is not a plausible date.'],
    [entryProblem('kind', { code: 'not-allowed', allowed: ['series', 'miniseries', 'film'] }), 'Entry 1,234, field “kind”: should be one of: series, miniseries, film.'],
    [entryProblem('key', { code: 'bad-format' }), 'Entry 1,234, field “key”: is not a Backstory show key (like wd:Q123 or pack:somos).'],
    [entryProblem('where.siteId', { code: 'bad-format' }), 'Entry 1,234, field “where.siteId”: is not a site ID (5 to 10 digits).'],
    [entryProblem('title', { code: 'empty' }), 'Entry 1,234, field “title”: is empty.'],
    [entryProblem('entry', { code: 'invalid' }), 'Entry 1,234, field “entry”: is not valid.'],
  ])('%j', (problem, text) => {
    expect(describeProblem(problem)).toBe(text);
  });

  it('speaks Spanish to a Spanish browser, with its number format', () => {
    useLocale('es');
    expect(describeProblem(entryProblem('note', { code: 'too-long', limit: 2000 }, 'Somos.'))).toBe('Entrada 1234 («Somos.»), campo «note»: tiene más de 2000 caracteres.');
    expect(describeProblem({ kind: 'too-many-entries', count: 60_000, limit: 50_000 })).toBe('El archivo tiene 60.000 entradas; Backstory importa como mucho 50.000 a la vez.');
  });
});

describe('sizes and counts on the options page', () => {
  it('reads naturally in both languages', async () => {
    const { formatBytes, formatCount } = await import('@/components/options/format');
    expect([formatBytes(0), formatBytes(950), formatBytes(486_800), formatBytes(21_400_000), formatCount(12_345)]).toEqual(['0 bytes', '950 bytes', '486.8 kB', '21.4 MB', '12,345']);
    useLocale('es');
    expect([formatBytes(486_800), formatCount(12_345)]).toEqual(['486,8 kB', '12.345']);
  });
});
