import { describe, expect, it } from 'vitest';
import { csvCell, CSV_COLUMNS, watchlistToCsv } from '@/lib/watchlist-io/export-csv';
import { watchlistToJson } from '@/lib/watchlist-io/export-json';
import { parseWatchlistFile } from '@/lib/watchlist-io/parse-import';
import { entry } from './entries';

const exportedAt = new Date('2026-06-02T10:00:00.000Z');

/** A small RFC 4180 reader, to check that what we write reads back cell for cell. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(cell);
      cell = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i += 1;
    } else cell += char;
  }
  return rows;
}

describe('watchlist export as JSON', () => {
  it('writes our versioned format, oldest first, with every field', () => {
    const newer = entry(2, { note: 'Episode 3 is the one', status: 'watched' });
    const older = entry(1, { basedOn: 'How the U.S. Triggered a Massacre in Mexico · ProPublica, 2017' });
    const file = JSON.parse(watchlistToJson([newer, older], exportedAt));
    expect(file).toEqual({ format: 'backstory-watchlist', version: 1, exportedAt: '2026-06-02T10:00:00.000Z', entries: [older, newer] });
  });

  it('reads back unchanged through the import (round trip)', () => {
    const entries = [entry(1, { note: 'a "quoted", multi\nline note', inspiredBy: 'A book · Outlet, 1999' }), entry(2, { status: 'watching', year: undefined })];
    const parsed = parseWatchlistFile(watchlistToJson(entries, exportedAt));
    expect(parsed).toEqual({ ok: true, entries: entries.map((e) => JSON.parse(JSON.stringify(e))), duplicates: [], count: 2 });
  });
});

describe('watchlist export as CSV', () => {
  it('has a header row and one row per entry, with ISO dates and CRLF line ends', () => {
    const csv = watchlistToCsv([entry(1, { status: 'watched', note: 'Great' })]);
    expect(csv.endsWith('\r\n')).toBe(true);
    const rows = readCsv(csv);
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows[1]).toEqual([
      'wd:Q1001',
      'Show 1',
      '2020',
      'series',
      'watched',
      '2026-06-02T12:00:00.000Z',
      '2026-06-02T12:00:00.000Z',
      '2026-06-02T12:00:00.000Z',
      'netflix',
      '80000001',
      '',
      '',
      'Great',
    ]);
  });

  it('quotes commas, quotes and line breaks, and reads back exactly', () => {
    const note = 'She said "no", then\r\nleft; later\nmore';
    const title = 'Narcos, México';
    const rows = readCsv(watchlistToCsv([entry(1, { note, title })]));
    expect(rows[1]![1]).toBe(title);
    expect(rows[1]![12]).toBe(note);
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('plain')).toBe('plain');
  });

  it.each([
    ['=HYPERLINK("http://evil.example","click")', `"'=HYPERLINK(""http://evil.example"",""click"")"`],
    ['+1+2', "'+1+2"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
    ['\r=1', `"'\r=1"`],
  ])('keeps a spreadsheet from running %j as a formula', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
    const rows = readCsv(watchlistToCsv([entry(1, { note: value })]));
    expect(rows[1]![12]).toBe(`'${value}`);
  });

  it('writes 10,000 entries, one line each', () => {
    const csv = watchlistToCsv(Array.from({ length: 10_000 }, (_, n) => entry(n, { note: `line one\nline two of ${n}` })));
    const rows = readCsv(csv);
    expect(rows).toHaveLength(10_001);
    expect(rows[10_000]![12]).toBe('line one\nline two of 9999');
  });

  it('leaves a formula character that is not at the start alone', () => {
    expect(csvCell('1 = 1')).toBe('1 = 1');
  });
});
