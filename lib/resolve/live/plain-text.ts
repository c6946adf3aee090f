/**
 * Cutting Wikipedia extracts down to the few sentences we show. Making them plain text is
 * lib/sources/parsing/clean.ts's job (plainText, truncate); this file only knows sentences.
 */
import { truncate } from '../../sources/parsing/clean';

// Abbreviations whose full stop does not end a sentence.
const ABBREVIATIONS = new Set(['mr', 'mrs', 'ms', 'dr', 'st', 'jr', 'sr', 'vs', 'etc', 'no', 'mt', 'inc', 'ltd', 'co', 'gen', 'gov', 'sen', 'rep', 'lt', 'col', 'sgt', 'approx']);

/**
 * Splits prose into sentences. A full stop after a single letter ("U.S.", "J. Smith") or a known
 * abbreviation does not end one, nor does one followed by a lower-case word ("e.g. the").
 */
export function sentencesOf(text: string): string[] {
  const sentences: string[] = [];
  const boundary = /[.!?]+["'”’)\]]*(?=\s+|$)/gu;
  let start = 0;
  for (let match = boundary.exec(text); match; match = boundary.exec(text)) {
    const end = match.index + match[0].length;
    const before = text.slice(start, match.index);
    const lastWord = /([\p{L}.]+)$/u.exec(before)?.[1] ?? '';
    const after = text.slice(end).trimStart();
    const isInitial = /(?:^|\.)\p{L}$/u.test(lastWord);
    const isAbbreviation = ABBREVIATIONS.has(lastWord.toLowerCase());
    const nextIsLowerCase = /^\p{Ll}/u.test(after);
    if (match[0].startsWith('.') && (isInitial || isAbbreviation || nextIsLowerCase) && after !== '') continue;
    const sentence = text.slice(start, end).trim();
    if (sentence) sentences.push(sentence);
    start = end;
  }
  const rest = text.slice(start).trim();
  if (rest) sentences.push(rest);
  return sentences;
}

/**
 * The first sentences of a text, at most `maxSentences` and `maxChars`. Whole sentences only; if
 * even the first is too long, it is cut at a word and marked with an ellipsis.
 */
export function leadingSentences(text: string, maxSentences: number, maxChars: number): string | undefined {
  const sentences = sentencesOf(text).slice(0, maxSentences);
  let kept = '';
  for (const sentence of sentences) {
    const next = kept ? `${kept} ${sentence}` : sentence;
    if (next.length > maxChars) break;
    kept = next;
  }
  if (kept) return kept;
  const first = sentences[0];
  return first ? truncate(first, maxChars) : undefined;
}
