import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compareLocales, LOCALES, mergeAreas, type AreaTexts, type Locale } from './locale-files';

export const LOCALES_DIR = 'assets/locales';

/** Reads and checks every language's area files (Node only: the build and the tests). */
export function readLocales(root = LOCALES_DIR): { texts: Record<Locale, AreaTexts>; problems: string[] } {
  const problems: string[] = [];
  const texts = {} as Record<Locale, AreaTexts>;
  for (const locale of LOCALES) {
    const dir = join(root, locale);
    const files: Record<string, unknown> = {};
    for (const name of readdirSync(dir).filter((file) => file.endsWith('.json')).sort()) {
      const path = join(dir, name);
      try {
        files[path] = JSON.parse(readFileSync(path, 'utf8')) as unknown;
      } catch (error) {
        problems.push(`${path}: ${(error as Error).message}`);
      }
    }
    const merged = mergeAreas(files);
    texts[locale] = merged.texts;
    problems.push(...merged.problems);
  }
  problems.push(...compareLocales(texts));
  return { texts, problems };
}
