import { describe, expect, it } from 'vitest';
import { MAX_NOTE_LENGTH } from '@/lib/db/schema';
import { MAX_IMPORT_ENTRIES, MAX_IMPORT_FILE_BYTES } from '@/lib/watchlist-io/limits';
import { planImport } from '@/lib/watchlist-io/merge-plan';
import { parseWatchlistFile, type ImportProblem } from '@/lib/watchlist-io/parse-import';
import { watchlistToJson } from '@/lib/watchlist-io/export-json';
import { entry, fileWith } from './entries';

function problemsOf(text: string): ImportProblem[] {
  const parsed = parseWatchlistFile(text);
  if (parsed.ok) throw new Error('expected the file to be refused');
  return parsed.problems;
}

describe('watchlist import: the file as a whole', () => {
  it('refuses malformed JSON', () => {
    expect(problemsOf('{"format": "backstory-watchlist", "entries": [')).toEqual([{ kind: 'not-json', detail: expect.any(String) }]);
  });

  it.each([
    ['an array', '[]'],
    ['a string', '"backstory-watchlist"'],
    ['null', 'null'],
    ['a number', '42'],
    ['another format', JSON.stringify({ format: 'netflix-list', version: 1, entries: [] })],
  ])('refuses a file that is %s', (_label, text) => {
    expect(problemsOf(text)).toEqual([{ kind: 'not-a-watchlist' }]);
  });

  it('refuses a file from a newer Backstory, naming its version', () => {
    expect(problemsOf(fileWith([entry(1)], { version: 2 }))).toEqual([{ kind: 'newer-version', version: 2 }]);
  });

  it.each([['missing', undefined], ['text', '1'], ['a fraction', 1.5], ['zero', 0]])('refuses a version that is %s', (_label, version) => {
    expect(problemsOf(fileWith([], { version }))).toEqual([{ kind: 'bad-version' }]);
  });

  it('refuses a file without an entries list', () => {
    expect(problemsOf(fileWith({ 0: entry(1) }))).toEqual([{ kind: 'no-entries-list' }]);
  });

  it('refuses a file over the size limit before reading it', () => {
    const parsed = parseWatchlistFile('{}', MAX_IMPORT_FILE_BYTES + 1);
    expect(parsed).toEqual({ ok: false, problems: [{ kind: 'file-too-large', bytes: MAX_IMPORT_FILE_BYTES + 1, limit: MAX_IMPORT_FILE_BYTES }], moreProblems: 0 });
  });

  it('refuses more entries than the limit', () => {
    const entries = Array.from({ length: MAX_IMPORT_ENTRIES + 1 }, () => 0);
    expect(problemsOf(fileWith(entries))).toEqual([{ kind: 'too-many-entries', count: MAX_IMPORT_ENTRIES + 1, limit: MAX_IMPORT_ENTRIES }]);
  });

  it('accepts a byte-order mark at the start', () => {
    expect(parseWatchlistFile(`\uFEFF${fileWith([entry(1)])}`).ok).toBe(true);
  });
});

describe('watchlist import: each entry', () => {
  it('names the entry, its title, the field and what is wrong', () => {
    const problems = problemsOf(
      fileWith([
        entry(1),
        { ...entry(2), status: 'binged' },
        { ...entry(3), key: 'javascript:alert(1)' },
        { ...entry(4), title: 42 },
        { ...entry(5), addedAt: -1 },
        { ...entry(6), updatedAt: 9e15 },
        { ...entry(7), statusAt: 'yesterday' },
      ]),
    );
    expect(problems).toEqual([
      { kind: 'entry', index: 2, title: 'Show 2', field: 'status', issue: { code: 'not-allowed', allowed: ['to-watch', 'watching', 'watched'] } },
      { kind: 'entry', index: 3, title: 'Show 3', field: 'key', issue: { code: 'bad-format' } },
      { kind: 'entry', index: 4, field: 'title', issue: { code: 'wrong-type', expected: 'string' } },
      { kind: 'entry', index: 5, title: 'Show 5', field: 'addedAt', issue: { code: 'too-small', limit: expect.any(Number) } },
      { kind: 'entry', index: 6, title: 'Show 6', field: 'updatedAt', issue: { code: 'too-large', limit: expect.any(Number) } },
      { kind: 'entry', index: 7, title: 'Show 7', field: 'statusAt', issue: { code: 'wrong-type', expected: 'number' } },
    ]);
  });

  it('says which fields are missing, and that an entry that is not an object is wrong', () => {
    const { title: _title, ...untitled } = entry(1);
    const problems = problemsOf(fileWith([untitled, 'Somos.', null]));
    expect(problems).toEqual([
      { kind: 'entry', index: 1, field: 'title', issue: { code: 'missing' } },
      { kind: 'entry', index: 2, field: 'entry', issue: { code: 'wrong-type', expected: 'object' } },
      { kind: 'entry', index: 3, field: 'entry', issue: { code: 'wrong-type', expected: 'object' } },
    ]);
  });

  it('refuses huge strings, with the limit, and shortens the title it quotes', () => {
    const problems = problemsOf(fileWith([{ ...entry(1), note: 'x'.repeat(MAX_NOTE_LENGTH + 1) }, { ...entry(2), title: 'T'.repeat(100_000) }, { ...entry(3), where: { site: 'netflix', title: '' } }]));
    expect(problems).toEqual([
      { kind: 'entry', index: 1, title: 'Show 1', field: 'note', issue: { code: 'too-long', limit: MAX_NOTE_LENGTH } },
      { kind: 'entry', index: 2, title: `${'T'.repeat(79)}…`, field: 'title', issue: { code: 'too-long', limit: 300 } },
      { kind: 'entry', index: 3, title: 'Show 3', field: 'where.title', issue: { code: 'empty' } },
    ]);
  });

  it('lists at most 100 problems and counts the rest', () => {
    const parsed = parseWatchlistFile(fileWith(Array.from({ length: 150 }, (_, n) => ({ ...entry(n), status: 'nope' }))));
    expect(parsed).toMatchObject({ ok: false, moreProblems: 50 });
    expect(!parsed.ok && parsed.problems).toHaveLength(100);
  });

  it('is refused whole when any entry is bad: nothing of it is offered for import', () => {
    const parsed = parseWatchlistFile(fileWith([entry(1), entry(2), { ...entry(3), kind: 'podcast' }]));
    expect(parsed.ok).toBe(false);
    expect('entries' in parsed).toBe(false);
  });

  it('keeps markup in a note and a title as plain text, exactly as written', () => {
    const note = '<script>alert("x")</script><img src=x onerror=alert(1)>';
    const title = '<b onmouseover=alert(1)>Somos.</b>';
    const parsed = parseWatchlistFile(fileWith([{ ...entry(1), note, title }]));
    expect(parsed).toMatchObject({ ok: true, entries: [{ note, title }] });
  });

  it('treats an empty or blank note as no note, as the editor does, and keeps a real one as written', () => {
    const parsed = parseWatchlistFile(fileWith([{ ...entry(1), note: '' }, { ...entry(2), note: ' \n\t ' }, { ...entry(3), note: '  spaced, kept  ' }]));
    expect(parsed.ok && parsed.entries).toEqual([entry(1), entry(2), entry(3, { note: '  spaced, kept  ' })]);
    expect(parsed.ok && parsed.entries.map((kept) => 'note' in kept)).toEqual([false, false, true]);
  });

  it('drops fields it does not know instead of storing them', () => {
    const text = fileWith([{ ...entry(1), extra: 'x'.repeat(10), where: { ...entry(1).where, html: '<i>' } }]).replace('"extra"', '"__proto__":{"polluted":true},"extra"');
    expect(text).toContain('"__proto__"');
    const parsed = parseWatchlistFile(text);
    expect(parsed.ok && parsed.entries[0]).toEqual(entry(1));
    expect(parsed.ok && Object.keys(parsed.entries[0]!)).not.toContain('extra');
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });
});

describe('watchlist import: duplicates and the merge', () => {
  it('keeps the most recently changed entry of a key repeated in the file, and reports it', () => {
    const old = entry(1, { status: 'to-watch', updatedAt: entry(1).updatedAt });
    const newest = entry(1, { status: 'watched', updatedAt: entry(1).updatedAt + 5_000 });
    const parsed = parseWatchlistFile(fileWith([newest, entry(2), old]));
    expect(parsed).toMatchObject({ ok: true, count: 3, duplicates: [{ key: 'wd:Q1001', count: 2, title: 'Show 1' }] });
    expect(parsed.ok && parsed.entries).toEqual([newest, entry(2)]);
  });

  it('adds new keys, replaces a saved entry only with a newer one, and leaves the rest', () => {
    const saved = new Map([
      ['wd:Q1001', entry(1, { note: 'mine' })],
      ['wd:Q1002', entry(2, { note: 'mine, newer than the file', updatedAt: entry(2).updatedAt + 10 })],
    ]);
    const newer1 = entry(1, { status: 'watched', updatedAt: entry(1).updatedAt + 1 });
    const plan = planImport([newer1, entry(2), entry(3), entry(1, { note: 'same time' })], saved);
    expect(plan.added).toEqual([entry(3)]);
    expect(plan.updated).toEqual([newer1]);
    expect(plan.unchanged).toEqual([entry(2)]);
    expect(plan.duplicates).toEqual([{ key: 'wd:Q1001', count: 2, title: 'Show 1' }]);
  });

  it('reads 10,000 entries and our own export of them', () => {
    const entries = Array.from({ length: 10_000 }, (_, n) => entry(n, { note: `note ${n}` }));
    const parsed = parseWatchlistFile(watchlistToJson(entries, new Date()));
    expect(parsed.ok && parsed.entries.length).toBe(10_000);
    expect(parsed.ok && parsed.entries[9_999]).toEqual(entries[9_999]);
  });
});
