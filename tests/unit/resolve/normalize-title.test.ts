import { describe, expect, it } from 'vitest';
import { normalizeTitle } from '../../../lib/resolve/normalize-title';

describe('normalizeTitle', () => {
  it('drops the full stop that is part of "Somos."', () => {
    expect(normalizeTitle('Somos.')).toBe(normalizeTitle('Somos'));
    expect(normalizeTitle('Somos.')).toBe('somos');
  });

  it('folds case, accents, quotes and spacing but keeps every word', () => {
    expect(normalizeTitle('  ANATOMÍA de una  Masacre ')).toBe('anatomia de una masacre');
    expect(normalizeTitle('It’s Complicated')).toBe(normalizeTitle("It's Complicated"));
    expect(normalizeTitle('Somos nosotros')).not.toBe(normalizeTitle('Somos'));
  });

  it('drops a trailing qualifier such as "(TV series)" or "(2021)"', () => {
    expect(normalizeTitle('Somos (TV series)')).toBe('somos');
    expect(normalizeTitle('Somos (2021)')).toBe('somos');
    expect(normalizeTitle('Somos (miniseries)')).toBe('somos');
  });

  it('keeps titles in other scripts and treats full-width forms like ASCII', () => {
    expect(normalizeTitle('ＳＯＭＯＳ')).toBe('somos');
    expect(normalizeTitle('イカゲーム')).toBe('イカゲーム');
  });

  it('reduces a title of punctuation only to nothing', () => {
    expect(normalizeTitle(' … — ')).toBe('');
  });
});
