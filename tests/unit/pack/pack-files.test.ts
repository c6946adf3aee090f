/**
 * Every curated entry on disk must pass the pack rules. This is the test that stops a bad entry
 * from shipping: drop a new file in assets/pack/ and it is checked here with no code change.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { PackEntrySchema, loadPack, validatePackFiles } from '../../../lib/sources/pack';

// Node's fs wants a path: under jsdom the global URL is jsdom's, which fs does not accept.
const PACK_DIR = resolve(import.meta.dirname, '../../../assets/pack') + '/';
const fileNames = readdirSync(PACK_DIR)
  .filter((name) => name.endsWith('.json'))
  .sort();
const files: Record<string, unknown> = Object.fromEntries(
  fileNames.map((name) => [`assets/pack/${name}`, JSON.parse(readFileSync(PACK_DIR + name, 'utf8')) as unknown]),
);

describe('the curated pack on disk', () => {
  it('has at least the Somos. entry', () => {
    expect(fileNames).toContain('somos.json');
  });

  it.each(fileNames)('%s passes every pack rule', (name) => {
    const { problems } = validatePackFiles({ [`assets/pack/${name}`]: files[`assets/pack/${name}`] });
    // Printing the problems makes a failing build say exactly what to fix.
    expect(problems.flatMap((problem) => problem.issues)).toEqual([]);
    expect(PackEntrySchema.safeParse(files[`assets/pack/${name}`]).success).toBe(true);
  });

  it('has no two entries with the same key or Netflix ID', () => {
    const { entries } = validatePackFiles(files);
    const keys = entries.map((entry) => entry.key);
    expect(new Set(keys).size).toBe(keys.length);
    const ids = entries.flatMap((entry) => entry.ids.netflix ?? []);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('loadPack bundles every file through the Vite glob, without warnings', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const entries = loadPack();
    expect(warn).not.toHaveBeenCalled();
    expect(entries.map((entry) => entry.key).sort()).toEqual(fileNames.map((name) => `pack:${name.replace(/\.json$/, '')}`).sort());
  });
});
