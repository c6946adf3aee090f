/** The pack-only rules reject bad entries with a message that names the problem. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  PackEntrySchema,
  countSentences,
  countWords,
  slugOf,
  validatePackFiles,
} from '../../../lib/sources/pack';

const SOMOS_TEXT = readFileSync(resolve(import.meta.dirname, '../../../assets/pack/somos.json'), 'utf8');

/** A fresh, mutable copy of the Somos. entry to break. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function somos(): any {
  return JSON.parse(SOMOS_TEXT);
}

/** Validates one entry as if it were assets/pack/<slug>.json and returns its problems. */
function issuesOf(entry: unknown, slug = 'somos'): string[] {
  const { problems } = validatePackFiles({ [`../../assets/pack/${slug}.json`]: entry });
  return problems.flatMap((problem) => problem.issues);
}

describe('pack rules', () => {
  it('accept the Somos. entry as it is', () => {
    expect(issuesOf(somos())).toEqual([]);
  });

  it('reject a javascript: URL, naming the field and the value', () => {
    const entry = somos();
    entry.reviews[0].url = 'javascript:alert(1)';
    entry.sources.push({ name: 'Evil', url: 'javascript:alert(1)' });
    const issues = issuesOf(entry);
    expect(issues).toContainEqual(expect.stringMatching(/^reviews\[0\]\.url: "javascript:alert\(1\)" is not an allowed link/));
    expect(issues.some((issue) => issue.startsWith('sources['))).toBe(true);
  });

  it('reject a cited URL missing from sources', () => {
    const entry = somos();
    entry.events[0].citedBy.push('https://example.org/uncited');
    expect(issuesOf(entry)).toContainEqual(
      expect.stringMatching(/^events\[0\]\.citedBy\[\d+\]: cited URL is not listed in sources: https:\/\/example\.org\/uncited$/),
    );
  });

  it('reject a figure claim URL, work URL or review citation missing from sources', () => {
    const entry = somos();
    entry.events[0].figures[0].claims[0].url = 'https://example.org/claim';
    entry.basedOn[1].url = 'https://example.org/podcast';
    entry.reviews[0].citedBy = ['https://example.org/attribution'];
    const issues = issuesOf(entry);
    expect(issues).toContainEqual(expect.stringContaining('events[0].figures[0].claims[0].url: cited URL is not listed'));
    expect(issues).toContainEqual(expect.stringContaining('basedOn[1].url: cited URL is not listed'));
    expect(issues).toContainEqual(expect.stringContaining('reviews[0].citedBy[0]: cited URL is not listed'));
  });

  it('reject a source listed twice and a source without a human name', () => {
    const entry = somos();
    entry.sources.push({ ...entry.sources[0] });
    entry.sources[1].name = 'https://propublica.org';
    const issues = issuesOf(entry);
    expect(issues).toContainEqual(expect.stringContaining('source URL listed twice'));
    expect(issues).toContainEqual(expect.stringContaining('sources[1].name: source name should be a human name'));
  });

  it('reject a figure whose range does not cover its claims', () => {
    const entry = somos();
    entry.events[0].figures[0].high = 100; // a claim says 300
    expect(issuesOf(entry)).toContainEqual(
      expect.stringMatching(/^events\[0\]\.figures\[0\]: figure "People killed or disappeared" is 26–100 but its claims span 26–300/),
    );
  });

  it('reject a figure range wider than its claims, and a claim whose low is above its high', () => {
    const wide = somos();
    wide.events[0].figures[0].low = 0;
    expect(issuesOf(wide)).toContainEqual(expect.stringContaining('is 0–300 but its claims span 26–300'));

    const inverted = somos();
    inverted.events[0].figures[0].claims[6].low = 70; // "about 60": 70–60
    expect(issuesOf(inverted)).toContainEqual(expect.stringContaining('claim "about 60": low 70 is above high 60'));
  });

  it('reject a 500-character quote', () => {
    const entry = somos();
    entry.reviews[0].quote = 'word '.repeat(100).trim(); // 499 characters, 100 words
    const issues = issuesOf(entry);
    expect(issues).toContainEqual(expect.stringContaining('reviews[0].quote: quote from The Guardian is too long (499 characters, 100 words)'));
  });

  it('reject a quote of more than 40 words even when it is under 300 characters', () => {
    const entry = somos();
    entry.reviews[0].quote = 'a b c d e f g h i j '.repeat(5).trim(); // 50 words, 99 characters
    expect(issuesOf(entry)).toContainEqual(expect.stringContaining('too long (99 characters, 50 words)'));
  });

  it('reject a key that does not match the file name', () => {
    expect(issuesOf(somos(), 'narcos')).toContainEqual(
      'key: "pack:somos" does not match the file name; narcos.json must have key "pack:narcos"',
    );
  });

  it('reject a key that is not a pack key', () => {
    const entry = somos();
    entry.key = 'wd:Q123';
    expect(issuesOf(entry)).toContainEqual(expect.stringContaining('key: pack keys look like "pack:<slug>"'));
  });

  it('reject an entry with no basis work', () => {
    const entry = somos();
    entry.basedOn = entry.basedOn.filter((work: { relation: string }) => work.relation !== 'basis');
    expect(issuesOf(entry)).toContainEqual(
      'basedOn: a pack entry needs at least one work with relation "basis" (what the show is based on)',
    );
  });

  it('reject a basis summary that is one sentence or five', () => {
    const short = somos();
    short.basedOn[0].summary = 'An investigation of the Allende massacre.';
    expect(issuesOf(short)).toContainEqual(expect.stringContaining('has 1 sentence(s); basis summaries have 2–4'));

    const long = somos();
    long.basedOn[0].summary = 'One. Two. Three. Four. Five.';
    expect(issuesOf(long)).toContainEqual(expect.stringContaining('has 5 sentence(s)'));

    const missing = somos();
    delete missing.basedOn[0].summary;
    expect(issuesOf(missing)).toContainEqual(expect.stringContaining('needs a summary of 2–4 sentences'));
  });

  it('reject an event that ends before it starts, at any date precision', () => {
    const entry = somos();
    entry.events[0].end = '2011-02';
    expect(issuesOf(entry)).toContainEqual(
      'events[0].end: event "The Allende massacre" ends (2011-02) before it starts (2011-03-18)',
    );
    const sameMonth = somos();
    sameMonth.events[0].end = '2011-03';
    expect(issuesOf(sameMonth)).toEqual([]);
  });

  it('reject a premiere date outside the entry’s year', () => {
    const entry = somos();
    entry.premiered = '2020-06-30';
    expect(issuesOf(entry)).toContainEqual('premiered: premiered 2020-06-30 is not in the entry\'s year 2021');
  });

  it('expose the same rules through PackEntrySchema', () => {
    const entry = somos();
    entry.basedOn = [];
    const result = PackEntrySchema.safeParse(entry);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.message)).toContainEqual(expect.stringContaining('relation "basis"'));
  });
});

describe('validatePackFiles, as loadPack uses it', () => {
  it('skips the bad files, keeps the good ones and reports every problem of each', () => {
    const bad = somos();
    bad.key = 'pack:broken';
    bad.reviews[0].quote = 'x'.repeat(500);
    bad.events[0].citedBy.push('https://example.org/uncited');
    const { entries, problems } = validatePackFiles({
      '../../assets/pack/somos.json': somos(),
      '../../assets/pack/broken.json': bad,
      '../../assets/pack/not-json-object.json': 'oops',
    });
    expect(entries.map((entry) => entry.key)).toEqual(['pack:somos']);
    expect(problems.map((problem) => problem.file)).toEqual([
      '../../assets/pack/broken.json',
      '../../assets/pack/not-json-object.json',
    ]);
    const broken = problems[0]!.issues;
    expect(broken).toContainEqual(expect.stringContaining('reviews[0].quote'));
    expect(broken).toContainEqual(expect.stringContaining('https://example.org/uncited'));
    expect(problems[1]!.issues.length).toBeGreaterThan(0);
  });

  it('rejects a file name that is not a slug', () => {
    const entry = somos();
    entry.key = 'pack:Somos';
    const { problems } = validatePackFiles({ 'assets/pack/Somos.json': entry });
    expect(problems[0]?.issues).toContainEqual(expect.stringContaining('file name "Somos.json" must be a slug'));
  });
});

describe('text measures', () => {
  it('count sentences without splitting on initials', () => {
    expect(countSentences('How the U.S. Triggered a Massacre in Mexico is long. It names the DEA.')).toBe(2);
    expect(countSentences('She said “enough.” Then she left!')).toBe(2);
    expect(countSentences('')).toBe(0);
  });

  it('count words', () => {
    expect(countWords('this is a show not only about what happened, but who it happened to')).toBe(14);
    expect(countWords('  – ')).toBe(0);
  });

  it('take the slug from a glob path', () => {
    expect(slugOf('../../assets/pack/somos.json')).toBe('somos');
    expect(slugOf('assets\\pack\\the-wire.json')).toBe('the-wire');
  });
});
