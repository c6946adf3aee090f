import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browserMessages, compareLocales, mergeAreas, toBrowserMessage } from '@/lib/i18n/locale-files';
import { readLocales } from '@/lib/i18n/read-locales';
import { t, uiLanguage } from '@/lib/i18n/t';
import { useLocale } from '../support/i18n';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

describe('the shipped translations', () => {
  const { texts, problems } = readLocales();

  it('have every key in English and Spanish with the same values marked', () => {
    expect(problems).toEqual([]);
    expect(Object.keys(texts.es).sort()).toEqual(Object.keys(texts.en).sort());
  });

  it('define every key the code asks for', () => {
    const asked = new Set<string>();
    for (const file of ['lib', 'components', 'entrypoints'].flatMap(sourceFiles)) {
      const code = readFileSync(file, 'utf8');
      for (const match of code.matchAll(/\bt\(\s*'([a-z0-9_]+)'/g)) asked.add(match[1]!);
      for (const match of code.matchAll(/getMessage\(\s*'([a-z0-9_]+)'/g)) asked.add(match[1]!);
    }
    const missing = [...asked].filter((key) => !(key in texts.en));
    expect(missing).toEqual([]);
  });
});

describe('the locale file rules', () => {
  it('refuse a key defined twice, a bad key and an empty text', () => {
    const { problems } = mergeAreas({ 'a.json': { one: 'One', 'Bad-Key': 'x', empty: ' ' }, 'b.json': { one: 'Again' }, 'c.json': ['no'] });
    expect(problems).toEqual([
      'a.json: "Bad-Key" is not a valid key (lower case, digits, _)',
      'a.json: "empty" has no text',
      'b.json: "one" is already defined in a.json',
      'c.json: not an object of key → text',
    ]);
  });

  it('refuse a translation that is missing, extra or marks other values', () => {
    const problems = compareLocales({ en: { a: 'Remove $1', b: 'B' }, es: { a: 'Quitar', c: 'C' } });
    expect(problems).toEqual(['es: "a" marks no values, en marks 1', 'es: "b" is missing', 'es: "c" is not in en']);
  });

  it('write values through placeholders and keep a literal dollar sign', () => {
    expect(toBrowserMessage('$2 before $1, costs $5.00 or $')).toEqual({
      message: '$V2$ before $V1$, costs $V5$.00 or $$',
      placeholders: { v1: { content: '$1' }, v2: { content: '$2' }, v5: { content: '$5' } },
    });
    expect(browserMessages({ plain: 'No values' })).toEqual({ plain: { message: 'No values' } });
  });
});

describe('t()', () => {
  it('speaks the browser language, English by default, and shows a missing key as itself', () => {
    expect(t('brand_tagline')).toBe('The real story behind the show');
    expect(uiLanguage()).toBe('en');
    useLocale('es');
    expect(t('brand_tagline')).toBe('La historia real detrás de la serie');
    expect(uiLanguage()).toBe('es');
    expect(t('no_such_key')).toBe('no_such_key');
  });

  it('names the language the texts come from, even when the browser reports another', () => {
    useLocale('es');
    // Headless Chromium with --lang=es serves Spanish texts while reporting en-US.
    fakeBrowser.i18n.getUILanguage = () => 'en-US';
    expect(uiLanguage()).toBe('es');
    useLocale('en');
    fakeBrowser.i18n.getUILanguage = () => 'es-MX';
    expect(uiLanguage()).toBe('en');
  });

  it('falls back to the browser language only when the texts do not say', () => {
    const served = fakeBrowser.i18n.getMessage;
    fakeBrowser.i18n.getMessage = ((key: string, values?: string | string[]) => (key === 'ui_language' ? '' : served(key as never, values))) as typeof served;
    fakeBrowser.i18n.getUILanguage = () => 'es-AR';
    expect(uiLanguage()).toBe('es');
    fakeBrowser.i18n.getUILanguage = () => 'fr-FR';
    expect(uiLanguage()).toBe('en');
  });
});
