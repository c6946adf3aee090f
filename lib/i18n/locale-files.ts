/**
 * Backstory's texts live in small per-area files (assets/locales/<language>/<area>.json, each a
 * flat map of key → text) so each part of the extension owns its own words. The build merges
 * them into the browser's `_locales/<language>/messages.json`. Pure, so the build and the unit
 * tests check the same rules.
 *
 * A text marks its values as $1 … $9 (the order `t()` passes them); a translation may put them
 * in any order but must use the same ones.
 */

export const LOCALES = ['en', 'es'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

export type AreaTexts = Record<string, string>;
export interface BrowserMessage {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

const KEY = /^[a-z][a-z0-9_]*$/;
const VALUE_MARK = /\$([1-9])/g;

/** The $n marks a text uses, sorted. */
export function valueMarks(text: string): string[] {
  return [...new Set(Array.from(text.matchAll(VALUE_MARK), (match) => match[1]!))].sort();
}

/**
 * The browser's format: `$1` inside a message is written through a named placeholder, and a
 * literal `$` must be doubled.
 */
export function toBrowserMessage(text: string): BrowserMessage {
  const marks = valueMarks(text);
  const message = text.replace(/\$(?![1-9])/g, '$$$$').replace(VALUE_MARK, (_, n: string) => `$V${n}$`);
  if (marks.length === 0) return { message };
  return { message, placeholders: Object.fromEntries(marks.map((n) => [`v${n}`, { content: `$${n}` }])) };
}

/** Merges one language's area files; a key defined twice, a bad key or an empty text is a problem. */
export function mergeAreas(files: Record<string, unknown>): { texts: AreaTexts; problems: string[] } {
  const texts: AreaTexts = {};
  const from: Record<string, string> = {};
  const problems: string[] = [];
  for (const [file, content] of Object.entries(files)) {
    if (typeof content !== 'object' || content === null || Array.isArray(content)) {
      problems.push(`${file}: not an object of key → text`);
      continue;
    }
    for (const [key, text] of Object.entries(content)) {
      if (!KEY.test(key)) problems.push(`${file}: "${key}" is not a valid key (lower case, digits, _)`);
      else if (typeof text !== 'string' || text.trim() === '') problems.push(`${file}: "${key}" has no text`);
      else if (key in texts) problems.push(`${file}: "${key}" is already defined in ${from[key]}`);
      else {
        texts[key] = text;
        from[key] = file;
      }
    }
  }
  return { texts, problems };
}

/** Every language has every key of the default one, no more, with the same values marked. */
export function compareLocales(byLocale: Record<string, AreaTexts>): string[] {
  const problems: string[] = [];
  const base = byLocale[DEFAULT_LOCALE] ?? {};
  for (const [locale, texts] of Object.entries(byLocale)) {
    if (locale === DEFAULT_LOCALE) continue;
    for (const key of Object.keys(base)) {
      if (!(key in texts)) problems.push(`${locale}: "${key}" is missing`);
      else if (valueMarks(texts[key]!).join() !== valueMarks(base[key]!).join())
        problems.push(`${locale}: "${key}" marks ${valueMarks(texts[key]!).join(', ') || 'no values'}, ${DEFAULT_LOCALE} marks ${valueMarks(base[key]!).join(', ') || 'no values'}`);
    }
    for (const key of Object.keys(texts)) if (!(key in base)) problems.push(`${locale}: "${key}" is not in ${DEFAULT_LOCALE}`);
  }
  return problems;
}

/** One language's `messages.json`. */
export function browserMessages(texts: AreaTexts): Record<string, BrowserMessage> {
  return Object.fromEntries(Object.entries(texts).map(([key, text]) => [key, toBrowserMessage(text)]));
}
