/**
 * Turning Wikipedia extracts into the short plain text we show. The service worker has no DOM, so
 * this is done with string rules: the panel renders text, never HTML, so all that matters here is
 * that markup does not show up as literal tags and entities.
 */

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
};

/** Tags dropped (scripts and styles with their content), entities decoded, whitespace collapsed. */
export function htmlToText(html: string): string {
  return html
    .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<br\s*\/?>|<\/p\s*>/gi, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#\d+|#x[\da-f]+|[a-z]+);/gi, decodeEntity)
    .replace(/\s+/g, ' ')
    .trim();
}

function decodeEntity(entity: string, name: string): string {
  if (name.startsWith('#')) {
    const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10);
    return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
  }
  return NAMED_ENTITIES[name.toLowerCase()] ?? entity;
}

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
  return first ? cutAtWord(first, maxChars) : undefined;
}

/** The text itself if short enough, else cut at the last word boundary with an ellipsis. */
export function cutAtWord(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  const room = text.slice(0, maxChars - 1);
  const lastSpace = room.lastIndexOf(' ');
  const cut = (lastSpace > maxChars / 2 ? room.slice(0, lastSpace) : room).replace(/[\s,;:–—-]+$/u, '');
  return `${cut}…`;
}
